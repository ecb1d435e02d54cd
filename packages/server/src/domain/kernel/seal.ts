// Authenticated encryption (AES-256-GCM) of values the database keeps but must not be able to use by itself:
// server secrets and the codes in unsent login mail. The key lives outside the database (SECRETS_KEY); a
// previous key still opens values during a rotation's grace period, and callers re-seal what it opened.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

const PREFIX = "aes256gcm";

export interface SealKeys {
  current: Buffer;
  /** SECRETS_KEY_PREVIOUS: opens values sealed before a rotation. */
  previous?: Buffer | undefined;
}

export interface Opened {
  value: Buffer;
  /** Opened with the previous key: seal it again with the current one. */
  stale: boolean;
}

export interface Sealer {
  /** `context` is bound to the ciphertext (GCM's additional data): a value moved to another row does not open. */
  seal(value: Buffer | string, context: string): string;
  /** Null when no key opens it (wrong key, tampered, or not sealed at all). */
  open(sealed: string, context: string): Opened | null;
}

export function isSealed(value: string): boolean {
  return value.startsWith(`${PREFIX}.`);
}

export function createSealer(keys: SealKeys): Sealer {
  for (const key of [keys.current, keys.previous]) {
    if (key && key.length !== 32) throw new Error("A secrets key must be 32 bytes");
  }
  return {
    seal(value, context) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", keys.current, iv).setAAD(Buffer.from(context));
      const body = Buffer.concat([cipher.update(value), cipher.final()]);
      return [PREFIX, iv, cipher.getAuthTag(), body]
        .map((p) => (typeof p === "string" ? p : p.toString("base64url")))
        .join(".");
    },
    open(sealed, context) {
      const [prefix, iv, tag, body] = sealed.split(".");
      if (prefix !== PREFIX || iv === undefined || tag === undefined || body === undefined) return null;
      const attempts: [Buffer | undefined, boolean][] = [
        [keys.current, false],
        [keys.previous, true],
      ];
      for (const [key, stale] of attempts) {
        if (!key) continue;
        try {
          const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"))
            .setAAD(Buffer.from(context))
            .setAuthTag(Buffer.from(tag, "base64url"));
          return { value: Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]), stale };
        } catch {
          // not this key: try the next
        }
      }
      return null;
    },
  };
}
