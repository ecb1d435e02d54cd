-- CreateEnum
CREATE TYPE "MultiplierKind" AS ENUM ('TENDER', 'CHANNEL', 'TRANSACTION_TYPE');

-- CreateEnum
CREATE TYPE "CampaignType" AS ENUM ('SKU', 'BRAND', 'CATEGORY', 'DAY_TIME');

-- CreateEnum
CREATE TYPE "CampaignStatus" AS ENUM ('ACTIVE', 'INACTIVE');

-- CreateEnum
CREATE TYPE "LedgerEntryType" AS ENUM ('EARN', 'REDEEM', 'RETURN', 'ADJUST', 'EXPIRE');

-- CreateEnum
CREATE TYPE "LedgerSource" AS ENUM ('PURCHASE', 'PARTNER', 'STAFF', 'MANUAL');

-- AlterTable
ALTER TABLE "Program" ADD COLUMN     "allowNegativeBalance" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "pointsConfigVersion" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "PointsMultiplier" (
    "programId" UUID NOT NULL,
    "kind" "MultiplierKind" NOT NULL,
    "code" INTEGER NOT NULL,
    "multiplier" DECIMAL(12,4) NOT NULL,

    CONSTRAINT "PointsMultiplier_pkey" PRIMARY KEY ("programId","kind","code")
);

-- CreateTable
CREATE TABLE "Product" (
    "programId" UUID NOT NULL,
    "sku" TEXT NOT NULL,
    "brand" TEXT,
    "category" TEXT,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Product_pkey" PRIMARY KEY ("programId","sku")
);

-- CreateTable
CREATE TABLE "SkuExclusion" (
    "programId" UUID NOT NULL,
    "sku" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SkuExclusion_pkey" PRIMARY KEY ("programId","sku")
);

-- CreateTable
CREATE TABLE "Campaign" (
    "id" UUID NOT NULL,
    "programId" UUID NOT NULL,
    "type" "CampaignType" NOT NULL,
    "title" TEXT NOT NULL,
    "multiplier" DECIMAL(12,4) NOT NULL,
    "status" "CampaignStatus" NOT NULL DEFAULT 'ACTIVE',
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3),
    "skus" TEXT[],
    "brands" TEXT[],
    "categories" TEXT[],
    "days" TEXT[],
    "startTime" TEXT,
    "endTime" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Campaign_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Member" (
    "id" UUID NOT NULL,
    "programId" UUID NOT NULL,
    "externalId" TEXT NOT NULL,
    "email" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Member_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Purchase" (
    "id" UUID NOT NULL,
    "programId" UUID NOT NULL,
    "memberId" UUID NOT NULL,
    "partnerId" UUID,
    "receiptId" TEXT NOT NULL,
    "basketHash" TEXT NOT NULL,
    "datePurchased" TIMESTAMPTZ(3) NOT NULL,
    "basket" JSONB NOT NULL,
    "breakdown" JSONB NOT NULL,
    "pointsAwarded" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Purchase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PurchaseUnit" (
    "purchaseId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "sku" TEXT NOT NULL,
    "points" INTEGER NOT NULL,
    "returnId" UUID,

    CONSTRAINT "PurchaseUnit_pkey" PRIMARY KEY ("purchaseId","position")
);

-- CreateTable
CREATE TABLE "PurchaseReturn" (
    "id" UUID NOT NULL,
    "programId" UUID NOT NULL,
    "purchaseId" UUID NOT NULL,
    "externalId" TEXT NOT NULL,
    "requestHash" TEXT NOT NULL,
    "pointsOwed" INTEGER NOT NULL,
    "pointsReturned" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PurchaseReturn_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LedgerEntry" (
    "id" UUID NOT NULL,
    "programId" UUID NOT NULL,
    "memberId" UUID NOT NULL,
    "type" "LedgerEntryType" NOT NULL,
    "source" "LedgerSource" NOT NULL,
    "points" INTEGER NOT NULL,
    "purchaseId" UUID,
    "returnId" UUID,
    "partnerId" UUID,
    "costPerPoint" DECIMAL(18,6),
    "idempotencyKey" TEXT,
    "note" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LedgerEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Campaign_programId_status_id_idx" ON "Campaign"("programId", "status", "id");

-- CreateIndex
CREATE INDEX "Member_programId_id_idx" ON "Member"("programId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Member_programId_externalId_key" ON "Member"("programId", "externalId");

-- CreateIndex
CREATE INDEX "Purchase_memberId_id_idx" ON "Purchase"("memberId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Purchase_programId_receiptId_key" ON "Purchase"("programId", "receiptId");

-- CreateIndex
CREATE INDEX "PurchaseUnit_purchaseId_sku_idx" ON "PurchaseUnit"("purchaseId", "sku");

-- CreateIndex
CREATE UNIQUE INDEX "PurchaseReturn_programId_externalId_key" ON "PurchaseReturn"("programId", "externalId");

-- CreateIndex
CREATE INDEX "LedgerEntry_memberId_id_idx" ON "LedgerEntry"("memberId", "id");

-- CreateIndex
CREATE INDEX "LedgerEntry_programId_partnerId_createdAt_idx" ON "LedgerEntry"("programId", "partnerId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "LedgerEntry_programId_idempotencyKey_key" ON "LedgerEntry"("programId", "idempotencyKey");

-- AddForeignKey
ALTER TABLE "PointsMultiplier" ADD CONSTRAINT "PointsMultiplier_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Product" ADD CONSTRAINT "Product_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SkuExclusion" ADD CONSTRAINT "SkuExclusion_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Campaign" ADD CONSTRAINT "Campaign_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Member" ADD CONSTRAINT "Member_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Purchase" ADD CONSTRAINT "Purchase_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Purchase" ADD CONSTRAINT "Purchase_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Purchase" ADD CONSTRAINT "Purchase_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PurchaseUnit" ADD CONSTRAINT "PurchaseUnit_purchaseId_fkey" FOREIGN KEY ("purchaseId") REFERENCES "Purchase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PurchaseUnit" ADD CONSTRAINT "PurchaseUnit_returnId_fkey" FOREIGN KEY ("returnId") REFERENCES "PurchaseReturn"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PurchaseReturn" ADD CONSTRAINT "PurchaseReturn_purchaseId_fkey" FOREIGN KEY ("purchaseId") REFERENCES "Purchase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_purchaseId_fkey" FOREIGN KEY ("purchaseId") REFERENCES "Purchase"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
