// Who sees which referral rows: a program's managers see everything of the program; a partner (key or user)
// only the rows that name it. Another program's rows do not exist for the caller.
import {
  isAdmin,
  managedProgramIds,
  memberProgramIds,
  ownPartnerIds,
  type Principal,
  requireAuthenticated,
} from "../auth/principal.js";

/** Row filter for rows carrying programId and partnerId (links, clicks, conversions, commissions, rules). */
export function partnerRowFilter(p: Principal) {
  requireAuthenticated(p);
  if (isAdmin(p)) return {};
  return { OR: [{ programId: { in: managedProgramIds(p) } }, { partnerId: { in: ownPartnerIds(p) } }] };
}

/**
 * Rows of every program the caller has any role in. Writes find their target with this, then check the role:
 * so a program's partners and staff learn they may not (INSUFFICIENT_PARTNER_PERMISSIONS, FORBIDDEN) while
 * strangers still get NOT_FOUND.
 */
export function programRowFilter(p: Principal): { programId?: { in: string[] } } {
  requireAuthenticated(p);
  return isAdmin(p) ? {} : { programId: { in: memberProgramIds(p) } };
}

/** Row filter for projects: managers see their program's; a partner the projects it belongs to. */
export function projectFilter(p: Principal) {
  requireAuthenticated(p);
  if (isAdmin(p)) return {};
  return {
    OR: [{ programId: { in: managedProgramIds(p) } }, { members: { some: { partnerId: { in: ownPartnerIds(p) } } } }],
  };
}

/** The partner ids a caller is limited to in a program, or null when it manages the program. */
export function partnerScope(p: Principal, programId: string): string[] | null {
  requireAuthenticated(p);
  if (isAdmin(p) || managedProgramIds(p).includes(programId)) return null;
  return p.grants.flatMap((g) => (g.role === "PARTNER_USER" && g.programId === programId ? [g.partnerId] : []));
}

export { ownPartnerIds };

/** The conditions every scoped referral list starts with: visible to the caller, in the program, maybe one project or partner. */
export function scopedRows(
  p: Principal,
  programId: string,
  f: { projectId?: string | null; partnerId?: string | null },
) {
  return [
    partnerRowFilter(p),
    { programId },
    f.projectId ? { projectId: f.projectId } : {},
    f.partnerId ? { partnerId: f.partnerId } : {},
  ];
}
