-- CreateEnum
CREATE TYPE "ProjectStatus" AS ENUM ('ACTIVE', 'INACTIVE');

-- CreateEnum
CREATE TYPE "ClickStatus" AS ENUM ('VALID', 'BOT', 'DUPLICATE', 'DISCARDED');

-- CreateEnum
CREATE TYPE "ConversionType" AS ENUM ('LEAD', 'SALE');

-- CreateEnum
CREATE TYPE "ConversionStatus" AS ENUM ('ATTRIBUTED', 'UNATTRIBUTED', 'DISCARDED');

-- CreateEnum
CREATE TYPE "AttributionSource" AS ENUM ('CLICK', 'CODE', 'CUSTOMER');

-- CreateEnum
CREATE TYPE "RewardEvent" AS ENUM ('CLICK', 'LEAD', 'SALE');

-- CreateEnum
CREATE TYPE "RewardType" AS ENUM ('FLAT', 'PERCENTAGE');

-- CreateEnum
CREATE TYPE "CommissionStatus" AS ENUM ('PENDING', 'APPROVED', 'PAID', 'VOID', 'REVERSED');

-- CreateEnum
CREATE TYPE "CommissionKind" AS ENUM ('EARNING', 'CLAWBACK');

-- AlterTable
ALTER TABLE "Partner" ADD COLUMN     "defaultProjectId" UUID;

-- CreateTable
CREATE TABLE "ReferralProject" (
    "id" UUID NOT NULL,
    "programId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "status" "ProjectStatus" NOT NULL DEFAULT 'ACTIVE',
    "attributionWindowDays" INTEGER NOT NULL DEFAULT 90,
    "clickDedupWindowSeconds" INTEGER NOT NULL DEFAULT 3600,
    "currency" CHAR(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ReferralProject_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProjectMembership" (
    "id" UUID NOT NULL,
    "programId" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "partnerId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProjectMembership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReferralLink" (
    "id" UUID NOT NULL,
    "programId" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "partnerId" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "destinationUrl" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReferralLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Click" (
    "id" UUID NOT NULL,
    "programId" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "linkId" UUID NOT NULL,
    "partnerId" UUID NOT NULL,
    "status" "ClickStatus" NOT NULL,
    "ipHash" TEXT NOT NULL,
    "visitorHash" TEXT NOT NULL,
    "userAgent" TEXT,
    "referrer" TEXT,
    "country" CHAR(2),
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Click_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Conversion" (
    "id" UUID NOT NULL,
    "programId" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "type" "ConversionType" NOT NULL,
    "externalId" TEXT NOT NULL,
    "customerExternalId" TEXT,
    "status" "ConversionStatus" NOT NULL,
    "attributedVia" "AttributionSource",
    "partnerId" UUID,
    "linkId" UUID,
    "clickId" UUID,
    "amount" DECIMAL(18,4),
    "refundedAmount" DECIMAL(18,4) NOT NULL DEFAULT 0,
    "currency" CHAR(3) NOT NULL,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Conversion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReferralCustomer" (
    "id" UUID NOT NULL,
    "programId" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "externalId" TEXT NOT NULL,
    "partnerId" UUID NOT NULL,
    "linkId" UUID,
    "attributedAt" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReferralCustomer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RewardRule" (
    "id" UUID NOT NULL,
    "programId" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "partnerId" UUID,
    "event" "RewardEvent" NOT NULL,
    "type" "RewardType" NOT NULL,
    "flatAmount" DECIMAL(18,4),
    "percentage" DECIMAL(7,4),
    "maxRecurringMonths" INTEGER,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "deletedAt" TIMESTAMPTZ(3),

    CONSTRAINT "RewardRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Commission" (
    "id" UUID NOT NULL,
    "programId" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "partnerId" UUID NOT NULL,
    "kind" "CommissionKind" NOT NULL,
    "event" "RewardEvent" NOT NULL,
    "conversionId" UUID,
    "clickId" UUID,
    "ruleId" UUID,
    "sourceKey" TEXT NOT NULL,
    "amount" DECIMAL(18,4) NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "status" "CommissionStatus" NOT NULL DEFAULT 'PENDING',
    "period" TEXT NOT NULL,
    "earnedAt" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Commission_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CommissionPeriodLock" (
    "id" UUID NOT NULL,
    "programId" UUID NOT NULL,
    "period" TEXT NOT NULL,
    "lockedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CommissionPeriodLock_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReferralProject_programId_id_idx" ON "ReferralProject"("programId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "ReferralProject_programId_slug_key" ON "ReferralProject"("programId", "slug");

-- CreateIndex
CREATE INDEX "ProjectMembership_partnerId_id_idx" ON "ProjectMembership"("partnerId", "id");

-- CreateIndex
CREATE INDEX "ProjectMembership_programId_idx" ON "ProjectMembership"("programId");

-- CreateIndex
CREATE UNIQUE INDEX "ProjectMembership_projectId_partnerId_key" ON "ProjectMembership"("projectId", "partnerId");

-- CreateIndex
CREATE UNIQUE INDEX "ReferralLink_code_key" ON "ReferralLink"("code");

-- CreateIndex
CREATE INDEX "ReferralLink_programId_id_idx" ON "ReferralLink"("programId", "id");

-- CreateIndex
CREATE INDEX "ReferralLink_projectId_id_idx" ON "ReferralLink"("projectId", "id");

-- CreateIndex
CREATE INDEX "ReferralLink_partnerId_id_idx" ON "ReferralLink"("partnerId", "id");

-- CreateIndex
CREATE INDEX "Click_programId_createdAt_idx" ON "Click"("programId", "createdAt");

-- CreateIndex
CREATE INDEX "Click_projectId_createdAt_idx" ON "Click"("projectId", "createdAt");

-- CreateIndex
CREATE INDEX "Click_partnerId_createdAt_idx" ON "Click"("partnerId", "createdAt");

-- CreateIndex
CREATE INDEX "Click_linkId_visitorHash_status_createdAt_idx" ON "Click"("linkId", "visitorHash", "status", "createdAt");

-- CreateIndex
CREATE INDEX "Click_linkId_status_createdAt_idx" ON "Click"("linkId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "Conversion_programId_occurredAt_idx" ON "Conversion"("programId", "occurredAt");

-- CreateIndex
CREATE INDEX "Conversion_projectId_occurredAt_idx" ON "Conversion"("projectId", "occurredAt");

-- CreateIndex
CREATE INDEX "Conversion_partnerId_occurredAt_idx" ON "Conversion"("partnerId", "occurredAt");

-- CreateIndex
CREATE INDEX "Conversion_clickId_idx" ON "Conversion"("clickId");

-- CreateIndex
CREATE INDEX "Conversion_linkId_idx" ON "Conversion"("linkId");

-- CreateIndex
CREATE UNIQUE INDEX "Conversion_projectId_externalId_key" ON "Conversion"("projectId", "externalId");

-- CreateIndex
CREATE INDEX "ReferralCustomer_programId_idx" ON "ReferralCustomer"("programId");

-- CreateIndex
CREATE INDEX "ReferralCustomer_partnerId_idx" ON "ReferralCustomer"("partnerId");

-- CreateIndex
CREATE UNIQUE INDEX "ReferralCustomer_projectId_externalId_key" ON "ReferralCustomer"("projectId", "externalId");

-- CreateIndex
CREATE INDEX "RewardRule_projectId_event_deletedAt_idx" ON "RewardRule"("projectId", "event", "deletedAt");

-- CreateIndex
CREATE INDEX "RewardRule_partnerId_idx" ON "RewardRule"("partnerId");

-- CreateIndex
CREATE INDEX "RewardRule_programId_id_idx" ON "RewardRule"("programId", "id");

-- CreateIndex
CREATE INDEX "Commission_programId_period_status_idx" ON "Commission"("programId", "period", "status");

-- CreateIndex
CREATE INDEX "Commission_programId_id_idx" ON "Commission"("programId", "id");

-- CreateIndex
CREATE INDEX "Commission_programId_earnedAt_idx" ON "Commission"("programId", "earnedAt");

-- CreateIndex
CREATE INDEX "Commission_partnerId_earnedAt_idx" ON "Commission"("partnerId", "earnedAt");

-- CreateIndex
CREATE INDEX "Commission_projectId_earnedAt_idx" ON "Commission"("projectId", "earnedAt");

-- CreateIndex
CREATE INDEX "Commission_conversionId_idx" ON "Commission"("conversionId");

-- CreateIndex
CREATE UNIQUE INDEX "Commission_programId_sourceKey_key" ON "Commission"("programId", "sourceKey");

-- CreateIndex
CREATE UNIQUE INDEX "CommissionPeriodLock_programId_period_key" ON "CommissionPeriodLock"("programId", "period");

-- CreateIndex
CREATE INDEX "Partner_defaultProjectId_idx" ON "Partner"("defaultProjectId");

-- AddForeignKey
ALTER TABLE "Partner" ADD CONSTRAINT "Partner_defaultProjectId_fkey" FOREIGN KEY ("defaultProjectId") REFERENCES "ReferralProject"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReferralProject" ADD CONSTRAINT "ReferralProject_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectMembership" ADD CONSTRAINT "ProjectMembership_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "ReferralProject"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectMembership" ADD CONSTRAINT "ProjectMembership_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReferralLink" ADD CONSTRAINT "ReferralLink_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "ReferralProject"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReferralLink" ADD CONSTRAINT "ReferralLink_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Click" ADD CONSTRAINT "Click_linkId_fkey" FOREIGN KEY ("linkId") REFERENCES "ReferralLink"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Conversion" ADD CONSTRAINT "Conversion_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "ReferralProject"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Conversion" ADD CONSTRAINT "Conversion_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Conversion" ADD CONSTRAINT "Conversion_linkId_fkey" FOREIGN KEY ("linkId") REFERENCES "ReferralLink"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Conversion" ADD CONSTRAINT "Conversion_clickId_fkey" FOREIGN KEY ("clickId") REFERENCES "Click"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RewardRule" ADD CONSTRAINT "RewardRule_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "ReferralProject"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RewardRule" ADD CONSTRAINT "RewardRule_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Commission" ADD CONSTRAINT "Commission_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "ReferralProject"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Commission" ADD CONSTRAINT "Commission_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Commission" ADD CONSTRAINT "Commission_conversionId_fkey" FOREIGN KEY ("conversionId") REFERENCES "Conversion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommissionPeriodLock" ADD CONSTRAINT "CommissionPeriodLock_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE CASCADE ON UPDATE CASCADE;
