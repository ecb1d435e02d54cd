// Secret keys: 32 random bytes, shown once, stored as a SHA-256 hash (the key's entropy makes a slow hash
// unnecessary) next to a visible prefix that lets people tell keys apart.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { ApiKeyKind } from "../../generated/prisma/enums.js";

const TAGS: Record<ApiKeyKind, string> = { ADMIN: "pga", PROGRAM_SECRET: "pgs", PARTNER: "pgp" };
/** Tag, underscore and eight characters of the secret. */
const PREFIX_LENGTH = 12;

export interface NewKey {
  /** The whole key: returned to the caller once, never stored. */
  key: string;
  prefix: string;
  hash: string;
}

export function generateKey(kind: ApiKeyKind): NewKey {
  const key = `${TAGS[kind]}_${randomBytes(32).toString("base64url")}`;
  return { key, prefix: key.slice(0, PREFIX_LENGTH), hash: hashKey(key) };
}

export function hashKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

export function sameKey(a: string, b: string): boolean {
  const ha = Buffer.from(hashKey(a), "hex");
  const hb = Buffer.from(hashKey(b), "hex");
  return timingSafeEqual(ha, hb);
}
