import { describe, expect, it } from "vitest";
import { divide, parseDecimal, ratio } from "./decimal.js";
import { ROUNDING_MODES, roundToInteger } from "./rounding.js";

describe("roundToInteger", () => {
  it.each([
    // value, NATURAL, UP, DOWN
    ["52.22", 52n, 53n, 52n],
    ["52.5", 53n, 53n, 52n],
    ["52.4999999999", 52n, 53n, 52n],
    ["312", 312n, 312n, 312n],
    ["0.5", 1n, 1n, 0n],
    ["-2.5", -3n, -2n, -3n],
    ["-2.4", -2n, -2n, -3n],
    ["0", 0n, 0n, 0n],
  ])("%s → NATURAL %s, UP %s, DOWN %s", (value, natural, up, down) => {
    expect(roundToInteger(value, "NATURAL")).toBe(natural);
    expect(roundToInteger(value, "UP")).toBe(up);
    expect(roundToInteger(value, "DOWN")).toBe(down);
  });

  it("is exact where binary floats are not", () => {
    // 1.005 * 100 is 100.49999999999999 in binary floating point; as a decimal it is exactly 100.5.
    expect(roundToInteger("100.5", "NATURAL")).toBe(101n);
    expect(roundToInteger("123456789012345678901.5", "NATURAL")).toBe(123456789012345678902n);
  });

  it("rounds exact fractions", () => {
    // 52 × 2 × 3 = 312 exactly; 2/3 → NATURAL 1, UP 1, DOWN 0; 1/2 → NATURAL 1, DOWN 0; -1/2 → NATURAL -1, UP 0.
    expect(roundToInteger(ratio(312n), "DOWN")).toBe(312n);
    expect(ROUNDING_MODES.map((mode) => roundToInteger(divide(ratio(2n), ratio(3n)), mode))).toEqual([1n, 1n, 0n]);
    expect(roundToInteger(divide(ratio(1n), ratio(2n)), "NATURAL")).toBe(1n);
    expect(roundToInteger(divide(ratio(1n), ratio(2n)), "DOWN")).toBe(0n);
    expect(roundToInteger(divide(ratio(-1n), ratio(2n)), "NATURAL")).toBe(-1n);
    expect(roundToInteger(divide(ratio(-1n), ratio(2n)), "UP")).toBe(0n);
    // A scaled decimal: 1234.5 → 1235.
    expect(roundToInteger(parseDecimal("1234.5"), "NATURAL")).toBe(1235n);
  });

  it("rejects what is not a plain decimal", () => {
    for (const bad of ["1e3", "", "1.", ".5", "NaN", "1,5"]) expect(() => parseDecimal(bad), bad).toThrow(RangeError);
  });
});
