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
