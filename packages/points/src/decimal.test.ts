import { describe, expect, it } from "vitest";
import { add, compare, divide, formatDecimal, multiply, ONE, parseDecimal, ratio, ZERO } from "./decimal.js";

describe("parseDecimal", () => {
  it("reads plain decimals as scaled integers", () => {
    expect(parseDecimal("12.345")).toEqual({ units: 12345n, scale: 3 });
    expect(parseDecimal("-0.50")).toEqual({ units: -50n, scale: 2 });
    expect(parseDecimal("7")).toEqual({ units: 7n, scale: 0 });
  });

  it("rejects what is not a plain decimal", () => {
    for (const bad of ["1e3", "", "1.", ".5", "NaN", "Infinity", "1,5", "+1", "0x10"])
      expect(() => parseDecimal(bad), bad).toThrow(RangeError);
  });
});

describe("exact fractions", () => {
  it("adds, multiplies and divides without loss", () => {
    // 1/3 + 2/3 = 1; 0.1 + 0.2 = 0.3 exactly (0.30000000000000004 in doubles).
    const third = divide(ONE, ratio(3n));
    expect(compare(add(third, add(third, third)), ONE)).toBe(0);
    expect(compare(add(ratio("0.1"), ratio("0.2")), ratio("0.3"))).toBe(0);
    // 26.11 × 2 = 52.22; 52.22 ÷ 2 = 26.11.
    expect(formatDecimal(multiply(ratio("26.11"), ratio("2")))).toBe("52.22");
    expect(formatDecimal(divide(ratio("52.22"), ratio(2n)))).toBe("26.11");
    // Dividing by a negative keeps the denominator positive: 1 ÷ -4 = -0.25.
    expect(divide(ONE, ratio("-4"))).toEqual({ num: -1n, den: 4n });
    expect(() => divide(ONE, ZERO)).toThrow(RangeError);
  });

  it("compares across denominators", () => {
    expect(compare(ratio("3"), ratio("3.00"))).toBe(0);
    expect(compare(ratio("2.5"), ratio("2.49"))).toBe(1);
    expect(compare(ratio("-1"), ZERO)).toBe(-1);
  });
});

describe("formatDecimal", () => {
  it.each([
    [ratio("2.50"), "2.5"],
    [ratio("12.000"), "12"],
    [ratio("0"), "0"],
    [ratio("-0.0125"), "-0.0125"],
    [divide(ONE, ratio(3n)), "0.3333333333333333"], // cut at 16 places, as the reference prints 1/3
    [divide(ratio(2n), ratio(3n)), "0.6666666666666666"], // cut, not rounded up to …67
    [divide(ratio("-2"), ratio(3n)), "-0.6666666666666666"],
    [divide(ONE, ratio(8n)), "0.125"],
    [ratio("123456789012345678901234567890.5"), "123456789012345678901234567890.5"],
  ])("%o → %s", (value, text) => {
    expect(formatDecimal(value)).toBe(text);
  });

  it("cuts at the requested number of places and never prints -0", () => {
    expect(formatDecimal(divide(ONE, ratio(3n)), 2)).toBe("0.33");
    expect(formatDecimal(divide(ratio("-1"), ratio(1000n)), 2)).toBe("0");
  });
});
