// Following cards, and card views. A member follows a PUBLIC, ACTIVE card by its id, or any ACTIVE card through
// its QR link (followToken); a QR_ONLY card named by id stays unknown (NOT_FOUND), so its existence never leaks.
// Following is idempotent: following again returns the follow, and FOLLOW is written to the history once.
import type { Card, CardFollow, Member } from "../../generated/prisma/client.js";
import type { Call, Tx } from "../kernel/deps.js";
import { ErrorCode, LoyaltyRuleError, ValidationError } from "../kernel/errors.js";
import { ownMemberIds, type Principal } from "../kernel/principal.js";
import { isUniqueViolation } from "../kernel/prisma-errors.js";
import type { MemberRef } from "../points/members.js";
import { actorOf, audit } from "../programs/audit.js";
import { isOwner } from "./access.js";
import { requireCard } from "./cards.js";
import { actingMember, ownMemberIn } from "./members.js";
import { visibleCards } from "./scope.js";

type CardWithPartner = Card & { partner: { status: string; deletedAt: Date | null } };

/** Whether members can collect on the card: it is ACTIVE and its partner enabled and not deleted. */
export function isLive(card: CardWithPartner): boolean {
  return card.status === "ACTIVE" && card.partner.status === "ENABLED" && !card.partner.deletedAt;
}

/** Who a loyalty activity is attributed to: nobody for the member's own acts, else the caller (staff, owner, key). */
export function actorFor(p: Principal, memberId: string | null) {
  return memberId && ownMemberIds(p).includes(memberId) ? { actorType: null, actorId: null } : actorOf(p);
}

export interface FollowInput {
  cardId?: string | null;
  followToken?: string | null;
  member?: MemberRef | null;
}

export async function followCard(call: Call, input: FollowInput): Promise<{ follow: CardFollow; created: boolean }> {
  if (!input.cardId === !input.followToken)
    throw new ValidationError([{ path: "cardId", message: "give cardId or followToken (one of them)" }]);
  const p = call.principal;
  const card = requireCard(
    await call.prisma.card.findFirst({
      where: input.cardId ? { id: input.cardId } : { followToken: input.followToken! },
      include: { partner: { select: { status: true, deletedAt: true } } },
    }),
  );
  const member = await actingMember(call.prisma, p, input.member, { programId: card.programId, card });
  const existing = await call.prisma.cardFollow.findUnique({
    where: { cardId_memberId: { cardId: card.id, memberId: member.id } },
  });
  // Known to the caller: it follows the card already, owns it, or named it by its token or as a public card.
  const known = existing !== null || isOwner(p, card) || !!input.followToken || card.visibility === "PUBLIC";
  if (!known) requireCard(null);
  if (!isLive(card)) {
    if (existing || isOwner(p, card)) throw new LoyaltyRuleError(ErrorCode.CARD_INACTIVE, "This card is not active");
    requireCard(null);
  }
  if (existing) return { follow: existing, created: false };
  try {
    return await call.prisma.$transaction(async (tx) => ({
      follow: await follow(tx, call, card, member),
      created: true,
    }));
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return {
      follow: await call.prisma.cardFollow.findUniqueOrThrow({
        where: { cardId_memberId: { cardId: card.id, memberId: member.id } },
      }),
      created: false,
    };
  }
}

/**
 * Makes the member follow the card inside a transaction that already holds the member's lock (a staff action:
 * awarding to a non-follower makes them follow, with its FOLLOW activity). Returns whether it was new.
 */
export async function ensureFollow(
  tx: Tx,
  call: Pick<Call, "principal" | "requestId">,
  card: Card,
  member: Member,
): Promise<boolean> {
  const existing = await tx.cardFollow.findUnique({
    where: { cardId_memberId: { cardId: card.id, memberId: member.id } },
    select: { cardId: true },
  });
  if (existing) return false;
  await follow(tx, call, card, member);
  return true;
}

async function follow(
  tx: Tx,
  call: Pick<Call, "principal" | "requestId">,
  card: Card,
  member: Member,
): Promise<CardFollow> {
  const row = await tx.cardFollow.create({ data: { cardId: card.id, memberId: member.id, programId: card.programId } });
  await tx.activity.create({
    data: {
      programId: card.programId,
      partnerId: card.partnerId,
      cardId: card.id,
      memberId: member.id,
      type: "FOLLOW",
      ...actorFor(call.principal, member.id),
    },
  });
  await audit(tx, call, {
    action: "card.follow",
    targetType: "Card",
    targetId: card.id,
    programId: card.programId,
    after: { memberId: member.id },
  });
  return row;
}

/** Stops following (balances stay in the ledger; following again shows them). */
export async function unfollowCard(
  call: Call,
  input: { cardId: string; member?: MemberRef | null },
): Promise<{ card: Card; member: Member }> {
  const card = requireCard(await call.prisma.card.findUnique({ where: { id: input.cardId } }));
  const member = await actingMember(call.prisma, call.principal, input.member, { programId: card.programId, card });
  return call.prisma.$transaction(async (tx) => {
    const { count } = await tx.cardFollow.deleteMany({ where: { cardId: card.id, memberId: member.id } });
    if (!count) requireCard(null);
    await tx.activity.create({
      data: {
        programId: card.programId,
        partnerId: card.partnerId,
        cardId: card.id,
        memberId: member.id,
        type: "UNFOLLOW",
        ...actorFor(call.principal, member.id),
      },
    });
    await audit(tx, call, {
      action: "card.unfollow",
      targetType: "Card",
      targetId: card.id,
      programId: card.programId,
      before: { memberId: member.id },
    });
    return { card, member };
  });
}

/**
 * Records that a card was looked at (for analytics), by anyone who may see it; attributed to the caller's own
 * member of the card's program, or to the member named by a manager or the card's partner. A view changes no
 * state, so its Activity row is its only record (no audit entry).
 */
export async function recordCardView(call: Call, input: { cardId: string; member?: MemberRef | null }): Promise<Card> {
  const p = call.principal;
  const card = requireCard(await call.prisma.card.findFirst({ where: { id: input.cardId, AND: [visibleCards(p)] } }));
  const memberId = input.member
    ? (await actingMember(call.prisma, p, input.member, { programId: card.programId, card })).id
    : ownMemberIn(p, card.programId);
  await call.prisma.activity.create({
    data: {
      programId: card.programId,
      partnerId: card.partnerId,
      cardId: card.id,
      memberId,
      type: "CARD_VIEW",
      ...actorFor(p, memberId),
    },
  });
  return card;
}
