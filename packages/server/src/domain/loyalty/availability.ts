// Whether a reward can be redeemed (or won) now, and what it costs: pure, shared by reads (the `available`
// flag, members' lists), redemptions and game draws, so the three never disagree.
import type { Prisma } from "../../generated/prisma/client.js";
import type { CardType, RewardStatus } from "../../generated/prisma/enums.js";
import { ErrorCode, LoyaltyRuleError } from "../kernel/errors.js";

export interface RewardState {
  status: RewardStatus;
  suspendedAt: Date | null;
  startsAt: Date | null;
  endsAt: Date | null;
  stock: number | null;
}

/** Why a reward cannot be had now, or null when it can (`units`: how many are needed, e.g. coupons per win). */
export function unavailability(
  reward: RewardState,
  now: Date = new Date(),
  units = 1,
): "INACTIVE" | "SUSPENDED" | "NOT_STARTED" | "ENDED" | "OUT_OF_STOCK" | null {
  if (reward.status !== "ACTIVE") return "INACTIVE";
  if (reward.suspendedAt !== null) return "SUSPENDED";
  if (reward.startsAt !== null && reward.startsAt.getTime() > now.getTime()) return "NOT_STARTED";
  if (reward.endsAt !== null && reward.endsAt.getTime() <= now.getTime()) return "ENDED";
  if (reward.stock !== null && reward.stock < units) return "OUT_OF_STOCK";
  return null;
}

const REASONS = {
  INACTIVE: "This reward is not active",
  SUSPENDED: "This reward is suspended while its partner is disabled",
  NOT_STARTED: "This reward is not available yet",
  ENDED: "This reward is no longer available",
} as const;

/** Refuses an unavailable reward: OUT_OF_STOCK for stock, REWARD_UNAVAILABLE for everything else. */
export function requireAvailable(reward: RewardState, now: Date = new Date(), units = 1): void {
  const reason = unavailability(reward, now, units);
  if (reason === "OUT_OF_STOCK") throw new LoyaltyRuleError(ErrorCode.OUT_OF_STOCK, "This reward is out of stock");
  if (reason) throw new LoyaltyRuleError(ErrorCode.REWARD_UNAVAILABLE, REASONS[reason]);
}

/** Row filter for rewards available now (the same rules as `unavailability`, as a query). */
export function availableRewardWhere(now: Date = new Date()): Prisma.RewardWhereInput {
  return {
    status: "ACTIVE",
    suspendedAt: null,
    AND: [
      { OR: [{ startsAt: null }, { startsAt: { lte: now } }] },
      { OR: [{ endsAt: null }, { endsAt: { gt: now } }] },
      { OR: [{ stock: null }, { stock: { gt: 0 } }] },
    ],
  };
}

/** What one redemption takes from the card's balance: the reward's points on a LOYALTY card, a full card of stamps on a STAMP card. */
export function rewardCost(
  reward: { pointsCost: number | null },
  card: { type: CardType; stampsRequired: number | null },
): number {
  const cost = card.type === "STAMP" ? card.stampsRequired : reward.pointsCost;
  if (cost === null || cost < 1) throw new Error(`the reward has no cost on its ${card.type} card`);
  return cost;
}
