// Coupons: issued by redemptions and game wins (one issuing path), redeemed once at the counter by the staff of
// a club carrying the coupon's card, cancelled by the card's owners. A coupon's one-time use is a conditional
// update (`status = ISSUED` and not expired), so of concurrent redemptions of one code exactly one succeeds.
import { z } from "zod";
import type { Coupon, Prisma } from "../../generated/prisma/client.js";
import type { Call, Tx } from "../kernel/deps.js";
import { ErrorCode, LoyaltyRuleError, ValidationError } from "../kernel/errors.js";
import { isAdmin, memberProgramIds } from "../kernel/principal.js";
import { parseInput } from "../kernel/values.js";
import { actorOf, audit } from "../programs/audit.js";
import { type CardWithClubs, requireCardStaff, requireFound, requireOwner } from "./access.js";
import { runIdempotent } from "./actions.js";
import { couponExpiry, couponStatus, newCouponCode, normalizeCouponCode } from "./coupon-codes.js";

/** Where issued coupons come from: a reward (its title and validity) of a card, won or redeemed by a member. */
export interface CouponSource {
  programId: string;
  memberId: string;
  reward: { id: string; cardId: string; title: string; couponValidityDays: number | null };
  card: { couponValidityDays: number | null };
  gameId?: string | null;
  gamePlayId?: string | null;
}

/**
 * Issues `count` coupons inside the caller's transaction. Codes are random; one that happens to exist in the
 * program already is skipped by the insert (ON CONFLICT DO NOTHING) and replaced by a fresh one.
 */
export async function issueCoupons(
  tx: Tx,
  source: CouponSource,
  count: number,
  issuedAt: Date = new Date(),
): Promise<Coupon[]> {
  const expiresAt = couponExpiry(issuedAt, source.reward, source.card);
  const issued: Coupon[] = [];
  for (let attempt = 0; issued.length < count; attempt++) {
    if (attempt === 5) throw new Error("no free coupon code after 5 attempts");
    const rows = Array.from({ length: count - issued.length }, () => ({
      programId: source.programId,
      cardId: source.reward.cardId,
      memberId: source.memberId,
      rewardId: source.reward.id,
      gameId: source.gameId ?? null,
      gamePlayId: source.gamePlayId ?? null,
      code: newCouponCode(),
      title: source.reward.title,
      issuedAt,
      expiresAt,
    }));
    issued.push(...(await tx.coupon.createManyAndReturn({ data: rows, skipDuplicates: true })));
  }
  return issued;
}

/** Why a coupon cannot be redeemed now (null: it can). */
function refusal(coupon: Pick<Coupon, "status" | "expiresAt">, now: Date): LoyaltyRuleError | null {
  switch (couponStatus(coupon, now)) {
    case "REDEEMED":
      return new LoyaltyRuleError(ErrorCode.COUPON_ALREADY_USED, "This coupon was already used");
    case "CANCELLED":
      return new LoyaltyRuleError(ErrorCode.COUPON_CANCELLED, "This coupon was cancelled");
    case "EXPIRED":
      return new LoyaltyRuleError(
        ErrorCode.COUPON_EXPIRED,
        `This coupon expired at ${coupon.expiresAt!.toISOString()}`,
      );
    case "ISSUED":
      return null;
  }
}

const RedeemCouponInput = z.object({
  code: z.string().max(100, "is not a coupon code"),
  idempotencyKey: z.string().trim().min(1, "must not be empty").max(200, "must be at most 200 characters").nullish(),
});

/**
 * Redeems a coupon by its code, looked up in the caller's programs (the club's, when one is named). Staff must
 * work in a club carrying the coupon's card (STORE_ACCESS_DENIED otherwise). With an idempotencyKey, a retry
 * returns the original redemption instead of COUPON_ALREADY_USED.
 */
export async function redeemCoupon(
  call: Call,
  input: { code: string; clubId?: string | null; idempotencyKey?: string | null },
): Promise<{ coupon: Coupon; replayed: boolean }> {
  const data = parseInput(RedeemCouponInput, input);
  const p = call.principal;
  const code = normalizeCouponCode(data.code);
  const clubProgram = input.clubId
    ? (await call.prisma.club.findUnique({ where: { id: input.clubId }, select: { programId: true } }))?.programId
    : null;
  if (input.clubId && !clubProgram) requireFound(null, "Club");
  const programScope: Prisma.CouponWhereInput = clubProgram
    ? { programId: clubProgram }
    : isAdmin(p)
      ? {}
      : { programId: { in: memberProgramIds(p) } };
  const found = code
    ? await call.prisma.coupon.findMany({
        where: { ...programScope, code },
        include: { card: { include: { clubs: { select: { clubId: true } } } } },
        take: 2,
      })
    : [];
  if (found.length > 1)
    throw new ValidationError([
      { path: "clubId", message: "several of your programs have a coupon with this code; name the club" },
    ]);
  const { card: cardRow, ...coupon } = requireFound(found[0], "Coupon");
  const card: CardWithClubs = { ...cardRow, clubIds: cardRow.clubs.map((c) => c.clubId) };
  const clubId = requireCardStaff(p, card, input.clubId);

  const run = async (tx: Tx, keyed: { idempotencyKey: string; requestHash: string } | null) => {
    const now = new Date();
    const early = refusal(coupon, now);
    if (early) throw early;
    const { actorType, actorId } = actorOf(p);
    const { count } = await tx.coupon.updateMany({
      where: { id: coupon.id, status: "ISSUED", OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
      data: { status: "REDEEMED", redeemedAt: now, redeemedBy: actorId, redeemedClubId: clubId },
    });
    // Another redemption (or a cancellation) got there first.
    if (count !== 1)
      throw (
        refusal(await tx.coupon.findUniqueOrThrow({ where: { id: coupon.id } }), now) ??
        new Error("coupon not redeemed")
      );
    await tx.activity.create({
      data: {
        programId: coupon.programId,
        partnerId: card.partnerId,
        cardId: card.id,
        clubId,
        memberId: coupon.memberId,
        type: "COUPON_REDEEMED",
        actorType,
        actorId,
        rewardId: coupon.rewardId,
        couponId: coupon.id,
        gameId: coupon.gameId,
        ...keyed,
      },
    });
    const after = await tx.coupon.findUniqueOrThrow({ where: { id: coupon.id } });
    await audit(tx, call, {
      action: "coupon.redeem",
      targetType: "Coupon",
      targetId: coupon.id,
      programId: coupon.programId,
      before: coupon,
      after,
    });
    return after;
  };

  if (!data.idempotencyKey) return { coupon: await call.prisma.$transaction((tx) => run(tx, null)), replayed: false };
  return runIdempotent(
    call,
    {
      programId: coupon.programId,
      idempotencyKey: data.idempotencyKey,
      request: { action: "redeemCoupon", code, clubId },
    },
    // The same request names the same coupon, whose card the caller was just allowed to act on.
    async (activity) =>
      requireFound(
        activity.couponId === coupon.id ? await call.prisma.coupon.findUnique({ where: { id: coupon.id } }) : null,
        "Coupon",
      ),
    run,
  ).then(({ result, replayed }) => ({ coupon: result, replayed }));
}

/**
 * Cancels an issued coupon (the card's owners): it can no longer be redeemed. Cancelling a cancelled coupon
 * changes nothing; a redeemed one cannot be cancelled (COUPON_ALREADY_USED). Points spent on it are not
 * returned: cancelling is the owner's decision (fraud, mistakes), and a refund can be made by hand.
 */
export async function cancelCoupon(call: Call, couponId: string): Promise<Coupon> {
  return call.prisma.$transaction(async (tx) => {
    const found = requireFound(
      await tx.coupon.findUnique({ where: { id: couponId }, include: { card: true } }),
      "Coupon",
    );
    const { card, ...coupon } = found;
    requireOwner(call.principal, card);
    if (coupon.status === "CANCELLED") return coupon;
    const used = () =>
      new LoyaltyRuleError(ErrorCode.COUPON_ALREADY_USED, "This coupon was already used; it cannot be cancelled");
    if (coupon.status === "REDEEMED") throw used();
    const now = new Date();
    const { count } = await tx.coupon.updateMany({
      where: { id: couponId, status: "ISSUED" },
      data: { status: "CANCELLED", cancelledAt: now },
    });
    if (count !== 1) throw used();
    await tx.activity.create({
      data: {
        programId: coupon.programId,
        partnerId: card.partnerId,
        cardId: card.id,
        memberId: coupon.memberId,
        type: "COUPON_CANCELLED",
        ...actorOf(call.principal),
        rewardId: coupon.rewardId,
        couponId,
        gameId: coupon.gameId,
      },
    });
    const after = await tx.coupon.findUniqueOrThrow({ where: { id: couponId } });
    await audit(tx, call, {
      action: "coupon.cancel",
      targetType: "Coupon",
      targetId: couponId,
      programId: coupon.programId,
      before: coupon,
      after,
    });
    return after;
  });
}
