// Exact rounding to whole points, with BigInt: no binary floating point anywhere.
import { parseDecimal, type Ratio, ratio, type ScaledDecimal } from "./decimal.js";

/**
 * How a fractional number of points becomes whole:
 * - NATURAL: half up, the program default (2.5 → 3, 2.49 → 2; -2.5 → -3, away from zero).
 * - UP: towards +infinity (2.01 → 3).
 * - DOWN: towards -infinity (2.99 → 2).
 *
 * The engine rounds exactly twice per unit, both times with the program's mode, and nowhere else:
 *  1. converted points = round(unit price × conversion rate), with unit price = line price ÷ quantity kept exact;
 *  2. points awarded   = round(converted points × campaign × transaction type × tender × channel multipliers),
 *     starting from the already rounded converted points (the reference: 52.22 → 52, then 52 × 6 = 312).
 * The basket total is the sum of the rounded units, never a rounding of a line or of the basket.
 *
 * Worked examples, line price 52.22 for 2 units at rate 2 (unit 26.11, 26.11 × 2 = 52.22 before rounding):
 * - NATURAL: 52.22 → 52; with a ×1.1 channel 52 × 1.1 = 57.2 → 57.
 * - UP:      52.22 → 53; with a ×1.1 channel 53 × 1.1 = 58.3 → 59.
 * - DOWN:    52.22 → 52; with a ×1.1 channel 52 × 1.1 = 57.2 → 57.
 * - A half: 25 converted points × 1.5 = 37.5 → NATURAL 38, UP 38, DOWN 37.
 * - Per unit, not per line: 1.00 for 4 units at rate 1 is 0.25 a unit → NATURAL 0 each, 0 in total (not 1).
 */
export type RoundingMode = "NATURAL" | "UP" | "DOWN";

export const ROUNDING_MODES: readonly RoundingMode[] = ["NATURAL", "UP", "DOWN"];

/** Rounds a decimal string, scaled decimal or exact fraction to an integer number of points. */
export function roundToInteger(value: string | ScaledDecimal | Ratio, mode: RoundingMode): bigint {
  const { num, den } = typeof value === "string" ? ratio(parseDecimal(value)) : "units" in value ? ratio(value) : value;
  const truncated = num / den; // BigInt division truncates towards zero
  const remainder = num % den;
  if (remainder === 0n) return truncated;
  const negative = num < 0n;
  switch (mode) {
    case "UP":
      return negative ? truncated : truncated + 1n;
    case "DOWN":
      return negative ? truncated - 1n : truncated;
    case "NATURAL": {
      const twice = (remainder < 0n ? -remainder : remainder) * 2n;
      if (twice < den) return truncated;
      return negative ? truncated - 1n : truncated + 1n;
    }
  }
}
