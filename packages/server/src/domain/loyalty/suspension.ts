// Suspending a partner's rewards and games when it is disabled or deleted, and resuming them one by one. As
// CrowdTwist's rule has it, re-enabling a partner does not re-enable its rewards: a manager (the program's or the
// partner's owner) resumes each reward and game deliberately, and the audit log records every resume.
import type { Game, Reward } from "../../generated/prisma/client.js";
import type { Call, Tx } from "../kernel/deps.js";
import { ErrorCode, LoyaltyRuleError } from "../kernel/errors.js";
import { audit } from "../programs/audit.js";
import { requireFound, requireOwner } from "./access.js";

/** Whether a partner is live (enabled and not deleted): a new reward or game of a dead one starts suspended. */
export const isLivePartner = (partner: { status: string; deletedAt: Date | null }) =>
  partner.status === "ENABLED" && partner.deletedAt === null;

/** The suspendedAt a new reward or game of this partner starts with. */
export const suspendedAtFor = (partner: { status: string; deletedAt: Date | null }) =>
  isLivePartner(partner) ? null : new Date();

/**
 * In the transaction that disables or deletes a partner (a partner-status hook, hooks.ts): suspends every reward
 * and game of its cards. Enabling it changes nothing: they stay suspended until resumed.
 */
export async function suspendPartnerLoyalty(
  tx: Tx,
  partner: { id: string; status: string; deletedAt: Date | null },
): Promise<number> {
  if (isLivePartner(partner)) return 0;
  const where = { card: { partnerId: partner.id }, suspendedAt: null };
  const now = new Date();
  const rewards = await tx.reward.updateMany({ where, data: { suspendedAt: now } });
  const games = await tx.game.updateMany({ where, data: { suspendedAt: now } });
  return rewards.count + games.count;
}

const partnerDisabled = () =>
  new LoyaltyRuleError(ErrorCode.CARD_INACTIVE, "Its business is disabled: enable the partner before resuming");

/** Lifts a reward's suspension (its owners; the partner must be enabled). Resuming a running reward changes nothing. */
export async function resumeReward(call: Call, rewardId: string): Promise<Reward> {
  return call.prisma.$transaction(async (tx) => {
    const reward = requireFound(
      await tx.reward.findUnique({ where: { id: rewardId }, include: { card: { include: { partner: true } } } }),
      "Reward",
    );
    requireOwner(call.principal, reward.card);
    const { card, ...before } = reward;
    if (before.suspendedAt === null) return before;
    if (!isLivePartner(card.partner)) throw partnerDisabled();
    const after = await tx.reward.update({ where: { id: rewardId }, data: { suspendedAt: null } });
    await audit(tx, call, {
      action: "reward.resume",
      targetType: "Reward",
      targetId: rewardId,
      programId: after.programId,
      before: { suspendedAt: before.suspendedAt },
      after: { suspendedAt: null },
    });
    return after;
  });
}

/** Lifts a game's suspension, like resumeReward. */
export async function resumeGame(call: Call, gameId: string): Promise<Game> {
  return call.prisma.$transaction(async (tx) => {
    const game = requireFound(
      await tx.game.findUnique({ where: { id: gameId }, include: { card: { include: { partner: true } } } }),
      "Game",
    );
    requireOwner(call.principal, game.card);
    const { card, ...before } = game;
    if (before.suspendedAt === null) return before;
    if (!isLivePartner(card.partner)) throw partnerDisabled();
    const after = await tx.game.update({ where: { id: gameId }, data: { suspendedAt: null } });
    await audit(tx, call, {
      action: "game.resume",
      targetType: "Game",
      targetId: gameId,
      programId: after.programId,
      before: { suspendedAt: before.suspendedAt },
      after: { suspendedAt: null },
    });
    return after;
  });
}
