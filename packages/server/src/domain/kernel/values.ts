// Input value rules shared by every area: decimals, currencies, time zones, free text, storable text and instants.
import { isSupportedInstant } from "@partnergraph/points";
import { z } from "zod";
import { Prisma } from "../../generated/prisma/client.js";
import { ValidationError } from "./errors.js";

export type Decimal = Prisma.Decimal;
export const Decimal = Prisma.Decimal;

const DECIMAL_TEXT = /^(0|[1-9]\d*)(\.\d+)?$/;

/**
 * A non-negative decimal string that fits a NUMERIC(precision, scale) column exactly. Values with more
 * fraction digits than the column keeps are rejected, never rounded: money must not change silently.
 */
export function decimalString(precision: number, scale: number) {
  const maxIntegerDigits = precision - scale;
  return z
    .string()
    .trim()
    .regex(DECIMAL_TEXT, 'must be a non-negative decimal string such as "12.50"')
    .refine(
      (v) => (v.split(".")[1] ?? "").replace(/0+$/, "").length <= scale,
      `must have at most ${scale} decimal places`,
    )
    .refine((v) => v.split(".")[0]!.length <= maxIntegerDigits, `must be less than 10^${maxIntegerDigits}`)
    .transform((v) => new Decimal(v));
}

const CURRENCIES = new Set(Intl.supportedValuesOf("currency"));
const TIME_ZONES = new Set([...Intl.supportedValuesOf("timeZone"), "UTC"]);

export const currencyCode = z
  .string()
  .trim()
  .transform((v) => v.toUpperCase())
  .refine((v) => CURRENCIES.has(v), 'must be an ISO 4217 currency code such as "EUR"');

export const timeZone = z
  .string()
  .trim()
  .refine((v) => TIME_ZONES.has(v), 'must be an IANA time zone such as "Europe/Vilnius"');

export const name = z.string().trim().min(1, "must not be empty").max(200, "must be at most 200 characters");
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .nullish()
    .transform((v) => (v ? v : null));

/** A NUL, or a UTF-16 surrogate without its partner: neither can be encoded as UTF-8 text in PostgreSQL. */
const UNSTORABLE = /\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Why text cannot be stored (and so is refused wherever it arrives: arguments, JSON keys and values, REST
 * bodies and query strings), or null when it can.
 */
export function textProblem(text: string): string | null {
  return UNSTORABLE.test(text) ? "must not contain NUL characters or unpaired UTF-16 surrogates" : null;
}

/** Why an instant is refused (outside years 1900–9999 UTC, the points engine's range too), or null. */
export function instantProblem(date: Date): string | null {
  return isSupportedInstant(date.getTime()) ? null : "must be an instant in the years 1900 to 9999 (UTC)";
}

/** What arrives from a client before validation: any field may also be null. */
export type Loose<T> = { [K in keyof T]?: T[K] | null };

/** Parses with a zod schema, turning failures into the catalogue's VALIDATION_FAILED with field paths. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new ValidationError(result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })));
}

/** Decimal for output: plain notation, no exponent, no trailing zeros ("0.0125", "12"). */
export function decimalText(value: Decimal | string): string {
  return new Decimal(value).toFixed();
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Row ids are UUIDs; anything else cannot name a row (and must not reach the database as one). */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
