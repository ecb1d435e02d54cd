// The program-level row filters every area's scope.ts builds on: which programs a principal has a role in, and
// which rows that name a partner it may read. Admins get the empty filter (never put it inside an OR: Prisma's
// `OR: [{}, …]` matches nothing).
import {
  isAdmin,
  managedProgramIds,
  memberProgramIds,
  ownPartnerIds,
  type Principal,
  requireAuthenticated,
} from "./principal.js";

/** Programs the caller has a role in (all for an admin). */
export function visiblePrograms(p: Principal): { id?: { in: string[] } } {
  requireAuthenticated(p);
  return isAdmin(p) ? {} : { id: { in: memberProgramIds(p) } };
}

/**
 * Rows of every program the caller has any role in. Writes find their target with this, then check the role:
 * so a program's partners and staff learn they may not (INSUFFICIENT_PARTNER_PERMISSIONS, FORBIDDEN) while
 * strangers still get NOT_FOUND.
 */
export function programRows(p: Principal): { programId?: { in: string[] } } {
  requireAuthenticated(p);
  return isAdmin(p) ? {} : { programId: { in: memberProgramIds(p) } };
}

/** Rows carrying programId and partnerId (links, clicks, conversions, commissions, rules): managers and the partner. */
export function partnerRows(p: Principal) {
  requireAuthenticated(p);
  if (isAdmin(p)) return {};
  return { OR: [{ programId: { in: managedProgramIds(p) } }, { partnerId: { in: ownPartnerIds(p) } }] };
}

/** The conditions a partner-row list starts with: visible to the caller, in the program, maybe one project or partner. */
export function partnerRowsIn(
  p: Principal,
  programId: string,
  f: { projectId?: string | null; partnerId?: string | null },
) {
  return [
    partnerRows(p),
    { programId },
    f.projectId ? { projectId: f.projectId } : {},
    f.partnerId ? { partnerId: f.partnerId } : {},
  ];
}

/** The partner ids a caller is limited to in a program (for raw SQL), or null when it manages the program. */
export function limitedPartnerIds(p: Principal, programId: string): string[] | null {
  requireAuthenticated(p);
  if (isAdmin(p) || managedProgramIds(p).includes(programId)) return null;
  return p.grants.flatMap((g) => (g.role === "PARTNER_USER" && g.programId === programId ? [g.partnerId] : []));
}
