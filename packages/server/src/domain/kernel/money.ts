// Money in referral tracking: amounts in a currency's minor unit, and the one rounding step (percentages of
// sale amounts), named and documented here.
import { Decimal } from "./values.js";

/** Digits after the decimal point of a currency's minor unit: EUR 2, JPY 0, BHD 3 (from ICU's data). */
export function minorDigits(currency: string): number {
  return new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/**
 * The rounding mode of every computed commission: HALF_UP, i.e. to the nearest minor unit, halves away from
 * zero (commercial rounding). 10% of 1.25 EUR = 0.125 → 0.13; 10% of 1.35 = 0.135 → 0.14; 12.5% of 0.99 =
 * 0.12375 → 0.12; 10% of 1.05 JPY-style amounts round to whole yen. Applied once, to the commission, never to
 * the sale amount.
 */
export const COMMISSION_ROUNDING = "HALF_UP" as const;

/** `percent` % of `amount`, rounded to the currency's minor unit with COMMISSION_ROUNDING. */
export function percentageOf(amount: Decimal, percent: Decimal, currency: string): Decimal {
  return amount.mul(percent).div(100).toDecimalPlaces(minorDigits(currency), Decimal.ROUND_HALF_UP);
}

/** Whether an amount has no more decimal places than the currency's minor unit allows. */
export function fitsMinorUnit(amount: Decimal, currency: string): boolean {
  return amount.decimalPlaces() <= minorDigits(currency);
}

export const ZERO = new Decimal(0);

export function sum(values: Iterable<Decimal>): Decimal {
  let total = ZERO;
  for (const v of values) total = total.add(v);
  return total;
}
