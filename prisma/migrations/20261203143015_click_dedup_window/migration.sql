-- DropIndex
DROP INDEX "Click_linkId_visitorHash_createdAt_idx";

-- CreateTable
CREATE TABLE "ClickDedup" (
    "linkId" UUID NOT NULL,
    "visitorHash" TEXT NOT NULL,
    "windowStart" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ClickDedup_pkey" PRIMARY KEY ("linkId","visitorHash")
);

-- AddForeignKey
ALTER TABLE "ClickDedup" ADD CONSTRAINT "ClickDedup_linkId_fkey" FOREIGN KEY ("linkId") REFERENCES "ReferralLink"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Backfill: every visitor's latest VALID click per link, so existing windows keep counting.
INSERT INTO "ClickDedup" ("linkId", "visitorHash", "windowStart")
SELECT "linkId", "visitorHash", max("createdAt") FROM "Click" WHERE status = 'VALID' GROUP BY "linkId", "visitorHash";
