// Typed failures. Input errors carry the reference's error reasons so the REST layer can answer 4xx with them;
// configuration errors are the server's fault (the program's stored settings), not the caller's.

/** The reference's input-error reasons that the engine can detect. */
export type PointsErrorReason = "missing_data" | "invalid_amount" | "invalid_currency" | "invalid_date" | "invalid";

/** A basket the engine cannot price: negative price, zero quantity, unknown code, date without offset, … */
export class PointsInputError extends Error {
  override name = "PointsInputError";
  constructor(
    readonly reason: PointsErrorReason,
    /** Path of the offending input field, e.g. `items[0].price`. */
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
  }
}

/** A program configuration the engine cannot use (thrown by prepareProgram). */
export class PointsConfigError extends Error {
  override name = "PointsConfigError";
  constructor(
    /** Path of the offending configuration field, e.g. `campaigns[3].multiplier`. */
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
  }
}
