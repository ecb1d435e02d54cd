// Checks on values the engine cannot trust to match their declared types (JSON callers, stored settings):
// what a non-negative decimal is, what an instant is, and which error each side raises when they are not.
import { formatDecimal, type Ratio, ratio, tryParseDecimal } from "./decimal.js";
import { PointsConfigError, PointsInputError } from "./errors.js";
import { parseInstant } from "./time.js";

/** A parsed non-negative decimal with its normalised text ("2.50" → "2.5"), ready for output. */
export interface Amount {
  readonly ratio: Ratio;
  readonly text: string;
}

/** A non-negative decimal string, or undefined for anything else (numbers included: no binary floats in). */
export function nonNegativeDecimal(value: unknown): Amount | undefined {
  const parsed = typeof value === "string" ? tryParseDecimal(value) : undefined;
  if (!parsed || parsed.units < 0n) return undefined;
  const exact = ratio(parsed);
  return { ratio: exact, text: formatDecimal(exact, parsed.scale) };
}

const isMissing = (value: unknown): value is null | undefined => value === undefined || value === null;

// ---- Basket side: PointsInputError with the reference's reasons ---------------------------------------------

export function inputAmount(value: unknown, field: string): Amount {
  if (isMissing(value)) throw new PointsInputError("missing_data", field, "is required");
  const amount = nonNegativeDecimal(value);
  if (!amount)
    throw new PointsInputError(
      "invalid_amount",
      field,
      `must be a non-negative decimal string, got ${JSON.stringify(value)}`,
    );
  return amount;
}

export function inputInstant(value: unknown, field: string): number {
  if (isMissing(value)) throw new PointsInputError("missing_data", field, "is required");
  const instant = typeof value === "string" ? parseInstant(value) : undefined;
  if (instant === undefined)
    throw new PointsInputError(
      "invalid_date",
      field,
      `must be an ISO-8601 date-time with an offset, got ${JSON.stringify(value)}`,
    );
  return instant;
}

export function inputText(value: unknown, field: string): string {
  if (isMissing(value) || value === "") throw new PointsInputError("missing_data", field, "is required");
  if (typeof value !== "string") throw new PointsInputError("invalid", field, "must be a string");
  return value;
}

// ---- Configuration side: PointsConfigError ------------------------------------------------------------------

export function configAmount(value: unknown, field: string): Amount {
  const amount = nonNegativeDecimal(value);
  if (!amount)
    throw new PointsConfigError(field, `must be a non-negative decimal string, got ${JSON.stringify(value)}`);
  return amount;
}

export function configInstant(value: unknown, field: string): number {
  const instant = typeof value === "string" ? parseInstant(value) : undefined;
  if (instant === undefined)
    throw new PointsConfigError(field, `must be an ISO-8601 date-time with an offset, got ${JSON.stringify(value)}`);
  return instant;
}

export function configText(value: unknown, field: string): string {
  if (typeof value !== "string" || value === "") throw new PointsConfigError(field, "must be a non-empty string");
  return value;
}

export function configTexts(value: unknown, field: string): string[] {
  if (!Array.isArray(value) || value.length === 0) throw new PointsConfigError(field, "must be a non-empty list");
  return value.map((v, i) => configText(v, `${field}[${i}]`));
}
