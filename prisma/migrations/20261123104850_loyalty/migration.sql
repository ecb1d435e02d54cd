-- CreateEnum
CREATE TYPE "ClubStatus" AS ENUM ('ACTIVE', 'INACTIVE');

-- CreateEnum
CREATE TYPE "ClubRole" AS ENUM ('STAFF', 'CLUB_MANAGER');

-- CreateEnum
CREATE TYPE "CardType" AS ENUM ('LOYALTY', 'STAMP');

-- CreateEnum
CREATE TYPE "CardVisibility" AS ENUM ('PUBLIC', 'QR_ONLY');

-- CreateEnum
CREATE TYPE "CardStatus" AS ENUM ('ACTIVE', 'INACTIVE');

-- CreateEnum
CREATE TYPE "StampCompletion" AS ENUM ('NEW_CARD', 'HOLD');

-- CreateEnum
CREATE TYPE "RewardStatus" AS ENUM ('ACTIVE', 'INACTIVE');

-- CreateEnum
CREATE TYPE "RewardKind" AS ENUM ('COUPON', 'INSTANT');

-- CreateEnum
CREATE TYPE "CouponStatus" AS ENUM ('ISSUED', 'REDEEMED', 'EXPIRED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "GameType" AS ENUM ('SPIN_WHEEL');

-- CreateEnum
CREATE TYPE "GameStatus" AS ENUM ('ACTIVE', 'INACTIVE');

-- CreateEnum
CREATE TYPE "PrizeType" AS ENUM ('POINTS', 'COUPON', 'NOTHING');

-- CreateEnum
CREATE TYPE "PlayPeriod" AS ENUM ('DAY', 'WEEK', 'MONTH');

-- CreateEnum
CREATE TYPE "ActivityType" AS ENUM ('CARD_VIEW', 'FOLLOW', 'UNFOLLOW', 'POINTS_AWARDED', 'STAMPS_ADDED', 'REWARD_REDEEMED', 'COUPON_REDEEMED', 'COUPON_CANCELLED', 'GAME_PLAYED', 'IMPORTED');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "LedgerSource" ADD VALUE 'GAME';
ALTER TYPE "LedgerSource" ADD VALUE 'MEMBER';
ALTER TYPE "LedgerSource" ADD VALUE 'IMPORT';

-- DropIndex
DROP INDEX "LedgerEntry_memberId_id_idx";

-- AlterTable
ALTER TABLE "LedgerEntry" ADD COLUMN     "activityId" UUID,
ADD COLUMN     "cardId" UUID;

-- AlterTable
ALTER TABLE "Member" ADD COLUMN     "name" TEXT;

-- CreateTable
CREATE TABLE "Club" (
    "id" UUID NOT NULL,
    "programId" UUID NOT NULL,
    "partnerId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "address" TEXT,
    "status" "ClubStatus" NOT NULL DEFAULT 'ACTIVE',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Club_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClubStaff" (
    "clubId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "programId" UUID NOT NULL,
    "role" "ClubRole" NOT NULL DEFAULT 'STAFF',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClubStaff_pkey" PRIMARY KEY ("clubId","userId")
);

-- CreateTable
CREATE TABLE "Card" (
    "id" UUID NOT NULL,
    "programId" UUID NOT NULL,
    "partnerId" UUID NOT NULL,
    "type" "CardType" NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "backgroundColor" TEXT,
    "textColor" TEXT,
    "logoUrl" TEXT,
    "visibility" "CardVisibility" NOT NULL DEFAULT 'PUBLIC',
    "status" "CardStatus" NOT NULL DEFAULT 'ACTIVE',
    "followToken" TEXT NOT NULL,
    "pointsPerCurrencyUnit" DECIMAL(12,4),
    "pointsPerVisit" INTEGER,
    "minimumPurchase" DECIMAL(18,4),
    "couponValidityDays" INTEGER,
    "stampsRequired" INTEGER,
    "stampsPerPurchase" INTEGER,
    "dailyStampLimit" INTEGER,
    "afterCompletion" "StampCompletion",
    "memberDailyActionLimit" INTEGER,
    "staffDailyActionLimit" INTEGER,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Card_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CardClub" (
    "cardId" UUID NOT NULL,
    "clubId" UUID NOT NULL,

    CONSTRAINT "CardClub_pkey" PRIMARY KEY ("cardId","clubId")
);

-- CreateTable
CREATE TABLE "CardFollow" (
    "cardId" UUID NOT NULL,
    "memberId" UUID NOT NULL,
    "programId" UUID NOT NULL,
    "followedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CardFollow_pkey" PRIMARY KEY ("cardId","memberId")
);

-- CreateTable
CREATE TABLE "Reward" (
    "id" UUID NOT NULL,
    "programId" UUID NOT NULL,
    "cardId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "kind" "RewardKind" NOT NULL DEFAULT 'COUPON',
    "pointsCost" INTEGER,
    "stock" INTEGER,
    "startsAt" TIMESTAMPTZ(3),
    "endsAt" TIMESTAMPTZ(3),
    "status" "RewardStatus" NOT NULL DEFAULT 'ACTIVE',
    "suspendedAt" TIMESTAMPTZ(3),
    "couponValidityDays" INTEGER,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Reward_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Redemption" (
    "id" UUID NOT NULL,
    "programId" UUID NOT NULL,
    "cardId" UUID NOT NULL,
    "rewardId" UUID NOT NULL,
    "memberId" UUID NOT NULL,
    "clubId" UUID,
    "cost" INTEGER NOT NULL,
    "couponId" UUID,
    "activityId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Redemption_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Coupon" (
    "id" UUID NOT NULL,
    "programId" UUID NOT NULL,
    "cardId" UUID NOT NULL,
    "memberId" UUID NOT NULL,
    "rewardId" UUID,
    "gameId" UUID,
    "code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "status" "CouponStatus" NOT NULL DEFAULT 'ISSUED',
    "issuedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3),
    "redeemedAt" TIMESTAMPTZ(3),
    "redeemedBy" UUID,
    "redeemedClubId" UUID,
    "cancelledAt" TIMESTAMPTZ(3),

    CONSTRAINT "Coupon_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Game" (
    "id" UUID NOT NULL,
    "programId" UUID NOT NULL,
    "cardId" UUID NOT NULL,
    "type" "GameType" NOT NULL DEFAULT 'SPIN_WHEEL',
    "title" TEXT NOT NULL,
    "description" TEXT,
    "status" "GameStatus" NOT NULL DEFAULT 'ACTIVE',
    "playLimit" INTEGER NOT NULL,
    "playPeriod" "PlayPeriod" NOT NULL,
    "startsAt" TIMESTAMPTZ(3),
    "endsAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Game_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GamePrize" (
    "id" UUID NOT NULL,
    "gameId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "type" "PrizeType" NOT NULL,
    "label" TEXT NOT NULL,
    "weight" INTEGER NOT NULL,
    "points" INTEGER,
    "rewardId" UUID,
    "couponCount" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "GamePrize_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GamePlay" (
    "id" UUID NOT NULL,
    "programId" UUID NOT NULL,
    "gameId" UUID NOT NULL,
    "memberId" UUID NOT NULL,
    "prizeId" UUID,
    "idempotencyKey" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GamePlay_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Activity" (
    "id" UUID NOT NULL,
    "programId" UUID NOT NULL,
    "partnerId" UUID NOT NULL,
    "cardId" UUID,
    "clubId" UUID,
    "memberId" UUID,
    "type" "ActivityType" NOT NULL,
    "actorType" TEXT,
    "actorId" TEXT,
    "points" INTEGER,
    "amount" DECIMAL(18,4),
    "rewardId" UUID,
    "couponId" UUID,
    "gameId" UUID,
    "idempotencyKey" TEXT,
    "requestHash" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Activity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QrUse" (
    "nonce" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "usedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "QrUse_pkey" PRIMARY KEY ("nonce","action")
);

-- CreateIndex
CREATE INDEX "Club_programId_id_idx" ON "Club"("programId", "id");

-- CreateIndex
CREATE INDEX "Club_partnerId_id_idx" ON "Club"("partnerId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Club_partnerId_name_key" ON "Club"("partnerId", "name");

-- CreateIndex
CREATE INDEX "ClubStaff_userId_idx" ON "ClubStaff"("userId");

-- CreateIndex
CREATE INDEX "ClubStaff_programId_idx" ON "ClubStaff"("programId");

-- CreateIndex
CREATE UNIQUE INDEX "Card_followToken_key" ON "Card"("followToken");

-- CreateIndex
CREATE INDEX "Card_programId_status_id_idx" ON "Card"("programId", "status", "id");

-- CreateIndex
CREATE INDEX "Card_partnerId_id_idx" ON "Card"("partnerId", "id");

-- CreateIndex
CREATE INDEX "CardClub_clubId_idx" ON "CardClub"("clubId");

-- CreateIndex
CREATE INDEX "CardFollow_memberId_idx" ON "CardFollow"("memberId");

-- CreateIndex
CREATE INDEX "Reward_cardId_status_id_idx" ON "Reward"("cardId", "status", "id");

-- CreateIndex
CREATE INDEX "Reward_programId_id_idx" ON "Reward"("programId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Redemption_couponId_key" ON "Redemption"("couponId");

-- CreateIndex
CREATE INDEX "Redemption_cardId_createdAt_idx" ON "Redemption"("cardId", "createdAt");

-- CreateIndex
CREATE INDEX "Redemption_rewardId_idx" ON "Redemption"("rewardId");

-- CreateIndex
CREATE INDEX "Redemption_memberId_id_idx" ON "Redemption"("memberId", "id");

-- CreateIndex
CREATE INDEX "Coupon_memberId_id_idx" ON "Coupon"("memberId", "id");

-- CreateIndex
CREATE INDEX "Coupon_cardId_status_id_idx" ON "Coupon"("cardId", "status", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Coupon_programId_code_key" ON "Coupon"("programId", "code");

-- CreateIndex
CREATE INDEX "Game_cardId_id_idx" ON "Game"("cardId", "id");

-- CreateIndex
CREATE INDEX "Game_programId_id_idx" ON "Game"("programId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "GamePrize_gameId_position_key" ON "GamePrize"("gameId", "position");

-- CreateIndex
CREATE INDEX "GamePlay_gameId_memberId_createdAt_idx" ON "GamePlay"("gameId", "memberId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "GamePlay_programId_idempotencyKey_key" ON "GamePlay"("programId", "idempotencyKey");

-- CreateIndex
CREATE INDEX "Activity_memberId_id_idx" ON "Activity"("memberId", "id");

-- CreateIndex
CREATE INDEX "Activity_cardId_createdAt_idx" ON "Activity"("cardId", "createdAt");

-- CreateIndex
CREATE INDEX "Activity_clubId_createdAt_idx" ON "Activity"("clubId", "createdAt");

-- CreateIndex
CREATE INDEX "Activity_cardId_memberId_createdAt_idx" ON "Activity"("cardId", "memberId", "createdAt");

-- CreateIndex
CREATE INDEX "Activity_cardId_actorId_createdAt_idx" ON "Activity"("cardId", "actorId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Activity_programId_idempotencyKey_key" ON "Activity"("programId", "idempotencyKey");

-- CreateIndex
CREATE INDEX "QrUse_expiresAt_idx" ON "QrUse"("expiresAt");

-- CreateIndex
CREATE INDEX "LedgerEntry_memberId_cardId_id_idx" ON "LedgerEntry"("memberId", "cardId", "id");

-- CreateIndex
CREATE INDEX "LedgerEntry_cardId_createdAt_idx" ON "LedgerEntry"("cardId", "createdAt");

-- CreateIndex
CREATE INDEX "Member_email_idx" ON "Member"("email");

-- AddForeignKey
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_cardId_fkey" FOREIGN KEY ("cardId") REFERENCES "Card"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "Activity"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Club" ADD CONSTRAINT "Club_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Club" ADD CONSTRAINT "Club_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClubStaff" ADD CONSTRAINT "ClubStaff_clubId_fkey" FOREIGN KEY ("clubId") REFERENCES "Club"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClubStaff" ADD CONSTRAINT "ClubStaff_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Card" ADD CONSTRAINT "Card_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Card" ADD CONSTRAINT "Card_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CardClub" ADD CONSTRAINT "CardClub_cardId_fkey" FOREIGN KEY ("cardId") REFERENCES "Card"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CardClub" ADD CONSTRAINT "CardClub_clubId_fkey" FOREIGN KEY ("clubId") REFERENCES "Club"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CardFollow" ADD CONSTRAINT "CardFollow_cardId_fkey" FOREIGN KEY ("cardId") REFERENCES "Card"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CardFollow" ADD CONSTRAINT "CardFollow_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reward" ADD CONSTRAINT "Reward_cardId_fkey" FOREIGN KEY ("cardId") REFERENCES "Card"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Redemption" ADD CONSTRAINT "Redemption_cardId_fkey" FOREIGN KEY ("cardId") REFERENCES "Card"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Redemption" ADD CONSTRAINT "Redemption_rewardId_fkey" FOREIGN KEY ("rewardId") REFERENCES "Reward"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Redemption" ADD CONSTRAINT "Redemption_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Redemption" ADD CONSTRAINT "Redemption_couponId_fkey" FOREIGN KEY ("couponId") REFERENCES "Coupon"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Coupon" ADD CONSTRAINT "Coupon_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Coupon" ADD CONSTRAINT "Coupon_cardId_fkey" FOREIGN KEY ("cardId") REFERENCES "Card"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Coupon" ADD CONSTRAINT "Coupon_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Coupon" ADD CONSTRAINT "Coupon_rewardId_fkey" FOREIGN KEY ("rewardId") REFERENCES "Reward"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Coupon" ADD CONSTRAINT "Coupon_gameId_fkey" FOREIGN KEY ("gameId") REFERENCES "Game"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Game" ADD CONSTRAINT "Game_cardId_fkey" FOREIGN KEY ("cardId") REFERENCES "Card"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GamePrize" ADD CONSTRAINT "GamePrize_gameId_fkey" FOREIGN KEY ("gameId") REFERENCES "Game"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GamePrize" ADD CONSTRAINT "GamePrize_rewardId_fkey" FOREIGN KEY ("rewardId") REFERENCES "Reward"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GamePlay" ADD CONSTRAINT "GamePlay_gameId_fkey" FOREIGN KEY ("gameId") REFERENCES "Game"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GamePlay" ADD CONSTRAINT "GamePlay_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Activity" ADD CONSTRAINT "Activity_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Activity" ADD CONSTRAINT "Activity_cardId_fkey" FOREIGN KEY ("cardId") REFERENCES "Card"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Activity" ADD CONSTRAINT "Activity_clubId_fkey" FOREIGN KEY ("clubId") REFERENCES "Club"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Activity" ADD CONSTRAINT "Activity_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;
