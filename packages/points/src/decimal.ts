// Exact decimal numbers as BigInt fractions. Prices, rates, multipliers and proportions never touch binary
// floating point: 0.1 / 3 × 15 is exactly 0.5 here, 0.49999999999999994 in a double.

/** A decimal number written as text: optional "-", digits, optional "." and digits ("12.50", "0", "-3.1"). */
export type DecimalString = string;

/** A decimal as an integer count of 10^-scale units: "12.345" → { units: 12345n, scale: 3 }. */
export interface ScaledDecimal {
  units: bigint;
  scale: number;
}

/** An exact fraction num / den. The denominator is always positive; the fraction need not be reduced. */
export interface Ratio {
  readonly num: bigint;
  readonly den: bigint;
}

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

/** Parses a plain decimal (no exponent, no grouping, surrounding spaces ignored), or undefined. */
export function tryParseDecimal(text: string): ScaledDecimal | undefined {
  const match = DECIMAL.exec(text.trim());
  if (!match) return undefined;
  const [, sign, whole, fraction = ""] = match;
  const units = BigInt(`${whole}${fraction}`);
  return { units: sign ? -units : units, scale: fraction.length };
}

/** Parses a plain decimal; throws RangeError for anything else. */
export function parseDecimal(text: string): ScaledDecimal {
  const parsed = tryParseDecimal(text);
  if (!parsed) throw new RangeError(`not a decimal number: ${JSON.stringify(text)}`);
  return parsed;
}

export const ZERO: Ratio = { num: 0n, den: 1n };
export const ONE: Ratio = { num: 1n, den: 1n };

export function ratio(value: DecimalString | ScaledDecimal | bigint): Ratio {
  if (typeof value === "bigint") return { num: value, den: 1n };
  const { units, scale } = typeof value === "string" ? parseDecimal(value) : value;
  return { num: units, den: 10n ** BigInt(scale) };
}

export function add(a: Ratio, b: Ratio): Ratio {
  if (a.den === b.den) return { num: a.num + b.num, den: a.den };
  return { num: a.num * b.den + b.num * a.den, den: a.den * b.den };
}

export function multiply(a: Ratio, b: Ratio): Ratio {
  return { num: a.num * b.num, den: a.den * b.den };
}

export function divide(a: Ratio, b: Ratio): Ratio {
  if (b.num === 0n) throw new RangeError("division by zero");
  return b.num < 0n ? { num: -a.num * b.den, den: a.den * -b.num } : { num: a.num * b.den, den: a.den * b.num };
}

/** -1, 0 or 1 as a is less than, equal to or greater than b. */
export function compare(a: Ratio, b: Ratio): -1 | 0 | 1 {
  const left = a.num * b.den;
  const right = b.num * a.den;
  return left < right ? -1 : left > right ? 1 : 0;
}

/**
 * Plain decimal text, no exponent and no trailing zeros ("2.5", "12", "0.3333333333333333"). A fraction that
 * does not terminate within maxFractionDigits is cut there (towards zero), never rounded: the text is for
 * display only, and calculations keep the exact fraction.
 */
export function formatDecimal(value: Ratio, maxFractionDigits = 16): string {
  const negative = value.num < 0n;
  const magnitude = negative ? -value.num : value.num;
  const whole = magnitude / value.den;
  const remainder = magnitude % value.den;
  let fraction = "";
  if (remainder !== 0n && maxFractionDigits > 0) {
    const digits = (remainder * 10n ** BigInt(maxFractionDigits)) / value.den;
    fraction = digits.toString().padStart(maxFractionDigits, "0").replace(/0+$/, "");
  }
  const sign = negative && (whole !== 0n || fraction !== "") ? "-" : "";
  return fraction ? `${sign}${whole}.${fraction}` : `${sign}${whole}`;
}
