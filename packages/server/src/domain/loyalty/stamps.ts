// Staff add stamps on a STAMP card: stampsPerPurchase for a qualifying purchase (at least minimumPurchase; less
// is refused with VALIDATION_FAILED, writing nothing), or an explicit count.
//
// Caps, applied in this order; the result reports both the stamps asked for and those added:
//  - dailyStampLimit: stamps beyond what the member may still collect today (program time zone) are not added;
//    when none may be added the action is refused with DAILY_LIMIT_REACHED and retryAt (the next day's start);
//  - HOLD cards stop at a full card: stamps beyond it are not added, and while a full card waits to be redeemed
//    the action is refused with CARD_FULL. NEW_CARD cards carry stamps beyond a full card to the next one.
// Progress is derived from the ledger (see stamp-progress.ts and points/ledger.ts), so a redemption (−stampsRequired) frees a held card.
import { z } from "zod";
import type { Activity } from "../../generated/prisma/client.js";
import type { Call, Tx } from "../kernel/deps.js";
import { ErrorCode, LoyaltyRuleError, ValidationError } from "../kernel/errors.js";
import { decimalString, decimalText, parseInput } from "../kernel/values.js";
import { totalsOf } from "../points/ledger.js";
import { type ActionCard, creditCard, runStaffAction, type StaffActionInput } from "./staff-action.js";
import { type StampProgress, stampProgress } from "./stamp-progress.js";

const StampsInput = z.object({
  purchaseAmount: decimalString(18, 4).nullish(),
  stamps: z
    .number()
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(100, "must be at most 100")
    .nullish(),
});

export interface StampsResult {
  activity: Activity;
  stampsRequested: number;
  stampsAdded: number;
  /** The member's progress on the card now. */
  progress: StampProgress;
  /** Whether this action filled a card. */
  completedCard: boolean;
}

export async function addStamps(
  call: Call,
  secret: Buffer,
  input: StaffActionInput & { purchaseAmount?: string | null; stamps?: number | null },
): Promise<{ result: StampsResult; replayed: boolean }> {
  const { purchaseAmount, stamps } = parseInput(StampsInput, input);
  if ((purchaseAmount == null) === (stamps == null))
    throw new ValidationError([{ path: "purchaseAmount", message: "give purchaseAmount or stamps (one of them)" }]);
  const requested = (card: ActionCard) => {
    if (stamps != null) return stamps;
    if (card.minimumPurchase && purchaseAmount!.lessThan(card.minimumPurchase)) {
      throw new ValidationError([
        {
          path: "purchaseAmount",
          message: `is below the card's minimum purchase of ${decimalText(card.minimumPurchase)}`,
        },
      ]);
    }
    return card.stampsPerPurchase ?? 1;
  };
  return runStaffAction(call, secret, input, {
    action: "ADD_STAMPS",
    cardType: "STAMP",
    audit: "loyalty.addStamps",
    request: { purchaseAmount: purchaseAmount?.toFixed() ?? null, stamps: stamps ?? null },
    effect: async ({ tx, card, member, day, ...scope }) => {
      const required = card.stampsRequired ?? 1;
      const asked = requested(card);
      let added = asked;
      if (card.dailyStampLimit !== null) {
        const { _sum } = await tx.activity.aggregate({
          where: {
            cardId: card.id,
            memberId: member.id,
            type: "STAMPS_ADDED",
            createdAt: { gte: day.start, lt: day.end },
          },
          _sum: { points: true },
        });
        const left = card.dailyStampLimit - (_sum.points ?? 0);
        if (left <= 0)
          throw new LoyaltyRuleError(
            ErrorCode.DAILY_LIMIT_REACHED,
            `This member collected the card's ${card.dailyStampLimit} stamps for today`,
            day.end,
          );
        added = Math.min(added, left);
      }
      const totals = await totalsOf(tx, member.id, card.id);
      const before = stampProgress(totals, required);
      if (card.afterCompletion === "HOLD") {
        if (before.fullCards > 0)
          throw new LoyaltyRuleError(
            ErrorCode.CARD_FULL,
            "A full card waits to be redeemed; no stamps are added until then",
          );
        added = Math.min(added, required - before.current);
      }
      const activity = await creditCard(
        { tx, card, member, day, ...scope },
        "STAMPS_ADDED",
        added,
        purchaseAmount?.toFixed() ?? null,
      );
      return {
        activity,
        stampsRequested: asked,
        stampsAdded: added,
        ...(await progressAfter(tx, activity, card, totals.earned)),
      };
    },
    replay: async (activity, card) => ({
      activity,
      stampsRequested: requested(card),
      stampsAdded: activity.points ?? 0,
      ...(await progressAfter(call.prisma, activity, card)),
    }),
  });
}

/**
 * Progress now, and whether the action's stamps filled a card: from the stamps earned before it (known under the
 * member's lock on a first run; on a replay, the entries written before its own, in id order: UUIDv7, by time).
 */
async function progressAfter(
  db: Pick<Tx, "ledgerEntry" | "$queryRaw">,
  activity: Activity,
  card: ActionCard,
  earnedBefore?: number,
): Promise<Pick<StampsResult, "progress" | "completedCard">> {
  const required = card.stampsRequired ?? 1;
  const memberId = activity.memberId!;
  if (earnedBefore === undefined) {
    const entry = await db.ledgerEntry.findFirstOrThrow({ where: { activityId: activity.id }, select: { id: true } });
    earnedBefore = (await totalsOf(db, memberId, card.id, entry.id)).earned;
  }
  const completedCard =
    Math.floor((earnedBefore + (activity.points ?? 0)) / required) > Math.floor(earnedBefore / required);
  return { progress: stampProgress(await totalsOf(db, memberId, card.id), required), completedCard };
}
