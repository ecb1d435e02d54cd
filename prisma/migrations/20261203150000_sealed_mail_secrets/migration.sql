-- AlterTable
ALTER TABLE "OutboxEmail" ADD COLUMN     "sealed" TEXT;

-- Login codes were stored in clear in the mail's subject and text: erase them (a code lives 10 minutes).
UPDATE "OutboxEmail" SET "subject" = regexp_replace("subject", '[0-9]{6}', '******', 'g'),
                         "text" = regexp_replace("text", '[0-9]{6}', '******', 'g')
WHERE "subject" LIKE 'Your Partnergraph login code:%';
