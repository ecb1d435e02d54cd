-- AlterTable
ALTER TABLE "Coupon" ADD COLUMN     "gamePlayId" UUID;

-- AlterTable
ALTER TABLE "GamePlay" ADD COLUMN     "points" INTEGER,
ADD COLUMN     "prizeLabel" TEXT,
ADD COLUMN     "prizeType" "PrizeType";

-- CreateIndex
CREATE INDEX "Coupon_gamePlayId_idx" ON "Coupon"("gamePlayId");

-- AddForeignKey
ALTER TABLE "Coupon" ADD CONSTRAINT "Coupon_gamePlayId_fkey" FOREIGN KEY ("gamePlayId") REFERENCES "GamePlay"("id") ON DELETE SET NULL ON UPDATE CASCADE;
