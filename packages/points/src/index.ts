// The pure potential-points engine: program configuration + basket + time → per-unit breakdown and total.
//
//   const engine = prepareProgram({ pointsPerCurrencyUnit: "2", timezone: "Europe/Vilnius", campaigns });
//   const { totalPointsAwarded, breakdown } = engine.calculate({ datePurchased, items, tenders, channelId });
//
// prepareProgram throws PointsConfigError (a server-side problem); calculate throws PointsInputError, whose
// `reason` is the reference's error reason (missing_data, invalid_amount, invalid_currency, invalid_date, invalid).

export {
  CHANNELS,
  type Channel,
  type CodeTable,
  isCode,
  TENDER_TYPES,
  type TenderType,
  TRANSACTION_TYPES,
  type TransactionType,
} from "./codes.js";
export {
  type DecimalString,
  formatDecimal,
  parseDecimal,
  type Ratio,
  type ScaledDecimal,
  tryParseDecimal,
} from "./decimal.js";
export { calculatePoints, MAX_BASKET_UNITS, MAX_POINTS, type PointsEngine, prepareProgram } from "./engine.js";
export { PointsConfigError, type PointsErrorReason, PointsInputError } from "./errors.js";
export { ROUNDING_MODES, type RoundingMode, roundToInteger } from "./rounding.js";
export {
  FIRST_INSTANT,
  type IsoInstant,
  isSupportedInstant,
  LAST_INSTANT,
  parseClock,
  parseInstant,
  WEEKDAYS,
  type Weekday,
} from "./time.js";
export type * from "./types.js";
