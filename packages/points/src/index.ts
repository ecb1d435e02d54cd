// The pure potential-points engine: program configuration + basket + time → per-unit breakdown and total.
//
//   const engine = prepareProgram({ pointsPerCurrencyUnit: "2", timezone: "Europe/Vilnius", campaigns });
//   const { totalPointsAwarded, breakdown } = engine.calculate({ datePurchased, items, tenders, channelId });
//
// prepareProgram throws PointsConfigError (a server-side problem); calculate throws PointsInputError, whose
// `reason` is the reference's error reason (missing_data, invalid_amount, invalid_currency, invalid_date, invalid).
export { calculatePoints, MAX_BASKET_UNITS, prepareProgram, type PointsEngine } from "./engine.js";
export { PointsConfigError, PointsInputError, type PointsErrorReason } from "./errors.js";
export {
  CHANNELS,
  isCode,
  TENDER_TYPES,
  TRANSACTION_TYPES,
  type Channel,
  type CodeTable,
  type TenderType,
  type TransactionType,
} from "./codes.js";
export { formatDecimal, parseDecimal, tryParseDecimal, type DecimalString, type Ratio, type ScaledDecimal } from "./decimal.js";
export { ROUNDING_MODES, roundToInteger, type RoundingMode } from "./rounding.js";
export { parseClock, parseInstant, WEEKDAYS, type IsoInstant, type Weekday } from "./time.js";
export type * from "./types.js";
