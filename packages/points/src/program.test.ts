import { describe, expect, it } from "vitest";
import { prepareProgram } from "./engine.js";
import { PointsConfigError } from "./errors.js";
import type { Campaign, ProgramConfig } from "./types.js";

const valid: ProgramConfig = { pointsPerCurrencyUnit: "2", timezone: "Europe/Vilnius" };
const sku: Campaign = {
  id: "c",
  type: "SKU",
  skus: ["A"],
  title: "T",
  multiplier: "2",
  status: "ACTIVE",
  startsAt: "2024-01-01T00:00:00Z",
  createdAt: "2024-01-01T00:00:00Z",
};
const dayTime: Campaign = {
  ...sku,
  type: "DAY_TIME",
  days: ["MONDAY"],
  startTime: "09:00",
  endTime: "17:00",
} as Campaign;

describe("prepareProgram", () => {
  it("accepts a minimal configuration", () => {
    expect(() => prepareProgram(valid)).not.toThrow();
  });

  it.each([
    [
      "a rate given as a JS number",
      { ...valid, pointsPerCurrencyUnit: 2 as unknown as string },
      "pointsPerCurrencyUnit",
    ],
    ["a negative rate", { ...valid, pointsPerCurrencyUnit: "-1" }, "pointsPerCurrencyUnit"],
    ["an unknown rounding mode", { ...valid, roundingMode: "HALF_EVEN" as never }, "roundingMode"],
    ["an unknown time zone", { ...valid, timezone: "Europe/Atlantis" }, "timezone"],
    [
      "a multiplier for an unknown tender",
      { ...valid, tenderMultipliers: { 14: "2" } as never },
      "tenderMultipliers.14",
    ],
    [
      "a multiplier for an unknown channel",
      { ...valid, channelMultipliers: { 0: "2" } as never },
      "channelMultipliers.0",
    ],
    ["a negative multiplier", { ...valid, transactionTypeMultipliers: { 1: "-1" } }, "transactionTypeMultipliers.1"],
    ["a duplicate SKU in the catalogue", { ...valid, products: [{ sku: "A" }, { sku: "A" }] }, "products[1].sku"],
    ["an empty excluded SKU", { ...valid, excludedSkus: [""] }, "excludedSkus[0]"],
    ["duplicate campaign ids", { ...valid, campaigns: [sku, sku] }, "campaigns[1].id"],
    ["a campaign without targets", { ...valid, campaigns: [{ ...sku, skus: [] }] }, "campaigns[0].skus"],
    ["an unknown campaign type", { ...valid, campaigns: [{ ...sku, type: "STORE" } as never] }, "campaigns[0].type"],
    ["an unknown status", { ...valid, campaigns: [{ ...sku, status: "PAUSED" } as never] }, "campaigns[0].status"],
    [
      "a campaign ending before it starts",
      { ...valid, campaigns: [{ ...sku, endsAt: "2023-12-31T00:00:00Z" }] },
      "campaigns[0].endsAt",
    ],
    [
      "a creation time without offset",
      { ...valid, campaigns: [{ ...sku, createdAt: "2024-01-01T00:00:00" }] },
      "campaigns[0].createdAt",
    ],
    [
      "a campaign multiplier as a number",
      { ...valid, campaigns: [{ ...sku, multiplier: 2 as unknown as string }] },
      "campaigns[0].multiplier",
    ],
    [
      "a window end of 24:00",
      { ...valid, campaigns: [{ ...dayTime, endTime: "24:00" } as Campaign] },
      "campaigns[0].endTime",
    ],
    [
      "an unknown weekday",
      { ...valid, campaigns: [{ ...dayTime, days: ["MONDAY", "FUNDAY"] } as never] },
      "campaigns[0].days[1]",
    ],
    ["no weekdays", { ...valid, campaigns: [{ ...dayTime, days: [] } as Campaign] }, "campaigns[0].days"],
  ])("refuses %s", (_, config, field) => {
    expect(() => prepareProgram(config)).toThrow(PointsConfigError);
    expect(() => prepareProgram(config)).toThrow(expect.objectContaining({ field }));
  });

  it("validates inactive campaigns too", () => {
    expect(() => prepareProgram({ ...valid, campaigns: [{ ...sku, status: "INACTIVE", multiplier: "x" }] })).toThrow(
      PointsConfigError,
    );
  });
});
