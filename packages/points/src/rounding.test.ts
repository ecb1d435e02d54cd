import { describe, expect, it } from "vitest";
import { parseDecimal, roundToInteger } from "./rounding.js";

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

  it("rejects what is not a plain decimal", () => {
    for (const bad of ["1e3", "", "1.", ".5", "NaN", "1,5"]) expect(() => parseDecimal(bad), bad).toThrow(RangeError);
  });
});
