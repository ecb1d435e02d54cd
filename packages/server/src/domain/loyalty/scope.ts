// Who sees which clubs and cards. Owners (admins, the program's managers and key, the partner itself) see their
// partner's; staff the clubs they work in and the cards of those clubs; members the cards they follow. Every
// logged-in caller sees PUBLIC, ACTIVE cards of enabled partners (the public card list). Clubs and cards of a
// deleted partner leave every list, as the partner does.
import type { Prisma } from "../../generated/prisma/client.js";
import type { CardStatus, CardType, CouponStatus } from "../../generated/prisma/enums.js";
import type { Call } from "../kernel/deps.js";
import { ErrorCode, NotFoundError } from "../kernel/errors.js";
import {
  isAdmin,
  managedProgramIds,
  memberProgramIds,
  ownMemberIds,
  ownPartnerIds,
  type Principal,
  requireAuthenticated,
  workClubIds,
} from "../kernel/principal.js";
import { requireOwner } from "./access.js";
import { availableRewardWhere } from "./availability.js";
import { couponStatusWhere, normalizeCouponCode } from "./coupon-codes.js";

/** The clubs the caller manages as a CLUB_MANAGER. */
export function managedClubIds(p: Principal): string[] {
  return p.grants.flatMap((g) => (g.role === "STAFF" ? g.clubs.filter((c) => c.manager).map((c) => c.clubId) : []));
}

const LIVE_PARTNER = { deletedAt: null } as const;

/** Rows owned through their program and partner: the owners' share of every loyalty filter. */
function ownerRows(p: Principal) {
  return [{ programId: { in: managedProgramIds(p) } }, { partnerId: { in: ownPartnerIds(p) } }];
}

export function visibleClubs(p: Principal): Prisma.ClubWhereInput {
  requireAuthenticated(p);
  if (isAdmin(p)) return { partner: LIVE_PARTNER };
  return { partner: LIVE_PARTNER, OR: [...ownerRows(p), { id: { in: workClubIds(p) } }] };
}

/** Cards the caller manages or works with: what `cards` lists. */
export function workableCards(p: Principal): Prisma.CardWhereInput {
  requireAuthenticated(p);
  if (isAdmin(p)) return { partner: LIVE_PARTNER };
  return { partner: LIVE_PARTNER, OR: [...ownerRows(p), { clubs: { some: { clubId: { in: workClubIds(p) } } } }] };
}

/** PUBLIC, ACTIVE cards of enabled, live partners: listed and followable by anyone logged in. */
export const PUBLIC_CARD = {
  visibility: "PUBLIC",
  status: "ACTIVE",
  partner: { status: "ENABLED", deletedAt: null },
} satisfies Prisma.CardWhereInput;

/** Every card the caller may look at: its work cards, the cards it follows as a member, and public cards. */
export function visibleCards(p: Principal): Prisma.CardWhereInput {
  requireAuthenticated(p);
  if (isAdmin(p)) return {};
  return { OR: [workableCards(p), PUBLIC_CARD, ...(ownMemberIds(p).length ? [followedCards(p)] : [])] };
}

/** Cards one of the caller's members follows. */
export function followedCards(p: Principal): Prisma.CardWhereInput {
  return { followers: { some: { memberId: { in: ownMemberIds(p) } } } };
}

export function clubList(
  p: Principal,
  filter: { programId?: string | null; partnerId?: string | null; status?: "ACTIVE" | "INACTIVE" | null },
): Prisma.ClubWhereInput {
  return {
    AND: [
      visibleClubs(p),
      filter.programId ? { programId: filter.programId } : {},
      filter.partnerId ? { partnerId: filter.partnerId } : {},
      filter.status ? { status: filter.status } : {},
    ],
  };
}

export interface CardListFilter {
  programId?: string | null;
  partnerId?: string | null;
  clubId?: string | null;
  type?: CardType | null;
  status?: CardStatus | null;
}

/** The cards owners manage and staff work with, filtered. */
export function cardList(p: Principal, f: CardListFilter = {}): Prisma.CardWhereInput {
  return {
    AND: [
      workableCards(p),
      f.programId ? { programId: f.programId } : {},
      f.partnerId ? { partnerId: f.partnerId } : {},
      f.clubId ? { clubs: { some: { clubId: f.clubId } } } : {},
      f.type ? { type: f.type } : {},
      f.status ? { status: f.status } : {},
    ],
  };
}

/** A program's public card list: PUBLIC, ACTIVE cards of its enabled partners. */
export function publicCardList(programId: string, type?: CardType | null): Prisma.CardWhereInput {
  return { ...PUBLIC_CARD, programId, ...(type && { type }) };
}

/** Rewards the caller may see: all of the cards they work on; the available ones of cards they follow. */
export function visibleRewards(p: Principal, now: Date = new Date()): Prisma.RewardWhereInput {
  return { OR: [{ card: workableCards(p) }, { AND: [{ card: followedCards(p) }, availableRewardWhere(now)] }] };
}

export function rewardList(p: Principal, cardId: string | undefined, onlyAvailable = false): Prisma.RewardWhereInput {
  return { AND: [visibleRewards(p), cardId ? { cardId } : {}, onlyAvailable ? availableRewardWhere() : {}] };
}

/** Games the caller may see: all of the cards they work on; the playable ones of cards they follow. */
export function visibleGames(p: Principal, now: Date = new Date()): Prisma.GameWhereInput {
  return {
    OR: [
      { card: workableCards(p) },
      {
        card: { AND: [followedCards(p), { status: "ACTIVE", partner: { status: "ENABLED", deletedAt: null } }] },
        status: "ACTIVE",
        suspendedAt: null,
        AND: [
          { OR: [{ startsAt: null }, { startsAt: { lte: now } }] },
          { OR: [{ endsAt: null }, { endsAt: { gt: now } }] },
        ],
      },
    ],
  };
}

/** A partner's games, for its owners (the partner itself, the program's managers). */
export async function partnerGameList(
  call: Pick<Call, "prisma" | "principal">,
  partnerId: string,
): Promise<Prisma.GameWhereInput> {
  const partner = await call.prisma.partner.findFirst({
    where: { id: partnerId, deletedAt: null },
    select: { programId: true },
  });
  // Like every partner lookup: callers without a role in its program learn nothing of it.
  if (!partner || !(isAdmin(call.principal) || memberProgramIds(call.principal).includes(partner.programId)))
    throw new NotFoundError(ErrorCode.PARTNER_NOT_FOUND, "Partner not found");
  requireOwner(call.principal, { programId: partner.programId, partnerId });
  return { card: { partnerId } };
}

/** Coupons the caller may see: those of cards they own or work on, and their own (as a member). */
export function visibleCoupons(p: Principal): Prisma.CouponWhereInput {
  return { OR: [{ card: workableCards(p) }, { memberId: { in: ownMemberIds(p) } }] };
}

export interface CouponListFilter {
  programId: string;
  cardId?: string | null;
  memberId?: string | null;
  status?: CouponStatus | null;
  /** As typed: case, spaces and dashes do not matter. */
  code?: string | null;
}

export function couponList(p: Principal, filter: CouponListFilter): Prisma.CouponWhereInput {
  const code = filter.code != null ? normalizeCouponCode(filter.code) : undefined;
  return {
    AND: [
      visibleCoupons(p),
      { programId: filter.programId },
      filter.cardId ? { cardId: filter.cardId } : {},
      filter.memberId ? { memberId: filter.memberId } : {},
      filter.status ? couponStatusWhere(filter.status) : {},
      // A code that cannot exist matches nothing.
      code === undefined ? {} : code === null ? { id: { in: [] } } : { code },
    ],
  };
}

/** The staff rows a caller may see: all of a club's for its owners and managers, otherwise only their own. */
export function visibleClubStaff(p: Principal): Prisma.ClubStaffWhereInput {
  if (isAdmin(p)) return {};
  return {
    OR: [
      { club: { OR: ownerRows(p) } },
      { clubId: { in: managedClubIds(p) } },
      ...(p.kind === "user" ? [{ userId: p.id }] : []),
    ],
  };
}

/**
 * A member's follows (cards and balances) the caller may see: all of them for the member and the program's
 * managers; for partners and staff only the follows of cards they manage or work with.
 */
export function visibleFollows(p: Principal): Prisma.CardFollowWhereInput {
  requireAuthenticated(p);
  if (isAdmin(p)) return {};
  return {
    OR: [
      { memberId: { in: ownMemberIds(p) } },
      { programId: { in: managedProgramIds(p) } },
      { card: workableCards(p) },
    ],
  };
}

/** Activity rows the caller may see: a member their own; owners their cards'; staff their clubs' cards'. */
export function visibleActivities(p: Principal): Prisma.ActivityWhereInput {
  requireAuthenticated(p);
  if (isAdmin(p)) return {};
  return {
    OR: [
      { memberId: { in: ownMemberIds(p) } },
      ...ownerRows(p),
      { card: { clubs: { some: { clubId: { in: workClubIds(p) } } } } },
    ],
  };
}

/** A club's cards the caller may look at. */
export function clubCardList(p: Principal, clubId: string): Prisma.CardWhereInput {
  return { AND: [visibleCards(p), { clubs: { some: { clubId } } }] };
}

/** A member's coupons the caller may see, maybe in one status. */
export function memberCouponList(p: Principal, status?: CouponStatus | null): Prisma.CouponWhereInput {
  return { AND: [visibleCoupons(p), status ? couponStatusWhere(status) : {}] };
}

/** Redemptions the caller may see: those of cards it owns or works on, and its own (as a member). */
export function visibleRedemptions(p: Principal) {
  return { OR: [{ card: workableCards(p) }, { memberId: { in: ownMemberIds(p) } }] };
}

/** Game plays the caller may see: those of games of cards it owns or works on, and its own (as a member). */
export function visibleGamePlays(p: Principal) {
  return { OR: [{ game: { card: workableCards(p) } }, { memberId: { in: ownMemberIds(p) } }] };
}
