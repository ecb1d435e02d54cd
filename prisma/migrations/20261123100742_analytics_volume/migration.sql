-- DropIndex
DROP INDEX "Click_projectId_createdAt_idx";

-- CreateIndex
CREATE INDEX "Click_projectId_createdAt_status_partnerId_idx" ON "Click"("projectId", "createdAt", "status", "partnerId");
