// Row filters and lookups shared by rewards, coupons, redemptions and games: which cards a caller works on
// (owners and the staff of a club carrying the card) or collects on (members following it), and the member a
// member-side action is for.
import type { Card, Member, Prisma } from "../../generated/prisma/client.js";
import { ownMemberIds, requireAuthenticated, type Principal } from "../auth/principal.js";
import { actorOf } from "../audit.js";
import type { Tx } from "../deps.js";
import { ErrorCode, NotFoundError, ValidationError } from "../errors.js";
import type { MemberRef } from "../points/members.js";
import { isOwner, requireMemberActor } from "./access.js";

/** Cards one of the caller's members follows. */
export function followedCardWhere(p: Principal): Prisma.CardWhereInput {
  return { followers: { some: { memberId: { in: ownMemberIds(p) } } } };
}

export function requireFound<T>(row: T | null | undefined, what: string): T {
  if (!row) throw new NotFoundError(ErrorCode.NOT_FOUND, `${what} not found`);
  return row;
}

export type CardWithClubs = Card & { clubIds: string[] };

/** A card with the ids of the clubs carrying it (what requireCardStaff needs). */
export async function cardWithClubs(tx: Pick<Tx, "card">, cardId: string): Promise<CardWithClubs> {
  const card = requireFound(await tx.card.findUnique({ where: { id: cardId }, include: { clubs: { select: { clubId: true } } } }), "Card");
  const { clubs, ...rest } = card;
  return { ...rest, clubIds: clubs.map((c) => c.clubId) };
}

/**
 * The member a member-side action (own redemption, game play) is for: the one named, or, for a member's own
 * session, their membership in the card's program. Checked with requireMemberActor.
 */
export async function actingMember(tx: Pick<Tx, "member">, p: Principal, card: Card, ref: MemberRef | { externalId: string } | null | undefined): Promise<Member> {
  requireAuthenticated(p);
  let member: Member | null;
  if (ref) {
    const where = "id" in ref ? { id: ref.id, programId: card.programId } : { programId: card.programId, externalId: ref.externalId };
    member = await tx.member.findFirst({ where });
  } else {
    const mine = await tx.member.findMany({ where: { id: { in: ownMemberIds(p) }, programId: card.programId }, take: 2 });
    if (mine.length > 1) throw new ValidationError([{ path: "member", message: "you are several members of this program; say which" }]);
    // Those who act for any member (managers, the card's partner) must say which; others learn nothing.
    if (!mine.length && isOwner(p, card)) throw new ValidationError([{ path: "member", message: "say which member this is for" }]);
    member = mine[0] ?? null;
  }
  const found = requireFound(member, "Member");
  requireMemberActor(p, found, card);
  return found;
}

/** Whether the member follows the card. */
export async function follows(tx: Pick<Tx, "cardFollow">, cardId: string, memberId: string): Promise<boolean> {
  return (await tx.cardFollow.findUnique({ where: { cardId_memberId: { cardId, memberId } }, select: { cardId: true } })) !== null;
}

/**
 * Who an Activity row says acted: the staff member, manager or key (as in the audit trail); null for a member
 * acting on their own collection.
 */
export function activityActor(p: Principal, memberId: string | null = null): { actorType: string | null; actorId: string | null } {
  if (memberId !== null && ownMemberIds(p).includes(memberId)) return { actorType: null, actorId: null };
  return actorOf(p);
}
