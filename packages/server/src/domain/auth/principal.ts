// Who is calling. Every read and write is scoped by the principal before it touches data.
import { AuthError, ErrorCode, NotFoundError } from "../errors.js";

export type Principal =
  | { kind: "anonymous" }
  | { kind: "admin" }
  /** A program's secret key: server-to-server and POS calls for one program. */
  | { kind: "program"; programId: string }
  /** A partner's API key: acts as that partner only. */
  | { kind: "partner"; programId: string; partnerId: string };

export const ANONYMOUS: Principal = { kind: "anonymous" };

export function requireAuthenticated(p: Principal): asserts p is Exclude<Principal, { kind: "anonymous" }> {
  if (p.kind === "anonymous") throw new AuthError(ErrorCode.UNAUTHENTICATED, "Send a credential as `Authorization: Bearer <key>`");
}

export function requireAdmin(p: Principal): void {
  requireAuthenticated(p);
  if (p.kind !== "admin") throw new AuthError(ErrorCode.FORBIDDEN, "Only a platform admin may do this");
}

/** Managing a program's configuration and partners: admin, or the program's own key. Others learn nothing. */
export function requireProgramManager(p: Principal, programId: string): void {
  requireAuthenticated(p);
  if (p.kind === "admin" || (p.kind === "program" && p.programId === programId)) return;
  if (p.kind === "partner" && p.programId === programId) {
    throw new AuthError(ErrorCode.FORBIDDEN, "A partner key cannot manage its program");
  }
  throw new NotFoundError(ErrorCode.NOT_FOUND, "Program not found");
}

/** Row filters a principal may see: undefined means everything (admin). */
export function programFilter(p: Principal): { programId?: string } {
  requireAuthenticated(p);
  return p.kind === "admin" ? {} : { programId: p.programId };
}

export function partnerFilter(p: Principal): { programId?: string; id?: string } {
  requireAuthenticated(p);
  if (p.kind === "admin") return {};
  if (p.kind === "partner") return { programId: p.programId, id: p.partnerId };
  return { programId: p.programId };
}

/** Whether an event about a partner may reach this principal (subscriptions filter with this). */
export function canSeeEvent(p: Principal, event: { programId: string; partnerId?: string }): boolean {
  if (p.kind === "admin") return true;
  if (p.kind === "program") return p.programId === event.programId;
  if (p.kind === "partner") return p.programId === event.programId && event.partnerId === p.partnerId;
  return false;
}
