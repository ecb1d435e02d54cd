// Session tokens: `pgt_<session id>.<expiry>.<HMAC>`. The signature rejects forged or altered tokens without a
// database read; the session row makes them revocable (logout) and expiring.
import { createHmac, timingSafeEqual } from "node:crypto";

const TOKEN = /^pgt_([0-9a-f-]{36})\.(\d{10,})\.([\w-]{43})$/;

export interface SessionClaims {
  sessionId: string;
  expiresAt: Date;
}

export function signSessionToken(secret: Buffer, claims: SessionClaims): string {
  const body = `${claims.sessionId}.${Math.floor(claims.expiresAt.getTime() / 1000)}`;
  return `pgt_${body}.${mac(secret, body)}`;
}

/** The claims of a well-formed, correctly signed, unexpired token; null otherwise. */
export function verifySessionToken(secret: Buffer, token: string, now = new Date()): SessionClaims | null {
  const match = TOKEN.exec(token);
  if (!match) return null;
  const [, sessionId, exp, signature] = match as unknown as [string, string, string, string];
  const expected = Buffer.from(mac(secret, `${sessionId}.${exp}`));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const expiresAt = new Date(Number(exp) * 1000);
  return expiresAt > now ? { sessionId, expiresAt } : null;
}

export function isSessionToken(credential: string): boolean {
  return credential.startsWith("pgt_");
}

function mac(secret: Buffer, body: string): string {
  return createHmac("sha256", secret).update(body).digest("base64url");
}
