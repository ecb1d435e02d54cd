// Who sees which clubs and cards. Owners (admins, the program's managers and key, the partner itself) see their
// partner's; staff the clubs they work in and the cards of those clubs; members the cards they follow. Every
// logged-in caller sees PUBLIC, ACTIVE cards of enabled partners (the public card list). Clubs and cards of a
// deleted partner leave every list, as the partner does.
import type { Card, Prisma } from "../../generated/prisma/client.js";
import {
  isAdmin,
  managedProgramIds,
  ownMemberIds,
  ownPartnerIds,
  type Principal,
  requireAuthenticated,
} from "../kernel/principal.js";
import type { Tx } from "../kernel/deps.js";
import { ErrorCode, NotFoundError } from "../kernel/errors.js";

/** Every club the caller works in, in any program (active clubs of enabled partners: see authenticate.ts). */
export function workClubIds(p: Principal): string[] {
  return p.grants.flatMap((g) => (g.role === "STAFF" ? g.clubs.map((c) => c.clubId) : []));
}

/** The clubs the caller manages as a CLUB_MANAGER. */
export function managedClubIds(p: Principal): string[] {
  return p.grants.flatMap((g) => (g.role === "STAFF" ? g.clubs.filter((c) => c.manager).map((c) => c.clubId) : []));
}

const LIVE_PARTNER = { deletedAt: null } as const;

/** Rows owned through their program and partner: the owners' share of every loyalty filter. */
function ownerScope(p: Principal) {
  return [{ programId: { in: managedProgramIds(p) } }, { partnerId: { in: ownPartnerIds(p) } }];
}

export function visibleClubs(p: Principal): Prisma.ClubWhereInput {
  requireAuthenticated(p);
  if (isAdmin(p)) return { partner: LIVE_PARTNER };
  return { partner: LIVE_PARTNER, OR: [...ownerScope(p), { id: { in: workClubIds(p) } }] };
}

/** Cards the caller manages or works with: what `cards` lists. */
export function workableCards(p: Principal): Prisma.CardWhereInput {
  requireAuthenticated(p);
  if (isAdmin(p)) return { partner: LIVE_PARTNER };
  return { partner: LIVE_PARTNER, OR: [...ownerScope(p), { clubs: { some: { clubId: { in: workClubIds(p) } } } }] };
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

export function requireFound<T>(row: T | null | undefined, what: string): T {
  if (!row) throw new NotFoundError(ErrorCode.NOT_FOUND, `${what} not found`);
  return row;
}

export type CardWithClubs = Card & { clubIds: string[] };

/** Whether the member follows the card. */
export async function follows(tx: Pick<Tx, "cardFollow">, cardId: string, memberId: string): Promise<boolean> {
  return (
    (await tx.cardFollow.findUnique({ where: { cardId_memberId: { cardId, memberId } }, select: { cardId: true } })) !==
    null
  );
}
