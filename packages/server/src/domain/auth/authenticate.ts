// Bearer credential → principal. Keys are looked up by hash, sessions by their signed token; the bootstrap
// admin key is compared in constant time. A disabled partner's credentials stop authorizing partner actions.
// Principals are cached in process (bounded LRU, short TTL) so a warm authenticated request reads nothing;
// every write that changes what a credential may do publishes a credentials change on the event bus, and every
// instance drops the principals it names at once (principal-cache.ts).
import type { CredentialsChanged, EventBus } from "../../events/bus.js";
import type { PrismaClient } from "../../generated/prisma/client.js";
import { AuthError, ErrorCode } from "../kernel/errors.js";
import { ANONYMOUS, type Grant, type Principal } from "../kernel/principal.js";
import { generateKey, hashKey, sameKey } from "./keys.js";
import { createPrincipalCache, type Loaded } from "./principal-cache.js";
import { isSessionToken, verifySessionToken } from "./sessions.js";

/** lastUsedAt is refreshed at most this often, so authentication does not write on every request. */
const LAST_USED_RESOLUTION_MS = 60_000;
const ADMIN: Grant[] = [{ role: "ADMIN" }];

export interface Authenticator {
  authenticate(authorization: string | null | undefined): Promise<Principal>;
  /** Runs after this instance has dropped the principals a credentials change names; returns the unsubscribe. */
  onChange(listener: (change: CredentialsChanged) => void): () => void;
}

const invalid = (what = "Unknown or revoked credential") => new AuthError(ErrorCode.UNAUTHENTICATED, what);
const partnerDisabled = () => new AuthError(ErrorCode.INSUFFICIENT_PARTNER_PERMISSIONS, "This partner is disabled");
const expired = () => invalid("Invalid or expired session; log in again");

export function createAuthenticator(
  prisma: PrismaClient,
  events: EventBus,
  options: { adminApiKey?: string | undefined; sessionSecret: Buffer },
): Authenticator {
  const stale = (lastUsedAt: Date | null) => !lastUsedAt || Date.now() - lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS;

  async function fromSession(sessionId: string): Promise<Loaded> {
    const session = await prisma.session.findUnique({
      where: { id: sessionId },
      include: {
        user: {
          include: {
            roleGrants: { include: { partner: { select: { status: true, deletedAt: true } } } },
            clubs: {
              select: {
                clubId: true,
                programId: true,
                role: true,
                club: {
                  select: { partnerId: true, status: true, partner: { select: { status: true, deletedAt: true } } },
                },
              },
            },
          },
        },
      },
    });
    if (!session || session.revokedAt || session.expiresAt <= new Date()) throw expired();
    if (stale(session.lastUsedAt))
      await prisma.session.update({ where: { id: session.id }, data: { lastUsedAt: new Date() } });
    const { user } = session;
    // Only active clubs of enabled partners count; every club is a tag, so reactivating one drops the entry too.
    const liveClubs = user.clubs.filter(
      (c) => c.club.status === "ACTIVE" && c.club.partner.status === "ENABLED" && !c.club.partner.deletedAt,
    );
    const clubsIn = (programId: string) =>
      liveClubs
        .filter((c) => c.programId === programId)
        .map((c) => ({ clubId: c.clubId, partnerId: c.club.partnerId, manager: c.role === "CLUB_MANAGER" }));
    const grants = user.roleGrants.flatMap((g): Grant[] => {
      if (g.role === "ADMIN") return ADMIN;
      if (!g.programId) return [];
      if (g.role === "PROGRAM_MANAGER") return [{ role: "PROGRAM_MANAGER", programId: g.programId }];
      if (g.role === "STAFF") return [{ role: "STAFF", programId: g.programId, clubs: clubsIn(g.programId) }];
      // A partner user's role lapses while the partner is disabled or deleted.
      if (!g.partnerId || !g.partner || g.partner.deletedAt || g.partner.status !== "ENABLED") return [];
      return [{ role: "PARTNER_USER", programId: g.programId, partnerId: g.partnerId }];
    });
    // Working in a club makes a staff member of its program even without a program-wide STAFF grant.
    for (const programId of new Set(liveClubs.map((c) => c.programId))) {
      if (!grants.some((g) => g.role === "STAFF" && g.programId === programId))
        grants.push({ role: "STAFF", programId, clubs: clubsIn(programId) });
    }
    // The session proved the email: its owner is every member with that email.
    const members = await prisma.member.findMany({
      where: { email: user.email },
      select: { id: true, programId: true },
    });
    for (const m of members) grants.push({ role: "MEMBER", programId: m.programId, memberId: m.id });
    return {
      principal: {
        kind: "user",
        id: session.userId,
        sessionId: session.id,
        email: user.email,
        expiresAt: session.expiresAt,
        grants,
      },
      tags: [
        `session:${session.id}`,
        `email:${user.email}`,
        ...user.roleGrants.flatMap((g) => (g.partnerId ? [`partner:${g.partnerId}`] : [])),
        ...user.clubs.flatMap((c) => [`club:${c.clubId}`, `partner:${c.club.partnerId}`]),
      ],
    };
  }

  async function fromKey(hash: string): Promise<Loaded> {
    const key = await prisma.apiKey.findUnique({
      where: { hash },
      select: {
        id: true,
        kind: true,
        programId: true,
        partnerId: true,
        revokedAt: true,
        lastUsedAt: true,
        partner: { select: { status: true, deletedAt: true } },
      },
    });
    if (!key || key.revokedAt) throw invalid();
    if (key.kind === "PARTNER" && key.partner?.deletedAt) throw invalid();
    if (key.kind === "PARTNER" && key.partner?.status !== "ENABLED") throw partnerDisabled();
    if (stale(key.lastUsedAt)) await prisma.apiKey.update({ where: { id: key.id }, data: { lastUsedAt: new Date() } });
    const tags = [`key:${key.id}`];
    if (key.kind === "ADMIN") return { principal: { kind: "adminKey", id: key.id, grants: ADMIN }, tags };
    if (key.kind === "PROGRAM_SECRET" && key.programId) {
      const principal: Principal = {
        kind: "programKey",
        id: key.id,
        programId: key.programId,
        grants: [{ role: "PROGRAM_MANAGER", programId: key.programId }],
      };
      return { principal, tags };
    }
    if (key.kind === "PARTNER" && key.programId && key.partnerId) {
      const { programId, partnerId } = key;
      const principal: Principal = {
        kind: "partnerKey",
        id: key.id,
        programId,
        partnerId,
        grants: [{ role: "PARTNER_USER", programId, partnerId }],
      };
      return { principal, tags: [...tags, `partner:${partnerId}`] };
    }
    throw invalid();
  }

  const cache = createPrincipalCache(events);

  return {
    async authenticate(authorization) {
      if (!authorization) return ANONYMOUS;
      const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
      if (!match) throw invalid("The Authorization header must be `Bearer <credential>`");
      const credential = match[1]!;
      if (options.adminApiKey && sameKey(credential, options.adminApiKey))
        return { kind: "adminKey", id: null, grants: ADMIN };
      // The cache is keyed by the credential's hash: no secret is held in memory longer than the request.
      if (!isSessionToken(credential)) return cache.get(hashKey(credential), fromKey);
      // The signature and expiry are checked on every call, so an expired token never reaches the cache.
      const claims = verifySessionToken(options.sessionSecret, credential);
      if (!claims) throw expired();
      return cache.get(hashKey(credential), () => fromSession(claims.sessionId));
    },
    onChange: cache.onChange,
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
