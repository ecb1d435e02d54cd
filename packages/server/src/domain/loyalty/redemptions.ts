// Redeeming a reward: staff scan the member's QR at the counter (any reward), or a member redeems a COUPON
// reward themselves in the app (no QR: the coupon is what they later show at the counter). One transaction
// checks availability, stock and balance and writes the debit, the Redemption, the coupon, the Activity and
// the audit entry. Concurrency: the member's row lock serializes their balance; the stock is taken with a
// conditional update (`stock >= 1`), so concurrent redemptions never overspend either.
import { z } from "zod";
import type { Coupon, Redemption } from "../../generated/prisma/client.js";
import { audit } from "../audit.js";
import type { Call, Tx } from "../deps.js";
import { ErrorCode, InsufficientPointsError, LoyaltyRuleError, ValidationError } from "../errors.js";
import { balanceOf, lockMember, type MemberRef } from "../points/members.js";
import { requireProgram } from "../programs.js";
import { parseInput } from "../values.js";
import { requireCardStaff } from "./access.js";
import { enforceDailyActionLimits, runIdempotent, today } from "./actions.js";
import { requireAvailable, rewardCost } from "./availability.js";
import { actingMember, activityActor, cardWithClubs, requireFound } from "./card-scope.js";
import { issueCoupons } from "./coupons.js";
import { consumeMemberQr, readMemberQr } from "./qr.js";

const RedeemInput = z.object({
  idempotencyKey: z.string().trim().min(1, "must not be empty").max(200, "must be at most 200 characters"),
  qr: z.string().max(2000, "is not a member QR code").nullish(),
});

export interface RedeemRewardInput {
  rewardId: string;
  /** Optional check: the reward's card. */
  cardId?: string | null;
  /** The member's scanned QR payload (staff). Without it, the caller redeems a COUPON reward for a member. */
  qr?: string | null;
  clubId?: string | null;
  idempotencyKey: string;
  /** Without a QR: the member (a member's own session may leave it out). */
  member?: MemberRef | { externalId: string } | null;
}

export interface RedeemResult {
  redemption: Redemption;
  coupon: Coupon | null;
  /** The card balance (points or stamps) after the redemption; on a replay, the balance now. */
  balance: number;
}

export async function redeemReward(call: Call, secret: Buffer, input: RedeemRewardInput): Promise<RedeemResult & { replayed: boolean }> {
  const data = parseInput(RedeemInput, input);
  const p = call.principal;
  const reward = requireFound(await call.prisma.reward.findUnique({ where: { id: input.rewardId } }), "Reward");
  if (input.cardId && input.cardId !== reward.cardId) requireFound(null, "Reward");
  const card = await cardWithClubs(call.prisma, reward.cardId);

  // Who acts and for whom: staff with the member's QR, or the member (or someone acting for them) without.
  let memberId: string;
  let clubId: string | null;
  let consume: ((tx: Tx) => Promise<void>) | null = null;
  if (data.qr) {
    clubId = requireCardStaff(p, card, input.clubId);
    const claims = readMemberQr(secret, data.qr);
    if (claims.programId !== card.programId) throw new LoyaltyRuleError(ErrorCode.QR_INVALID, "This QR code belongs to another program");
    memberId = claims.memberId;
    consume = (tx) => consumeMemberQr(tx, claims, "REDEEM_REWARD");
  } else {
    const member = await actingMember(call.prisma, p, card, input.member);
    if (reward.kind === "INSTANT") throw new ValidationError([{ path: "qr", message: "INSTANT rewards are handed over at the counter: staff redeem them by scanning the member's QR" }]);
    if (input.clubId && !card.clubIds.includes(input.clubId)) throw new ValidationError([{ path: "clubId", message: "is not one of the card's clubs" }]);
    memberId = member.id;
    clubId = input.clubId ?? null;
  }
  const actor = activityActor(p, consume ? null : memberId);

  return runIdempotent(
    call,
    { programId: card.programId, idempotencyKey: data.idempotencyKey, request: { action: "redeemReward", rewardId: reward.id, qr: data.qr ?? null, memberId: consume ? null : memberId, clubId } },
    async (activity) => {
      // The same request names the same reward, whose card the caller was just allowed to act on.
      const redemption = requireFound(
        activity.cardId === card.id ? await call.prisma.redemption.findFirst({ where: { activityId: activity.id }, include: { coupon: true } }) : null,
        "Redemption",
      );
      const { coupon, ...row } = redemption;
      return { redemption: row, coupon, balance: await balanceOf(call.prisma, row.memberId, card.id) };
    },
    async (tx, keyed) => {
      if (consume) await consume(tx);
      const program = requireProgram(await tx.program.findUnique({ where: { id: card.programId }, select: { timezone: true } }));
      // A QR names a member of the program; the row may have been deleted since it was shown.
      if (!(await tx.member.findFirst({ where: { id: memberId, programId: card.programId }, select: { id: true } }))) {
        throw new LoyaltyRuleError(ErrorCode.QR_INVALID, "This QR code names no member of this program");
      }
      await lockMember(tx, memberId);
      await enforceDailyActionLimits(tx, card, memberId, consume ? actor.actorId : null, await today(tx, program.timezone));

      const now = new Date();
      const current = await tx.reward.findUniqueOrThrow({ where: { id: reward.id } });
      requireAvailable(current, now);
      const cost = rewardCost(current, card);
      const balance = await balanceOf(tx, memberId, card.id);
      if (balance < cost) throw new InsufficientPointsError(balance, cost);
      if (current.stock !== null) {
        const { count } = await tx.reward.updateMany({ where: { id: reward.id, stock: { gte: 1 } }, data: { stock: { decrement: 1 } } });
        if (count !== 1) throw new LoyaltyRuleError(ErrorCode.OUT_OF_STOCK, "This reward is out of stock");
      }

      const [coupon] = current.kind === "COUPON" ? await issueCoupons(tx, { programId: card.programId, memberId, reward: current, card }, 1, now) : [];
      const activity = await tx.activity.create({
        data: {
          programId: card.programId,
          partnerId: card.partnerId,
          cardId: card.id,
          clubId,
          memberId,
          type: "REWARD_REDEEMED",
          ...actor,
          points: -cost,
          rewardId: reward.id,
          couponId: coupon?.id ?? null,
          ...keyed,
        },
      });
      await tx.ledgerEntry.create({
        data: { programId: card.programId, memberId, type: "REDEEM", source: consume ? "STAFF" : "MEMBER", points: -cost, cardId: card.id, activityId: activity.id },
      });
      const redemption = await tx.redemption.create({
        data: { programId: card.programId, cardId: card.id, rewardId: reward.id, memberId, clubId, cost, couponId: coupon?.id ?? null, activityId: activity.id },
      });
      await audit(tx, call, { action: "reward.redeem", targetType: "Redemption", targetId: redemption.id, programId: card.programId, after: { ...redemption, couponCode: coupon?.code ?? null } });
      return { redemption, coupon: coupon ?? null, balance: balance - cost };
    },
  ).then(({ result, replayed }) => ({ ...result, replayed }));
}
