import { describe, expect, it } from "vitest";
import { CHANNELS, isCode, TENDER_TYPES, TRANSACTION_TYPES } from "./codes.js";

describe("code tables", () => {
  it("hold the reference's codes and names", () => {
    expect(Object.keys(TENDER_TYPES).map(Number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect(Object.keys(CHANNELS).map(Number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(Object.keys(TRANSACTION_TYPES).map(Number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect([TENDER_TYPES[7], TENDER_TYPES[8], CHANNELS[3], TRANSACTION_TYPES[8]]).toEqual([
      "PLCC",
      "Vouchers",
      "Kiosk / In Store Other",
      "MCR Cash-Out",
    ]);
    expect(Object.isFrozen(TENDER_TYPES)).toBe(true);
  });

  it("accept only integer codes of the table", () => {
    expect(isCode(TENDER_TYPES, 13)).toBe(true);
    for (const bad of [0, 14, 1.5, "1", null, undefined, Number.NaN])
      expect(isCode(TENDER_TYPES, bad), String(bad)).toBe(false);
    expect(isCode(CHANNELS, 10)).toBe(false);
    expect(isCode(TRANSACTION_TYPES, 12)).toBe(true);
  });
});
