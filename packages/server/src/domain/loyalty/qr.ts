// A member's QR payload for staff to scan: HMAC-signed, valid for QR_TTL_MS, and usable once per action kind,
// so a screenshot cannot be replayed (awarding and then redeeming at one visit is still one scan).
// Format: pgq1.<base64url JSON {p: programId, m: memberId, n: nonce, e: expiry ms}>.<base64url HMAC-SHA256>.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { Tx } from "../kernel/deps.js";
import { ErrorCode, LoyaltyRuleError } from "../kernel/errors.js";

export const QR_TTL_MS = 5 * 60_000;
const PREFIX = "pgq1";

export type QrAction = "AWARD_POINTS" | "ADD_STAMPS" | "REDEEM_REWARD";

export interface QrClaims {
  programId: string;
  memberId: string;
  nonce: string;
  expiresAt: Date;
}

/** The QR key is derived from the server's signing secret, so it never equals the session key. */
const qrKey = (secret: Buffer) => createHmac("sha256", secret).update("member-qr").digest();
const sign = (secret: Buffer, body: string) => createHmac("sha256", qrKey(secret)).update(body).digest("base64url");

export function signMemberQr(
  secret: Buffer,
  member: { programId: string; memberId: string },
  now = Date.now(),
): { payload: string; expiresAt: Date } {
  const expiresAt = new Date(now + QR_TTL_MS);
  const body = Buffer.from(
    JSON.stringify({
      p: member.programId,
      m: member.memberId,
      n: randomBytes(12).toString("base64url"),
      e: expiresAt.getTime(),
    }),
  ).toString("base64url");
  return { payload: `${PREFIX}.${body}.${sign(secret, body)}`, expiresAt };
}

/** The claims of a genuine, unexpired payload; QR_INVALID or QR_EXPIRED otherwise. */
export function readMemberQr(secret: Buffer, payload: string, now = Date.now()): QrClaims {
  const invalid = new LoyaltyRuleError(ErrorCode.QR_INVALID, "This is not a valid member QR code");
  const [prefix, body, mac, extra] = payload.trim().split(".");
  if (prefix !== PREFIX || !body || !mac || extra !== undefined) throw invalid;
  const expected = Buffer.from(sign(secret, body));
  if (expected.length !== mac.length || !timingSafeEqual(expected, Buffer.from(mac))) throw invalid;
  const claims = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as {
    p: string;
    m: string;
    n: string;
    e: number;
  };
  if (claims.e <= now)
    throw new LoyaltyRuleError(ErrorCode.QR_EXPIRED, "This QR code has expired; ask the member to show a fresh one");
  return { programId: claims.p, memberId: claims.m, nonce: claims.n, expiresAt: new Date(claims.e) };
}

let consumed = 0;

/** Where and by whom a payload was scanned: the row also identifies the member to that club until expiry. */
export interface QrScan {
  clubId: string | null;
  actorId: string | null;
}

/**
 * Marks the payload used for this action, inside the action's transaction (a failed action leaves it unused),
 * and records that the member was identified to the scanning club (`visibleMembers` reads it until expiry).
 * A concurrent second use waits for the first to commit, then finds the row: QR_ALREADY_USED.
 */
export async function consumeMemberQr(tx: Tx, claims: QrClaims, action: QrAction, scan: QrScan): Promise<void> {
  const inserted = await tx.$executeRaw`
    INSERT INTO "QrUse" ("nonce", "action", "expiresAt", "memberId", "clubId", "actorId")
    VALUES (${claims.nonce}, ${action}, ${claims.expiresAt}, ${claims.memberId}::uuid, ${scan.clubId}::uuid, ${scan.actorId})
    ON CONFLICT DO NOTHING`;
  if (inserted !== 1)
    throw new LoyaltyRuleError(
      ErrorCode.QR_ALREADY_USED,
      "This QR code was already used for this action; ask the member to show a fresh one",
    );
  // Expired payloads are refused before they get here, so their rows are dead weight: prune now and then.
  if (++consumed % 100 === 0) await tx.$executeRaw`DELETE FROM "QrUse" WHERE "expiresAt" < now()`;
}
