// Outgoing mail: written to the outbox in the transaction that causes it, delivered afterwards by a sender
// that claims rows (so several instances never send one mail twice at once) and retries failures.
// A mail's secret (a login code) is never stored in clear: the row holds the text with a `{secret}`
// placeholder and the secret sealed under SECRETS_KEY; it is filled in at delivery and erased once sent.
import type { PrismaClient } from "../../generated/prisma/client.js";
import type { Tx } from "../kernel/deps.js";
import type { Sealer } from "../kernel/seal.js";

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

/** A mail to enqueue: `{secret}` in its subject or text is replaced by `secret` at delivery. */
export interface OutgoingMail extends Mail {
  secret?: string;
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
}

const MAX_ATTEMPTS = 5;
const CLAIM_SECONDS = 60;
const PLACEHOLDER = "{secret}";

const sealContext = (to: string) => `outbox:${to}`;

export async function enqueueMail(tx: Tx, sealer: Sealer, mail: OutgoingMail): Promise<void> {
  const { secret, ...rest } = mail;
  await tx.outboxEmail.create({
    data: { ...rest, sealed: secret === undefined ? null : sealer.seal(secret, sealContext(mail.to)) },
  });
}

/** Sends what is due; returns how many were sent. */
export async function deliverOutbox(prisma: PrismaClient, mailer: Mailer, sealer: Sealer, batch = 20): Promise<number> {
  const claimed = await prisma.$queryRaw<
    { id: string; to: string; subject: string; text: string; sealed: string | null }[]
  >`
    UPDATE "OutboxEmail" SET "claimedUntil" = now() + make_interval(secs => ${CLAIM_SECONDS}), "attempts" = "attempts" + 1
    WHERE "id" IN (
      SELECT "id" FROM "OutboxEmail"
      WHERE "sentAt" IS NULL AND "attempts" < ${MAX_ATTEMPTS} AND ("claimedUntil" IS NULL OR "claimedUntil" < now())
      ORDER BY "createdAt" LIMIT ${batch} FOR UPDATE SKIP LOCKED
    )
    RETURNING "id", "to", "subject", "text", "sealed"`;
  let sent = 0;
  for (const { id, sealed, ...mail } of claimed) {
    try {
      const secret = sealed === null ? null : sealer.open(sealed, sealContext(mail.to));
      if (sealed !== null && !secret) throw new Error("The mail's secret does not open with SECRETS_KEY");
      const fill = (s: string) => (secret ? s.replaceAll(PLACEHOLDER, secret.value.toString("utf8")) : s);
      await mailer.send({ to: mail.to, subject: fill(mail.subject), text: fill(mail.text) });
      await prisma.outboxEmail.update({ where: { id }, data: { sentAt: new Date(), lastError: null, sealed: null } });
      sent++;
    } catch (error) {
      await prisma.outboxEmail.update({
        where: { id },
        data: { lastError: String((error as Error).message ?? error), claimedUntil: null },
      });
    }
  }
  return sent;
}
