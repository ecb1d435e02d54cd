-- DropIndex
DROP INDEX "Click_linkId_visitorHash_status_createdAt_idx";

-- CreateIndex
CREATE INDEX "Click_linkId_visitorHash_createdAt_idx" ON "Click"("linkId", "visitorHash", "createdAt") WHERE (status = 'VALID');
