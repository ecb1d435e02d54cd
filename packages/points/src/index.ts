export { parseDecimal, roundToInteger, type RoundingMode, type ScaledDecimal } from "./rounding.js";
