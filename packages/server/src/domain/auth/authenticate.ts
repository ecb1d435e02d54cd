// Bearer credential → principal. Keys are looked up by hash; the bootstrap admin key is compared in constant time.
import type { PrismaClient } from "../../generated/prisma/client.js";
import { AuthError, ErrorCode } from "../errors.js";
import { generateKey, hashKey, sameKey } from "./keys.js";
import { ANONYMOUS, type Principal } from "./principal.js";

/** lastUsedAt is refreshed at most this often, so authentication does not write on every request. */
const LAST_USED_RESOLUTION_MS = 60_000;

export interface Authenticator {
  authenticate(authorization: string | null | undefined): Promise<Principal>;
}

export function createAuthenticator(prisma: PrismaClient, adminApiKey: string | undefined): Authenticator {
  return {
    async authenticate(authorization) {
      if (!authorization) return ANONYMOUS;
      const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
      if (!match) throw new AuthError(ErrorCode.UNAUTHENTICATED, "The Authorization header must be `Bearer <key>`");
      const credential = match[1]!;
      if (adminApiKey && sameKey(credential, adminApiKey)) return { kind: "admin" };

      const key = await prisma.apiKey.findUnique({
        where: { hash: hashKey(credential) },
        select: { id: true, kind: true, programId: true, partnerId: true, revokedAt: true, lastUsedAt: true },
      });
      if (!key || key.revokedAt) throw new AuthError(ErrorCode.UNAUTHENTICATED, "Unknown or revoked credential");

      const now = Date.now();
      if (!key.lastUsedAt || now - key.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
        await prisma.apiKey.update({ where: { id: key.id }, data: { lastUsedAt: new Date(now) } });
      }
      if (key.kind === "ADMIN") return { kind: "admin" };
      if (key.kind === "PROGRAM_SECRET" && key.programId) return { kind: "program", programId: key.programId };
      if (key.kind === "PARTNER" && key.programId && key.partnerId) {
        return { kind: "partner", programId: key.programId, partnerId: key.partnerId };
      }
      throw new AuthError(ErrorCode.UNAUTHENTICATED, "Unknown or revoked credential");
    },
  };
}

/**
 * First start without ADMIN_API_KEY: create an admin key, store its hash, and return it so the caller can
 * print it once. Returns null when an admin key already exists or one is configured.
 */
export async function bootstrapAdminKey(prisma: PrismaClient, adminApiKey: string | undefined): Promise<string | null> {
  if (adminApiKey) return null;
  return prisma.$transaction(async (tx) => {
    // Two instances starting at once must not both mint a key.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(72707370)`;
    if (await tx.apiKey.findFirst({ where: { kind: "ADMIN", revokedAt: null }, select: { id: true } })) return null;
    const { key, prefix, hash } = generateKey("ADMIN");
    await tx.apiKey.create({ data: { kind: "ADMIN", prefix, hash } });
    return key;
  });
}
