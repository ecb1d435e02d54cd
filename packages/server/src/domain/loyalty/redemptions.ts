// Redeeming a reward: staff scan the member's QR at the counter (any reward; the shared staff-action runner:
// club check, QR once per action, idempotency, member lock, daily limits, audit), or a member redeems a COUPON
// reward themselves in the app (no QR: the coupon is what they later show at the counter; still idempotent and
// under the member's lock and daily limit). One transaction checks availability, stock and balance and writes
// the debit, the Redemption, the coupon and the Activity. Concurrency: the member's row lock serializes their
// balance; stock is taken with a conditional update (`stock >= 1`), so concurrent redemptions overspend neither.
import { z } from "zod";
import type { Activity, Coupon, Redemption, Reward } from "../../generated/prisma/client.js";
import type { Call, Tx } from "../kernel/deps.js";
import { ErrorCode, InsufficientPointsError, LoyaltyRuleError, ValidationError } from "../kernel/errors.js";
import { parseInput } from "../kernel/values.js";
import { balanceOf, lockMember } from "../points/ledger.js";
import type { MemberRef } from "../points/members.js";
import { audit } from "../programs/audit.js";
import { requireFound } from "./access.js";
import { enforceDailyActionLimits, runIdempotent, today } from "./actions.js";
import { requireAvailable, rewardCost } from "./availability.js";
import { issueCoupons } from "./coupons.js";
import { actorFor, isLive } from "./follows.js";
import { actingMember } from "./members.js";
import { type ActionCard, type ActionScope, runStaffAction } from "./staff-action.js";

const RedeemInput = z.object({
  idempotencyKey: z.string().trim().min(1, "must not be empty").max(200, "must be at most 200 characters"),
});

export interface RedeemRewardInput {
  rewardId: string;
  /** Optional check: the reward's card. */
  cardId?: string | null;
  /** The member's scanned QR payload (staff). Without it, the caller redeems a COUPON reward for a member. */
  qr?: string | null;
  clubId?: string | null;
  idempotencyKey: string;
  /** Without a QR: the member (a member's own session leaves it out). */
  member?: MemberRef | null;
}

export interface RedeemResult {
  redemption: Redemption;
  coupon: Coupon | null;
  /** The card balance (points or stamps) after the redemption; on a replay, the balance now. */
  balance: number;
}

export async function redeemReward(
  call: Call,
  secret: Buffer,
  input: RedeemRewardInput,
): Promise<RedeemResult & { replayed: boolean }> {
  const { idempotencyKey } = parseInput(RedeemInput, input);
  const reward = requireFound(await call.prisma.reward.findUnique({ where: { id: input.rewardId } }), "Reward");
  if (input.cardId && input.cardId !== reward.cardId) requireFound(null, "Reward");
  const replay = async (activity: Activity) => {
    const found = requireFound(
      await call.prisma.redemption.findFirst({ where: { activityId: activity.id }, include: { coupon: true } }),
      "Redemption",
    );
    const { coupon, ...redemption } = found;
    return { redemption, coupon, balance: await balanceOf(call.prisma, redemption.memberId, redemption.cardId) };
  };

  if (input.qr) {
    const { result, replayed } = await runStaffAction(
      call,
      secret,
      { cardId: reward.cardId, qr: input.qr, clubId: input.clubId, idempotencyKey },
      {
        action: "REDEEM_REWARD",
        audit: "loyalty.redeemReward",
        request: { rewardId: reward.id },
        effect: ({ tx, card, member, clubId, activity }) =>
          debit(tx, { card, rewardId: reward.id, memberId: member.id, clubId, source: "STAFF", activity }),
        replay,
      },
    );
    return { ...result, replayed };
  }

  // Without a QR: a member's own redemption of a COUPON reward (or a manager's or the card's partner's for them).
  // Not actionCard: a member has no role in the program, and the reward's card is theirs to redeem on.
  const found = await call.prisma.card.findUniqueOrThrow({
    where: { id: reward.cardId },
    include: {
      clubs: { select: { clubId: true } },
      partner: { select: { status: true, deletedAt: true } },
      program: { select: { timezone: true, roundingMode: true } },
    },
  });
  const card: ActionCard = { ...found, clubIds: found.clubs.map((c) => c.clubId) };
  const member = await actingMember(call.prisma, call.principal, input.member, { programId: card.programId, card });
  if (reward.kind === "INSTANT")
    throw new ValidationError([
      {
        path: "qr",
        message: "INSTANT rewards are handed over at the counter: staff redeem them by scanning the member's QR",
      },
    ]);
  if (input.clubId && !card.clubIds.includes(input.clubId))
    throw new ValidationError([{ path: "clubId", message: "is not one of the card's clubs" }]);
  const clubId = input.clubId ?? null;
  const actor = actorFor(call.principal, member.id);
  const { result, replayed } = await runIdempotent(
    call,
    {
      programId: card.programId,
      idempotencyKey,
      request: {
        action: "REDEEM_REWARD",
        cardId: card.id,
        clubId,
        memberId: member.id,
        rewardId: reward.id,
        qr: false,
      },
    },
    async (activity) => {
      // The hash binds the key to this member, whom the caller was just allowed to act for.
      if (activity.memberId !== member.id) requireFound(null, "Redemption");
      return replay(activity);
    },
    async (tx, keyed) => {
      await lockMember(tx, member.id);
      // No staff member acts: only the member's own daily limit applies.
      await enforceDailyActionLimits(tx, card, member.id, null, await today(tx, card.program.timezone));
      const activity = {
        programId: card.programId,
        partnerId: card.partnerId,
        cardId: card.id,
        memberId: member.id,
        clubId,
        ...actor,
        ...keyed,
      };
      const result = await debit(tx, {
        card,
        rewardId: reward.id,
        memberId: member.id,
        clubId,
        source: "MEMBER",
        activity,
      });
      await audit(tx, call, {
        action: "loyalty.redeemReward",
        targetType: "Member",
        targetId: member.id,
        programId: card.programId,
        after: { cardId: card.id, clubId, rewardId: reward.id },
      });
      return result;
    },
  );
  return { ...result, replayed };
}

/** Who, where and which key: the Activity fields the runner gives (see ActionScope["activity"]). */
type ActivityFields = Omit<ActionScope["activity"], "actorType"> & { actorType: string | null };

const outOfStock = () => new LoyaltyRuleError(ErrorCode.OUT_OF_STOCK, "This reward is out of stock");

/**
 * The redemption itself, inside the action's transaction and under the member's lock. Checks in this order:
 * the reward (REWARD_UNAVAILABLE: inactive, suspended, outside its window), the card (CARD_INACTIVE), stock
 * (OUT_OF_STOCK), balance (InsufficientPointsError with the balance and the cost).
 */
async function debit(
  tx: Tx,
  a: {
    card: ActionCard;
    rewardId: string;
    memberId: string;
    clubId: string | null;
    source: "STAFF" | "MEMBER";
    activity: ActivityFields;
  },
): Promise<RedeemResult> {
  const { card, memberId } = a;
  const now = new Date();
  const reward: Reward = await tx.reward.findUniqueOrThrow({ where: { id: a.rewardId } });
  requireAvailable({ ...reward, stock: null }, now);
  if (!isLive(card))
    throw new LoyaltyRuleError(ErrorCode.CARD_INACTIVE, "This card is not active (or its business is disabled)");
  if (reward.stock !== null && reward.stock < 1) throw outOfStock();
  const cost = rewardCost(reward, card);
  const balance = await balanceOf(tx, memberId, card.id);
  if (balance < cost) throw new InsufficientPointsError(balance, cost);
  if (reward.stock !== null) {
    const { count } = await tx.reward.updateMany({
      where: { id: reward.id, stock: { gte: 1 } },
      data: { stock: { decrement: 1 } },
    });
    if (count !== 1) throw outOfStock();
  }
  const [coupon] =
    reward.kind === "COUPON"
      ? await issueCoupons(tx, { programId: card.programId, memberId, reward, card }, 1, now)
      : [];
  const activity = await tx.activity.create({
    data: { ...a.activity, type: "REWARD_REDEEMED", points: -cost, rewardId: reward.id, couponId: coupon?.id ?? null },
  });
  await tx.ledgerEntry.create({
    data: {
      programId: card.programId,
      memberId,
      type: "REDEEM",
      source: a.source,
      points: -cost,
      cardId: card.id,
      activityId: activity.id,
    },
  });
  const redemption = await tx.redemption.create({
    data: {
      programId: card.programId,
      cardId: card.id,
      rewardId: reward.id,
      memberId,
      clubId: a.clubId,
      cost,
      couponId: coupon?.id ?? null,
      activityId: activity.id,
    },
  });
  return { redemption, coupon: coupon ?? null, balance: balance - cost };
}
