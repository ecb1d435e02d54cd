// Who sees which points rows: members, their ledger and purchases (below), campaigns (anyone with a role in the program: partners show them
// to customers) and the product catalogue (the program's managers).
import type { CampaignStatus, Prisma } from "../../generated/prisma/client.js";
import {
  canManageProgram,
  isAdmin,
  managedProgramIds,
  ownMemberIds,
  ownPartnerIds,
  type Principal,
  requireAuthenticated,
  requireProgramManager,
  workClubIds,
} from "../kernel/principal.js";
import { visiblePrograms } from "../kernel/row-filters.js";
import type { MemberRef } from "./members.js";

/**
 * Members a principal may see. Managers: their program's. A member's own session: itself. Partners (keys and
 * users): members they awarded points to, recorded a purchase for, or whose follows are of their cards. Staff:
 * members who follow a card of one of their clubs, or whom a QR scan identified to one of their clubs until the
 * payload expires. Seeing a member is not seeing all of it: its ledger, purchases, cards, activities, coupons,
 * balance and email each have their own rule (below, and loyalty/scope.ts).
 */
export function visibleMembers(p: Principal, now: Date = new Date()): Prisma.MemberWhereInput {
  requireAuthenticated(p);
  if (isAdmin(p)) return {};
  const partnerIds = ownPartnerIds(p);
  const clubIds = workClubIds(p);
  return {
    OR: [
      { programId: { in: managedProgramIds(p) } },
      ...(partnerIds.length
        ? [
            { ledger: { some: { partnerId: { in: partnerIds } } } },
            { purchases: { some: { partnerId: { in: partnerIds } } } },
            { follows: { some: { card: { partnerId: { in: partnerIds } } } } },
          ]
        : []),
      ...(clubIds.length
        ? [
            { follows: { some: { card: { clubs: { some: { clubId: { in: clubIds } } } } } } },
            { qrUses: { some: { clubId: { in: clubIds }, expiresAt: { gt: now } } } },
          ]
        : []),
      ...(ownMemberIds(p).length ? [{ id: { in: ownMemberIds(p) } }] : []),
    ],
  };
}

/**
 * Whether the caller sees a member whole: its program-wide balance and its email. Only those who see the whole
 * program (admins, its managers and key) and the member itself; a business sees its own entries and cards only.
 */
export function seesWholeMember(p: Principal, member: { id: string; programId: string }): boolean {
  return canManageProgram(p, member.programId) || ownMemberIds(p).includes(member.id);
}

/** Program-points ledger entries (cardId null) the caller may see: managers and the member all, a partner its own. */
export function visibleLedgerEntries(p: Principal): Prisma.LedgerEntryWhereInput {
  requireAuthenticated(p);
  if (isAdmin(p)) return {};
  return {
    OR: [
      { programId: { in: managedProgramIds(p) } },
      { partnerId: { in: ownPartnerIds(p) } },
      { memberId: { in: ownMemberIds(p) } },
    ],
  };
}

/** Purchases the caller may see: managers and the member all, a partner those recorded through it; staff none. */
export function visiblePurchases(p: Principal): Prisma.PurchaseWhereInput {
  requireAuthenticated(p);
  if (isAdmin(p)) return {};
  return {
    OR: [
      { programId: { in: managedProgramIds(p) } },
      { partnerId: { in: ownPartnerIds(p) } },
      { memberId: { in: ownMemberIds(p) } },
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
