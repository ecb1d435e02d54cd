// Worked examples for bonus campaigns: which match, which are active, which applies, and DAY_TIME windows in
// the program's time zone. Rate 1 throughout, so an item at 10.00 converts to 10 points before its multiplier.
import { describe, expect, it } from "vitest";
import { calculatePoints } from "./engine.js";
import type { Weekday } from "./time.js";
import type { Campaign, ProgramConfig, UnitBreakdown } from "./types.js";

type Defaulted = "status" | "startsAt" | "createdAt";
type CampaignFields<C = Campaign> = C extends Campaign ? Omit<C, Defaulted> & Partial<Pick<C, Defaulted>> : never;

/** An ACTIVE campaign from 1 January 2024, created then, unless the fields say otherwise. */
function campaign(fields: CampaignFields): Campaign {
  return {
    status: "ACTIVE",
    startsAt: "2024-01-01T00:00:00Z",
    createdAt: "2024-01-01T00:00:00Z",
    ...fields,
  } as Campaign;
}

function unit(config: Partial<ProgramConfig>, datePurchased: string, sku = "LATTE"): UnitBreakdown {
  const result = calculatePoints(
    { pointsPerCurrencyUnit: "1", timezone: "UTC", ...config },
    { datePurchased, items: [{ sku, price: "10.00", quantity: 1 }] },
  );
  return result.breakdown[0]!;
}

const applied = (u: UnitBreakdown) => u.campaigns.find((c) => c.applied)?.id;
const listed = (u: UnitBreakdown) => u.campaigns.map((c) => c.id);
const june = "2024-06-15T12:00:00Z";

describe("matching through the catalogue", () => {
  const config: Partial<ProgramConfig> = {
    products: [
      { sku: "LATTE", brand: "Acme", category: "Coffee" },
      { sku: "TEA", brand: null, category: "Tea" },
    ],
    campaigns: [
      campaign({ id: "sku", type: "SKU", skus: ["LATTE", "MOCHA"], title: "LATTE DAYS", multiplier: "1.5" }),
      campaign({ id: "brand", type: "BRAND", brands: ["Acme"], title: "ACME WEEK", multiplier: "2" }),
      campaign({ id: "category", type: "CATEGORY", categories: ["Coffee"], title: "COFFEE MONTH", multiplier: "3" }),
      campaign({ id: "other-brand", type: "BRAND", brands: ["acme"], title: "CASE MATTERS", multiplier: "9" }),
    ],
  };

  it("lists every matching campaign (SKU, BRAND, CATEGORY order) and applies the highest", () => {
    // LATTE: SKU ×1.5, brand Acme ×2, category Coffee ×3 → ×3 applies: 10 × 3 = 30. "acme" ≠ "Acme".
    const latte = unit(config, june);
    expect(listed(latte)).toEqual(["sku", "brand", "category"]);
    expect(applied(latte)).toBe("category");
    expect(latte.pointsAwarded).toBe(30);
  });

  it("matches a SKU outside the catalogue by SKU only", () => {
    // MOCHA has no catalogue entry: only the SKU campaign ×1.5 → 15.
    const mocha = unit(config, june, "MOCHA");
    expect(listed(mocha)).toEqual(["sku"]);
    expect(mocha.pointsAwarded).toBe(15);
  });

  it("uses no campaign when none matches", () => {
    // TEA is in category Tea, with no brand: nothing matches → ×1 → 10.
    const tea = unit(config, june, "TEA");
    expect(tea.campaigns).toEqual([]);
    expect(tea.pointsAwarded).toBe(10);
  });
});

describe("choosing between matches", () => {
  it("prefers the highest multiplier over the most recent campaign", () => {
    // ×3 created in January beats ×2 created in March: 10 × 3 = 30.
    const u = unit(
      {
        campaigns: [
          campaign({
            id: "old-high",
            type: "SKU",
            skus: ["LATTE"],
            title: "A",
            multiplier: "3",
            createdAt: "2024-01-01T00:00:00Z",
          }),
          campaign({
            id: "new-low",
            type: "SKU",
            skus: ["LATTE"],
            title: "B",
            multiplier: "2",
            createdAt: "2024-03-01T00:00:00Z",
          }),
        ],
      },
      june,
    );
    expect(applied(u)).toBe("old-high");
    expect(u.pointsAwarded).toBe(30);
  });

  it("breaks a tie by the most recent creation, comparing multipliers exactly", () => {
    // "3" (SKU, Jan), "3.0" (CATEGORY, Feb) and "3.00" (BRAND, Jan 15) are equal; February is the newest → it applies.
    const u = unit(
      {
        products: [{ sku: "LATTE", brand: "Acme", category: "Coffee" }],
        campaigns: [
          campaign({
            id: "jan",
            type: "SKU",
            skus: ["LATTE"],
            title: "A",
            multiplier: "3",
            createdAt: "2024-01-01T00:00:00Z",
          }),
          campaign({
            id: "feb",
            type: "CATEGORY",
            categories: ["Coffee"],
            title: "B",
            multiplier: "3.0",
            createdAt: "2024-02-01T00:00:00Z",
          }),
          campaign({
            id: "mid-jan",
            type: "BRAND",
            brands: ["Acme"],
            title: "C",
            multiplier: "3.00",
            createdAt: "2024-01-15T00:00:00+00:00",
          }),
        ],
      },
      june,
    );
    expect(applied(u)).toBe("feb");
    expect(u.campaigns.map((c) => c.multiplier)).toEqual(["3", "3", "3"]);
    expect(u.pointsAwarded).toBe(30);
  });

  it("compares creation instants, not their text", () => {
    // 2024-02-01T01:00+02:00 is 2024-01-31T23:00Z, earlier than 2024-02-01T00:00Z despite sorting later as text.
    const u = unit(
      {
        campaigns: [
          campaign({
            id: "utc",
            type: "SKU",
            skus: ["LATTE"],
            title: "A",
            multiplier: "2",
            createdAt: "2024-02-01T00:00:00Z",
          }),
          campaign({
            id: "plus-two",
            type: "SKU",
            skus: ["LATTE"],
            title: "B",
            multiplier: "2",
            createdAt: "2024-02-01T01:00:00+02:00",
          }),
        ],
      },
      june,
    );
    expect(applied(u)).toBe("utc");
  });

  it("breaks a tie of multiplier and creation time by the greater id, so the answer never depends on order", () => {
    const campaigns = [
      campaign({ id: "a", type: "SKU", skus: ["LATTE"], title: "A", multiplier: "2" }),
      campaign({ id: "b", type: "SKU", skus: ["LATTE"], title: "B", multiplier: "2" }),
    ];
    expect(applied(unit({ campaigns }, june))).toBe("b");
    expect(applied(unit({ campaigns: [...campaigns].reverse() }, june))).toBe("b");
  });
});

describe("activity", () => {
  it("ignores inactive, expired and future campaigns", () => {
    // At 15 June: ×5 is INACTIVE, ×4 ended 31 May, ×3 starts 1 July; only ×2 (from 1 January, open-ended) applies: 20.
    const u = unit(
      {
        campaigns: [
          campaign({ id: "inactive", type: "SKU", skus: ["LATTE"], title: "A", multiplier: "5", status: "INACTIVE" }),
          campaign({
            id: "expired",
            type: "SKU",
            skus: ["LATTE"],
            title: "B",
            multiplier: "4",
            endsAt: "2024-05-31T00:00:00Z",
          }),
          campaign({
            id: "future",
            type: "SKU",
            skus: ["LATTE"],
            title: "C",
            multiplier: "3",
            startsAt: "2024-07-01T00:00:00Z",
          }),
          campaign({ id: "running", type: "SKU", skus: ["LATTE"], title: "D", multiplier: "2" }),
        ],
      },
      june,
    );
    expect(listed(u)).toEqual(["running"]);
    expect(u.pointsAwarded).toBe(20);
  });

  it("runs from startsAt inclusive to endsAt exclusive", () => {
    const campaigns = [
      campaign({
        id: "june",
        type: "SKU",
        skus: ["LATTE"],
        title: "JUNE",
        multiplier: "2",
        startsAt: "2024-06-01T00:00:00Z",
        endsAt: "2024-07-01T00:00:00Z",
      }),
    ];
    expect(listed(unit({ campaigns }, "2024-05-31T23:59:59.999Z"))).toEqual([]);
    expect(listed(unit({ campaigns }, "2024-06-01T00:00:00Z"))).toEqual(["june"]);
    expect(listed(unit({ campaigns }, "2024-06-30T23:59:59.999Z"))).toEqual(["june"]);
    expect(listed(unit({ campaigns }, "2024-07-01T00:00:00Z"))).toEqual([]);
    // The same instant written with an offset: 2024-07-01T02:00+02:00 is the end, so not active.
    expect(listed(unit({ campaigns }, "2024-07-01T02:00:00+02:00"))).toEqual([]);
  });

  it("judges DAY_TIME campaigns' date ranges too", () => {
    const campaigns = [
      campaign({
        id: "ended",
        type: "DAY_TIME",
        days: ["SATURDAY"],
        startTime: "00:00",
        endTime: "00:00",
        title: "A",
        multiplier: "4",
        endsAt: "2024-06-01T00:00:00Z",
      }),
      campaign({
        id: "inactive",
        type: "DAY_TIME",
        days: ["SATURDAY"],
        startTime: "00:00",
        endTime: "00:00",
        title: "B",
        multiplier: "3",
        status: "INACTIVE",
      }),
      campaign({
        id: "on",
        type: "DAY_TIME",
        days: ["SATURDAY"],
        startTime: "00:00",
        endTime: "00:00",
        title: "C",
        multiplier: "2",
      }),
    ];
    // 15 June 2024 is a Saturday; 00:00–00:00 is the whole day. Only "on" (×2) is active: 20.
    const u = unit({ campaigns }, june);
    expect(listed(u)).toEqual(["on"]);
    expect(u.pointsAwarded).toBe(20);
  });
});

describe("DAY_TIME windows in the program's time zone", () => {
  const dayTime = (days: Weekday[], startTime: string, endTime: string) =>
    campaign({ id: "window", type: "DAY_TIME", days, startTime, endTime, title: "WINDOW", multiplier: "2" });
  const matches = (timezone: string, window: Campaign, datePurchased: string) =>
    unit({ timezone, campaigns: [window] }, datePurchased).campaigns.some((c) => c.id === "window");

  it("applies to every item of the basket", () => {
    // Saturday 14:00 Berlin, window Saturday 09:00–18:00 ×2: LATTE 10 × 2 = 20 and TEA 10 × 2 = 20.
    const result = calculatePoints(
      { pointsPerCurrencyUnit: "1", timezone: "Europe/Berlin", campaigns: [dayTime(["SATURDAY"], "09:00", "18:00")] },
      {
        datePurchased: june,
        items: [
          { sku: "LATTE", price: "10", quantity: 1 },
          { sku: "TEA", price: "10", quantity: 1 },
        ],
      },
    );
    expect(result.totalPointsAwarded).toBe(40);
  });

  it("crosses midnight in Europe/Berlin, belonging to the day it starts", () => {
    const friday = dayTime(["FRIDAY"], "22:00", "02:00");
    // Berlin is UTC+1 in early March.
    expect(matches("Europe/Berlin", friday, "2024-03-08T20:59:00Z")).toBe(false); // Fri 21:59
    expect(matches("Europe/Berlin", friday, "2024-03-08T21:00:00Z")).toBe(true); // Fri 22:00, start inclusive
    expect(matches("Europe/Berlin", friday, "2024-03-09T00:30:00Z")).toBe(true); // Sat 01:30, Friday's night
    expect(matches("Europe/Berlin", friday, "2024-03-09T01:00:00Z")).toBe(false); // Sat 02:00, end exclusive (01:00 in UTC)
    expect(matches("UTC", friday, "2024-03-09T01:00:00Z")).toBe(true); // the same instant read in UTC: Sat 01:00
    // A Saturday window does not cover early Saturday morning: that belongs to Friday night.
    expect(matches("Europe/Berlin", dayTime(["SATURDAY"], "22:00", "02:00"), "2024-03-09T00:30:00Z")).toBe(false);
  });

  it("wraps from Sunday night into Monday morning", () => {
    // Sunday 23:00–01:00 Berlin; 2024-03-10T23:30Z is Monday 00:30 in Berlin (still Sunday 23:30 in UTC).
    expect(matches("Europe/Berlin", dayTime(["SUNDAY"], "23:00", "01:00"), "2024-03-10T23:30:00Z")).toBe(true);
    expect(matches("Europe/Berlin", dayTime(["MONDAY"], "00:00", "01:00"), "2024-03-10T23:30:00Z")).toBe(true);
    expect(matches("Europe/Berlin", dayTime(["SUNDAY"], "00:00", "01:00"), "2024-03-10T23:30:00Z")).toBe(false);
  });

  it("follows New York's spring-forward day (2024-03-10, 02:00 EST → 03:00 EDT)", () => {
    const early = dayTime(["SUNDAY"], "03:00", "04:00");
    expect(matches("America/New_York", early, "2024-03-10T06:59:00Z")).toBe(false); // 01:59 EST
    expect(matches("America/New_York", early, "2024-03-10T07:00:00Z")).toBe(true); // 03:00 EDT (a fixed −5 would say 02:00)
    expect(matches("America/New_York", early, "2024-03-10T07:30:00Z")).toBe(true); // 03:30 EDT
    expect(matches("America/New_York", early, "2024-03-10T08:00:00Z")).toBe(false); // 04:00 EDT
    // A week earlier the same UTC time is 02:30 EST, outside the window; 08:30Z is 03:30 EST, inside.
    expect(matches("America/New_York", early, "2024-03-03T07:30:00Z")).toBe(false);
    expect(matches("America/New_York", early, "2024-03-03T08:30:00Z")).toBe(true);
  });

  it("keeps local times across Berlin's spring-forward night inside a window crossing midnight", () => {
    // Saturday 23:00–03:00; on 2024-03-31 Berlin goes from 02:00 CET (UTC+1) to 03:00 CEST (UTC+2).
    const night = dayTime(["SATURDAY"], "23:00", "03:00");
    expect(matches("Europe/Berlin", night, "2024-03-30T22:00:00Z")).toBe(true); // Sat 23:00 CET
    expect(matches("Europe/Berlin", night, "2024-03-31T00:59:00Z")).toBe(true); // Sun 01:59 CET
    expect(matches("Europe/Berlin", night, "2024-03-31T01:00:00Z")).toBe(false); // Sun 03:00 CEST (UTC+1 would say 02:00)
    expect(matches("Europe/Berlin", night, "2024-03-31T01:30:00Z")).toBe(false); // Sun 03:30 CEST
  });

  it("treats equal start and end as the whole day", () => {
    const allDay = dayTime(["SATURDAY"], "00:00", "00:00");
    expect(matches("UTC", allDay, "2024-06-15T00:00:00Z")).toBe(true); // Sat 00:00
    expect(matches("UTC", allDay, "2024-06-15T23:59:59Z")).toBe(true); // Sat 23:59:59
    expect(matches("UTC", allDay, "2024-06-16T00:00:00Z")).toBe(false); // Sun 00:00
  });

  it("competes with item campaigns on multiplier", () => {
    // Saturday 14:00 Berlin: SKU ×1.5 and DAY_TIME ×2 both match; ×2 applies → 10 × 2 = 20.
    const u = unit(
      {
        timezone: "Europe/Berlin",
        campaigns: [
          campaign({ id: "sku", type: "SKU", skus: ["LATTE"], title: "A", multiplier: "1.5" }),
          dayTime(["SATURDAY"], "09:00", "18:00"),
        ],
      },
      june,
    );
    expect(listed(u)).toEqual(["sku", "window"]);
    expect(applied(u)).toBe("window");
    expect(u.pointsAwarded).toBe(20);
  });
});
