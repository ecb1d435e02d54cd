// Rewards on a card: created and changed by the card's owners; seen by owners and the staff of the card's
// clubs (all of them, with an `available` flag) and by members following the card (only what they can redeem
// now). A disabled or deleted partner's rewards are suspended (see suspension.ts).
import { z } from "zod";
import type { Reward } from "../../generated/prisma/client.js";
import type { Call, Tx } from "../kernel/deps.js";
import { ValidationError, type ValidationIssue } from "../kernel/errors.js";
import { type Loose, name, optionalText, parseInput } from "../kernel/values.js";
import { audit } from "../programs/audit.js";
import { requireFound, requireOwner } from "./access.js";
import { suspendedAtFor } from "./suspension.js";

const count = (what: string) => z.number().int(`${what} must be a whole number`);

const RewardFields = {
  title: name,
  description: optionalText(2000),
  kind: z.enum(["COUPON", "INSTANT"]),
  pointsCost: count("points")
    .min(1, "must be at least 1")
    .max(1_000_000_000, "is too large")
    .nullish()
    .transform((v) => v ?? null),
  stock: count("stock")
    .min(0, "must not be negative")
    .max(1_000_000_000, "is too large")
    .nullish()
    .transform((v) => v ?? null),
  startsAt: z
    .date()
    .nullish()
    .transform((v) => v ?? null),
  endsAt: z
    .date()
    .nullish()
    .transform((v) => v ?? null),
  couponValidityDays: count("days")
    .min(1, "must be at least 1 day (leave it out for the card's default)")
    .max(3650, "must be at most 3650 days")
    .nullish()
    .transform((v) => v ?? null),
  status: z.enum(["ACTIVE", "INACTIVE"]),
};
const CreateRewardInput = z.object({
  ...RewardFields,
  kind: RewardFields.kind.nullish().transform((v) => v ?? "COUPON"),
  status: RewardFields.status.nullish().transform((v) => v ?? "ACTIVE"),
});
/** Only the fields present change (null clears an optional one). */
const UpdateRewardInput = z.object(RewardFields).partial();
export type CreateRewardInput = Loose<z.input<typeof CreateRewardInput>>;
export type UpdateRewardInput = Loose<z.input<typeof UpdateRewardInput>>;

type RewardShape = Pick<Reward, "kind" | "pointsCost" | "startsAt" | "endsAt" | "couponValidityDays">;

/** The rules between fields, checked on the reward as it would be after the write. */
async function checkShape(
  tx: Tx,
  card: { type: "LOYALTY" | "STAMP" },
  reward: RewardShape,
  rewardId: string | null,
): Promise<void> {
  const issues: ValidationIssue[] = [];
  if (card.type === "LOYALTY" && reward.pointsCost === null)
    issues.push({ path: "pointsCost", message: "is required on a LOYALTY card" });
  if (card.type === "STAMP" && reward.pointsCost !== null)
    issues.push({ path: "pointsCost", message: "must be left out on a STAMP card (a full card pays)" });
  if (reward.startsAt && reward.endsAt && reward.endsAt <= reward.startsAt)
    issues.push({ path: "endsAt", message: "must be after startsAt" });
  if (reward.kind === "INSTANT" && reward.couponValidityDays !== null)
    issues.push({ path: "couponValidityDays", message: "only COUPON rewards issue coupons" });
  if (reward.kind === "INSTANT" && rewardId && (await tx.gamePrize.count({ where: { rewardId } }))) {
    issues.push({ path: "kind", message: "games give this reward's coupons as prizes: change those games first" });
  }
  if (issues.length) throw new ValidationError(issues);
}

export async function createReward(call: Call, cardId: string, input: CreateRewardInput): Promise<Reward> {
  const data = parseInput(CreateRewardInput, input);
  return call.prisma.$transaction(async (tx) => {
    const card = requireFound(
      await tx.card.findUnique({
        where: { id: cardId },
        include: { partner: { select: { status: true, deletedAt: true } } },
      }),
      "Card",
    );
    requireOwner(call.principal, card);
    await checkShape(tx, card, data, null);
    const reward = await tx.reward.create({
      data: { ...data, cardId, programId: card.programId, suspendedAt: suspendedAtFor(card.partner) },
    });
    await audit(tx, call, {
      action: "reward.create",
      targetType: "Reward",
      targetId: reward.id,
      programId: reward.programId,
      after: reward,
    });
    return reward;
  });
}

/** Changes the fields present. Stock is set, not adjusted: redemptions after this write take from the new value. */
export async function updateReward(call: Call, rewardId: string, patch: UpdateRewardInput): Promise<Reward> {
  const data = parseInput(UpdateRewardInput, patch);
  return call.prisma.$transaction(async (tx) => {
    const before = requireFound(
      await tx.reward.findUnique({ where: { id: rewardId }, include: { card: true } }),
      "Reward",
    );
    requireOwner(call.principal, before.card);
    await checkShape(tx, before.card, { ...before, ...data }, rewardId);
    const { card: _card, ...old } = before;
    const after = await tx.reward.update({ where: { id: rewardId }, data });
    await audit(tx, call, {
      action: "reward.update",
      targetType: "Reward",
      targetId: rewardId,
      programId: after.programId,
      before: old,
      after,
    });
    return after;
  });
}
