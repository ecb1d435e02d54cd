// Who is calling, and what they may touch. Every credential becomes a set of grants; every read and write is
// scoped by them before it touches data. One place for the rules: GraphQL, REST and subscriptions use these.
import { AuthError, ErrorCode, NotFoundError } from "./errors.js";

/** A club a staff member works in, and whether they manage it. */
export interface ClubAccess {
  clubId: string;
  partnerId: string;
  manager: boolean;
}

export type Grant =
  | { role: "ADMIN" }
  | { role: "PROGRAM_MANAGER"; programId: string }
  | { role: "PARTNER_USER"; programId: string; partnerId: string }
  /** Works in a program's clubs: acts only on cards of these (active clubs of enabled partners). */
  | { role: "STAFF"; programId: string; clubs: ClubAccess[] }
  /**
   * A program's member (customer) whose email the session proved: acts on their own cards, coupons and games.
   * Not a role in the program: it never counts for program-level access.
   */
  | { role: "MEMBER"; programId: string; memberId: string };

export type Principal =
  | { kind: "anonymous"; grants: [] }
  /** The bootstrap ADMIN_API_KEY, or a stored admin key. */
  | { kind: "adminKey"; id: string | null; grants: Grant[] }
  /** A program's secret key: server-to-server and POS calls; manages that program. */
  | { kind: "programKey"; id: string; programId: string; grants: Grant[] }
  /** A partner's API key: acts as that partner only. */
  | { kind: "partnerKey"; id: string; programId: string; partnerId: string; grants: Grant[] }
  /** A logged-in person, with the roles they hold (possibly in several programs). */
  /** expiresAt: the session's end (live connections close then); absent only for the principal written at login. */
  | { kind: "user"; id: string; sessionId: string; email: string; expiresAt?: Date; grants: Grant[] };

export type Authenticated = Exclude<Principal, { kind: "anonymous" }>;

export const ANONYMOUS: Principal = { kind: "anonymous", grants: [] };

export function requireAuthenticated(p: Principal): asserts p is Authenticated {
  if (p.kind === "anonymous")
    throw new AuthError(ErrorCode.UNAUTHENTICATED, "Send a credential as `Authorization: Bearer <key>`");
}

export function isAdmin(p: Principal): boolean {
  return p.grants.some((g) => g.role === "ADMIN");
}

export function managedProgramIds(p: Principal): string[] {
  return p.grants.flatMap((g) => (g.role === "PROGRAM_MANAGER" ? [g.programId] : []));
}

export function ownPartnerIds(p: Principal): string[] {
  return p.grants.flatMap((g) => (g.role === "PARTNER_USER" ? [g.partnerId] : []));
}

/** Programs the caller has a role in (manager, partner, staff; being a member is not a role). */
export function memberProgramIds(p: Principal): string[] {
  return [...new Set(p.grants.flatMap((g) => ("programId" in g && g.role !== "MEMBER" ? [g.programId] : [])))];
}

/** The clubs the caller works in, in one program. */
export function staffClubs(p: Principal, programId: string): ClubAccess[] {
  return p.grants.flatMap((g) => (g.role === "STAFF" && g.programId === programId ? g.clubs : []));
}

/** Every club the caller works in, in any program (active clubs of enabled partners: see authenticate.ts). */
export function workClubIds(p: Principal): string[] {
  return p.grants.flatMap((g) => (g.role === "STAFF" ? g.clubs.map((c) => c.clubId) : []));
}

/** The members the caller is (a customer's own session). */
export function ownMemberIds(p: Principal): string[] {
  return p.grants.flatMap((g) => (g.role === "MEMBER" ? [g.memberId] : []));
}

export function requireAdmin(p: Principal): void {
  requireAuthenticated(p);
  if (!isAdmin(p)) throw new AuthError(ErrorCode.FORBIDDEN, "Only a platform admin may do this");
}

export function canManageProgram(p: Principal, programId: string): boolean {
  return isAdmin(p) || managedProgramIds(p).includes(programId);
}

/**
 * Managing a program (its configuration, partners, users): admins and that program's managers and key.
 * Partners of the program are told they lack permission; strangers learn nothing about the program.
 */
export function requireProgramManager(p: Principal, programId: string): void {
  requireAuthenticated(p);
  if (canManageProgram(p, programId)) return;
  if (p.grants.some((g) => g.role === "PARTNER_USER" && g.programId === programId)) {
    throw new AuthError(ErrorCode.INSUFFICIENT_PARTNER_PERMISSIONS, "Partners cannot manage their program");
  }
  if (memberProgramIds(p).includes(programId))
    throw new AuthError(ErrorCode.FORBIDDEN, "Your role cannot manage this program");
  throw new NotFoundError(ErrorCode.NOT_FOUND, "Program not found");
}

/** Whether an event about a program (and maybe one partner) may reach this principal. */
export function canSeeEvent(p: Principal, event: { programId: string; partnerId?: string }): boolean {
  if (canManageProgram(p, event.programId)) return true;
  return event.partnerId !== undefined && ownPartnerIds(p).includes(event.partnerId);
}
