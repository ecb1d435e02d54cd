// Exact rounding of decimal strings to whole points, with BigInt: no binary floating point anywhere.
// The engine that prices baskets builds on this (issue: potential points).

/**
 * How a fractional number of points becomes whole:
 * - NATURAL: half up, the program default (2.5 → 3, 2.49 → 2; -2.5 → -3, away from zero).
 * - UP: towards +infinity (2.01 → 3).
 * - DOWN: towards -infinity (2.99 → 2).
 */
export type RoundingMode = "NATURAL" | "UP" | "DOWN";

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

/** A decimal as an integer count of 10^-scale units: "12.345" → { units: 12345n, scale: 3 }. */
export interface ScaledDecimal {
  units: bigint;
  scale: number;
}

export function parseDecimal(text: string): ScaledDecimal {
  const match = DECIMAL.exec(text.trim());
  if (!match) throw new RangeError(`not a decimal number: ${JSON.stringify(text)}`);
  const [, sign, whole, fraction = ""] = match;
  const units = BigInt(`${whole}${fraction}`);
  return { units: sign ? -units : units, scale: fraction.length };
}

/** Rounds a decimal string to an integer number of points. */
export function roundToInteger(value: string | ScaledDecimal, mode: RoundingMode): bigint {
  const { units, scale } = typeof value === "string" ? parseDecimal(value) : value;
  const divisor = 10n ** BigInt(scale);
  const truncated = units / divisor; // BigInt division truncates towards zero
  const remainder = units % divisor;
  if (remainder === 0n) return truncated;
  const negative = units < 0n;
  switch (mode) {
    case "UP":
      return negative ? truncated : truncated + 1n;
    case "DOWN":
      return negative ? truncated - 1n : truncated;
    case "NATURAL": {
      const twice = (remainder < 0n ? -remainder : remainder) * 2n;
      if (twice < divisor) return truncated;
      return negative ? truncated - 1n : truncated + 1n;
    }
  }
}
