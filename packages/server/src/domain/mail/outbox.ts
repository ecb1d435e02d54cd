// Outgoing mail: written to the outbox in the transaction that causes it, delivered afterwards by a sender
// that claims rows (so several instances never send one mail twice at once) and retries failures.
import type { PrismaClient } from "../../generated/prisma/client.js";
import type { Tx } from "../kernel/deps.js";

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
}

const MAX_ATTEMPTS = 5;
const CLAIM_SECONDS = 60;

export async function enqueueMail(tx: Tx, mail: Mail): Promise<void> {
  await tx.outboxEmail.create({ data: mail });
}

/** Sends what is due; returns how many were sent. */
export async function deliverOutbox(prisma: PrismaClient, mailer: Mailer, batch = 20): Promise<number> {
  const claimed = await prisma.$queryRaw<{ id: string; to: string; subject: string; text: string }[]>`
    UPDATE "OutboxEmail" SET "claimedUntil" = now() + make_interval(secs => ${CLAIM_SECONDS}), "attempts" = "attempts" + 1
    WHERE "id" IN (
      SELECT "id" FROM "OutboxEmail"
      WHERE "sentAt" IS NULL AND "attempts" < ${MAX_ATTEMPTS} AND ("claimedUntil" IS NULL OR "claimedUntil" < now())
      ORDER BY "createdAt" LIMIT ${batch} FOR UPDATE SKIP LOCKED
    )
    RETURNING "id", "to", "subject", "text"`;
  let sent = 0;
  for (const mail of claimed) {
    try {
      await mailer.send(mail);
      await prisma.outboxEmail.update({ where: { id: mail.id }, data: { sentAt: new Date(), lastError: null } });
      sent++;
    } catch (error) {
      await prisma.outboxEmail.update({
        where: { id: mail.id },
        data: { lastError: String((error as Error).message ?? error), claimedUntil: null },
      });
    }
  }
  return sent;
}
