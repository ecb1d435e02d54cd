// Staff award points on a LOYALTY card: from a purchase amount through the card's rules, or a fixed number.
//
// Rules, applied to a purchase amount (in the program's currency):
//  - below the card's minimumPurchase: refused (VALIDATION_FAILED on purchaseAmount), nothing written and the QR
//    stays usable: a purchase that does not qualify is not a visit either;
//  - points = round(amount × pointsPerCurrencyUnit) + pointsPerVisit, rounded once, on the whole amount, in the
//    program's roundingMode (NATURAL half up, UP, DOWN); a missing rate or visit bonus counts as 0;
//  - a purchase that earns 0 points is refused the same way (an award of nothing is no award).
// Worked examples at 1.5 points per unit and 10 per visit: 12.30 → 18.45 → NATURAL 18 (+10 = 28), UP 19 (29),
// DOWN 18 (28); 3.30 → 4.95 → NATURAL 5, UP 5, DOWN 4 (each +10).
import { parseDecimal, type RoundingMode, roundToInteger } from "@partnergraph/points";
import { z } from "zod";
import type { Activity } from "../../generated/prisma/client.js";
import type { Call } from "../kernel/deps.js";
import { ValidationError } from "../kernel/errors.js";
import { type Decimal, decimalString, decimalText, parseInput } from "../kernel/values.js";
import { balanceOf } from "../points/ledger.js";
import { type ActionCard, creditCard, runStaffAction, type StaffActionInput } from "./staff-action.js";

const MAX_AWARD = 1_000_000_000;

const AwardInput = z.object({
  purchaseAmount: decimalString(18, 4).nullish(),
  points: z
    .number()
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(MAX_AWARD, `must be at most ${MAX_AWARD}`)
    .nullish(),
});

export interface AwardResult {
  activity: Activity;
  pointsAwarded: number;
  /** The member's points on the card now. */
  balance: number;
}

/** Points a purchase earns on a card (see the rules above); ValidationError when it earns none. */
export function pointsForPurchase(
  card: Pick<ActionCard, "pointsPerCurrencyUnit" | "pointsPerVisit" | "minimumPurchase">,
  amount: Decimal,
  rounding: RoundingMode,
): number {
  if (card.minimumPurchase && amount.lessThan(card.minimumPurchase)) {
    throw new ValidationError([
      {
        path: "purchaseAmount",
        message: `is below the card's minimum purchase of ${decimalText(card.minimumPurchase)}`,
      },
    ]);
  }
  const a = parseDecimal(amount.toFixed());
  const r = parseDecimal(decimalText(card.pointsPerCurrencyUnit ?? "0"));
  const points =
    Number(roundToInteger({ num: a.units * r.units, den: 10n ** BigInt(a.scale + r.scale) }, rounding)) +
    (card.pointsPerVisit ?? 0);
  if (points <= 0) throw new ValidationError([{ path: "purchaseAmount", message: "earns no points on this card" }]);
  if (points > MAX_AWARD)
    throw new ValidationError([{ path: "purchaseAmount", message: "earns more points than one award may give" }]);
  return points;
}

export async function awardPoints(
  call: Call,
  secret: Buffer,
  input: StaffActionInput & { purchaseAmount?: string | null; points?: number | null },
): Promise<{ result: AwardResult; replayed: boolean }> {
  const { purchaseAmount, points } = parseInput(AwardInput, input);
  if ((purchaseAmount == null) === (points == null))
    throw new ValidationError([{ path: "purchaseAmount", message: "give purchaseAmount or points (one of them)" }]);
  return runStaffAction(call, secret, input, {
    action: "AWARD_POINTS",
    cardType: "LOYALTY",
    audit: "loyalty.awardPoints",
    request: { purchaseAmount: purchaseAmount?.toFixed() ?? null, points: points ?? null },
    effect: async (scope) => {
      const awarded = points ?? pointsForPurchase(scope.card, purchaseAmount!, scope.card.program.roundingMode);
      const activity = await creditCard(scope, "POINTS_AWARDED", awarded, purchaseAmount?.toFixed() ?? null);
      return { activity, pointsAwarded: awarded, balance: await balanceOf(scope.tx, scope.member.id, scope.card.id) };
    },
    replay: async (activity) => ({
      activity,
      pointsAwarded: activity.points ?? 0,
      balance: await balanceOf(call.prisma, activity.memberId!, activity.cardId),
    }),
  });
}
