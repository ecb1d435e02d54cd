// Who sees which points rows: members (below), campaigns (anyone with a role in the program: partners show them
// to customers) and the product catalogue (the program's managers).
import type { CampaignStatus, Prisma } from "../../generated/prisma/client.js";
import {
  isAdmin,
  managedProgramIds,
  ownMemberIds,
  type Principal,
  requireAuthenticated,
  requireProgramManager,
} from "../kernel/principal.js";
import { visiblePrograms } from "../kernel/row-filters.js";
import type { MemberRef } from "./members.js";

/**
 * Members a principal may see: managers their program's; staff their program's (they serve members at the
 * counter); partners only members they have awarded points to or who follow their cards; a member's own
 * session itself.
 */
export function visibleMembers(p: Principal): Prisma.MemberWhereInput {
  requireAuthenticated(p);
  if (isAdmin(p)) return {};
  const staffPrograms = p.grants.flatMap((g) => (g.role === "STAFF" ? [g.programId] : []));
  const partnerIds = p.grants.flatMap((g) => (g.role === "PARTNER_USER" ? [g.partnerId] : []));
  return {
    OR: [
      { programId: { in: [...managedProgramIds(p), ...staffPrograms] } },
      ...(partnerIds.length
        ? [
            { ledger: { some: { partnerId: { in: partnerIds } } } },
            { follows: { some: { card: { partnerId: { in: partnerIds } } } } },
          ]
        : []),
      ...(ownMemberIds(p).length ? [{ id: { in: ownMemberIds(p) } }] : []),
    ],
  };
}

export function memberByRef(p: Principal, ref: MemberRef): Prisma.MemberWhereInput {
  return {
    AND: [visibleMembers(p), "id" in ref ? { id: ref.id } : { programId: ref.programId, externalId: ref.externalId }],
  };
}

export function memberList(p: Principal, programId: string): Prisma.MemberWhereInput {
  return { AND: [visibleMembers(p), { programId }] };
}

export function visibleCampaigns(p: Principal) {
  return { program: visiblePrograms(p) };
}

export function campaignList(
  p: Principal,
  programId: string,
  status?: CampaignStatus | null,
): Prisma.CampaignWhereInput {
  return { programId, ...visibleCampaigns(p), ...(status ? { status } : {}) };
}

/** The catalogue, for the program's managers. */
export function productList(p: Principal, programId: string): Prisma.ProductWhereInput {
  requireProgramManager(p, programId);
  return { programId };
}
