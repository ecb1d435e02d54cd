-- AlterTable
ALTER TABLE "Game" ADD COLUMN     "suspendedAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "QrUse" ADD COLUMN     "actorId" TEXT,
ADD COLUMN     "clubId" UUID,
ADD COLUMN     "memberId" UUID;

-- CreateIndex
CREATE INDEX "QrUse_memberId_clubId_expiresAt_idx" ON "QrUse"("memberId", "clubId", "expiresAt");

-- AddForeignKey
ALTER TABLE "QrUse" ADD CONSTRAINT "QrUse_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QrUse" ADD CONSTRAINT "QrUse_clubId_fkey" FOREIGN KEY ("clubId") REFERENCES "Club"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Games of partners disabled or deleted before this migration start suspended, as their rewards are.
UPDATE "Game" AS g SET "suspendedAt" = now()
FROM "Card" AS c JOIN "Partner" AS p ON p."id" = c."partnerId"
WHERE g."cardId" = c."id" AND (p."status" <> 'ENABLED' OR p."deletedAt" IS NOT NULL);
