// Worked examples for the pricing rules. Each states its arithmetic so it can be checked by hand.
import { describe, expect, it } from "vitest";
import { calculatePoints, MAX_BASKET_UNITS, prepareProgram } from "./engine.js";
import { type PointsErrorReason, PointsInputError } from "./errors.js";
import type { Basket, BasketItem, ProgramConfig } from "./types.js";

const program: ProgramConfig = { pointsPerCurrencyUnit: "2", timezone: "UTC" };
const at = "2024-06-15T12:00:00Z";

function basket(items: BasketItem[], extra: Partial<Basket> = {}): Basket {
  return { datePurchased: at, items, ...extra };
}

describe("the reference's worked example", () => {
  it("prices 2 × SKU_1 at 52.22 as 2 × 312 = 624", () => {
    const engine = prepareProgram({
      pointsPerCurrencyUnit: "2",
      timezone: "America/New_York",
      tenderMultipliers: { 7: "4" }, // PLCC ×4; Vouchers has none, so ×1
      campaigns: [
        {
          id: "bonus",
          type: "SKU",
          skus: ["SKU_1"],
          title: "BONUS CAMPAIGN",
          multiplier: "2",
          status: "ACTIVE",
          startsAt: "2012-01-01T00:00:00Z",
          createdAt: "2011-12-01T00:00:00Z",
        },
        {
          id: "tue",
          type: "DAY_TIME",
          days: ["TUESDAY"],
          startTime: "06:00",
          endTime: "12:00",
          title: "TUESDAY MORNING SPECIAL",
          multiplier: "1",
          status: "ACTIVE",
          startsAt: "2012-01-01T00:00:00Z",
          createdAt: "2011-12-01T00:00:00Z",
        },
      ],
    });
    // Line price 52.22 for 2 units → item price 52.22 ÷ 2 = 26.11; converted = round(26.11 × 2 = 52.22) = 52.
    // Tenders 10 + 20 = 30: Vouchers 10/30 × 1 + PLCC 20/30 × 4 = 1/3 + 8/3 = 3 (exactly, not 2.9999…).
    // Campaigns: SKU ×2 beats DAY_TIME ×1 (Tuesday 09:30 New York). Transaction MCR Cash-Out and channel In Store: ×1.
    // Awarded = round(52 × 2 × 1 × 3 × 1) = 312 per unit; total 312 + 312 = 624.
    const result = engine.calculate({
      datePurchased: "2012-04-24T09:30:00-04:00",
      channelId: 1,
      tenders: [
        { type: 8, amount: "10" },
        { type: 7, amount: "20" },
      ],
      items: [{ sku: "SKU_1", price: "52.22", quantity: 2, transactionId: 8, isAwaitingFulfillment: true }],
    });
    const unit = {
      sku: "SKU_1",
      isAwaitingFulfillment: true,
      quantity: 1,
      itemPrice: "26.11",
      pointsToDollarConversionRate: "2",
      convertedPoints: 52,
      isExcluded: false,
      campaigns: [
        { id: "bonus", type: "SKU", title: "BONUS CAMPAIGN", multiplier: "2", applied: true },
        { id: "tue", type: "DAY_TIME", title: "TUESDAY MORNING SPECIAL", multiplier: "1", applied: false },
      ],
      transaction: { id: 8, name: "MCR Cash-Out", multiplier: "1" },
      tenders: [
        { type: 8, name: "Vouchers", amount: "10", proportion: "0.3333333333333333", multiplier: "1" },
        { type: 7, name: "PLCC", amount: "20", proportion: "0.6666666666666666", multiplier: "4" },
      ],
      channel: { id: 1, name: "In Store", multiplier: "1" },
      pointsAwarded: 312,
    };
    expect(result).toEqual({ totalPointsAwarded: 624, breakdown: [unit, unit] });
    // Same key order as the reference's response, so a JSON mapping reads like it.
    expect(Object.keys(result.breakdown[0]!)).toEqual(Object.keys(unit));
  });
});

describe("per unit", () => {
  it("has one breakdown entry per unit and totals the rounded units, not the line", () => {
    // 1.00 for 4 units at rate 1: each unit 0.25 → round(0.25) = 0 (NATURAL), so 0 + 0 + 0 + 0 = 0,
    // although the line (1.00 × 1 = 1) would have earned 1. With UP each unit is 1 → 4.
    const items = [{ sku: "PEN", price: "1.00", quantity: 4 }];
    const natural = calculatePoints({ ...program, pointsPerCurrencyUnit: "1" }, basket(items));
    expect(natural.breakdown).toHaveLength(4);
    expect(natural.breakdown.map((u) => [u.itemPrice, u.convertedPoints, u.pointsAwarded])).toEqual(
      Array(4).fill(["0.25", 0, 0]),
    );
    expect(natural.totalPointsAwarded).toBe(0);
    const up = calculatePoints({ ...program, pointsPerCurrencyUnit: "1", roundingMode: "UP" }, basket(items));
    expect(up.totalPointsAwarded).toBe(4);
  });

  it("keeps basket order across lines", () => {
    // A 5.00 → 10 points, B 2 × 1.50 → 3 each: 10 + 3 + 3 = 16.
    const result = calculatePoints(
      program,
      basket([
        { sku: "A", price: "5.00", quantity: 1 },
        { sku: "B", price: "3.00", quantity: 2 },
      ]),
    );
    expect(result.breakdown.map((u) => [u.sku, u.pointsAwarded])).toEqual([
      ["A", 10],
      ["B", 3],
      ["B", 3],
    ]);
    expect(result.totalPointsAwarded).toBe(16);
  });

  it("is exact where binary floating point is not", () => {
    // 0.285 × 100 = 28.5 → 29 (NATURAL); in doubles 0.285 * 100 is 28.499999999999996 and would give 28.
    const half = calculatePoints(
      { ...program, pointsPerCurrencyUnit: "100" },
      basket([{ sku: "A", price: "0.285", quantity: 1 }]),
    );
    expect(half.breakdown[0]!.convertedPoints).toBe(29);
    // 0.10 for 3 units at rate 15: (0.10 ÷ 3) × 15 = 0.5 exactly → 1 a unit, 3 in total; doubles give 0.49999999999999994.
    // The item price does not terminate, so its display text is cut at 16 decimals.
    const third = calculatePoints(
      { ...program, pointsPerCurrencyUnit: "15" },
      basket([{ sku: "A", price: "0.10", quantity: 3 }]),
    );
    expect(third.breakdown[0]).toMatchObject({ itemPrice: "0.0333333333333333", convertedPoints: 1, pointsAwarded: 1 });
    expect(third.totalPointsAwarded).toBe(3);
  });
});

describe("rounding modes", () => {
  // Channel 2 (Online) at ×1.1, or 3 (Kiosk) at ×1.5.
  const config: ProgramConfig = { ...program, channelMultipliers: { 2: "1.1", 3: "1.5" } };
  it.each([
    // 52.22 for 2 units at rate 2 → 26.11 × 2 = 52.22 → NATURAL 52, UP 53, DOWN 52;
    // then × 1.1: NATURAL 52 × 1.1 = 57.2 → 57, UP 53 × 1.1 = 58.3 → 59, DOWN 52 × 1.1 = 57.2 → 57.
    ["NATURAL", "52.22", 2, 2, 52, 57],
    ["UP", "52.22", 2, 2, 53, 59],
    ["DOWN", "52.22", 2, 2, 52, 57],
    // 12.50 at rate 2 = 25 (exact in every mode); × 1.5 = 37.5 → NATURAL 38, UP 38, DOWN 37.
    ["NATURAL", "12.50", 1, 3, 25, 38],
    ["UP", "12.50", 1, 3, 25, 38],
    ["DOWN", "12.50", 1, 3, 25, 37],
    // 0.75 at rate 2 = 1.5 → NATURAL 2, UP 2, DOWN 1; × 1.1: 2.2 → 2, 2.2 → 3, 1.1 → 1.
    ["NATURAL", "0.75", 1, 2, 2, 2],
    ["UP", "0.75", 1, 2, 2, 3],
    ["DOWN", "0.75", 1, 2, 1, 1],
  ] as const)(
    "%s: %s for %i unit(s), channel %i → converted %i, awarded %i",
    (mode, price, quantity, channelId, converted, awarded) => {
      const result = calculatePoints(
        { ...config, roundingMode: mode },
        basket([{ sku: "A", price, quantity }], { channelId }),
      );
      expect(result.breakdown[0]).toMatchObject({ convertedPoints: converted, pointsAwarded: awarded });
      expect(result.totalPointsAwarded).toBe(awarded * quantity);
    },
  );

  it("defaults to NATURAL", () => {
    // 0.25 at rate 2 = 0.5 → 1 (half up).
    expect(calculatePoints(program, basket([{ sku: "A", price: "0.25", quantity: 1 }])).totalPointsAwarded).toBe(1);
  });
});

describe("multipliers", () => {
  it("counts a code without a configured multiplier as 1", () => {
    // Only PLCC has a multiplier; Cash, Online and Sale have none. 7.50 × 2 = 15 → 15 × 1 × 1 × 1 × 1 = 15.
    const result = calculatePoints(
      { ...program, tenderMultipliers: { 7: "4" } },
      basket([{ sku: "A", price: "7.50", quantity: 1, transactionId: 1 }], {
        channelId: 2,
        tenders: [{ type: 1, amount: "7.50" }],
      }),
    );
    expect(result.breakdown[0]).toMatchObject({
      convertedPoints: 15,
      campaigns: [],
      transaction: { id: 1, name: "Sale", multiplier: "1" },
      tenders: [{ type: 1, name: "Cash", amount: "7.5", proportion: "1", multiplier: "1" }],
      channel: { id: 2, name: "Online", multiplier: "1" },
      pointsAwarded: 15,
    });
  });

  it("leaves out the factors the basket does not name", () => {
    // No channel, tenders or transaction type: 3.00 × 2 = 6, × 1 = 6.
    const unit = calculatePoints(program, basket([{ sku: "A", price: "3.00", quantity: 1 }])).breakdown[0]!;
    expect(unit.pointsAwarded).toBe(6);
    expect(unit).not.toHaveProperty("transaction");
    expect(unit).not.toHaveProperty("tenders");
    expect(unit).not.toHaveProperty("channel");
    // An empty tender list is no tenders.
    expect(
      calculatePoints(program, basket([{ sku: "A", price: "3.00", quantity: 1 }], { tenders: [] })).breakdown[0],
    ).not.toHaveProperty("tenders");
  });

  it("awards nothing for a transaction type at ×0", () => {
    // Employee Sale ×0: 10.00 × 2 = 20 converted, 20 × 0 = 0 awarded. The Sale line (no multiplier): 20 × 1 = 20.
    const result = calculatePoints(
      { ...program, transactionTypeMultipliers: { 3: "0" } },
      basket([
        { sku: "A", price: "10.00", quantity: 1, transactionId: 3 },
        { sku: "A", price: "10.00", quantity: 1, transactionId: 1 },
      ]),
    );
    expect(result.breakdown.map((u) => [u.transaction?.name, u.convertedPoints, u.pointsAwarded])).toEqual([
      ["Employee Sale", 20, 0],
      ["Sale", 20, 20],
    ]);
    expect(result.totalPointsAwarded).toBe(20);
  });

  it("weights tender multipliers by their share of the total tendered", () => {
    // 100 tendered: Cash 50 (none, ×1), Major Credit 30 (×2), Gift Cards 20 (×0.5):
    // 50/100 × 1 + 30/100 × 2 + 20/100 × 0.5 = 0.5 + 0.6 + 0.1 = 1.2. 10.00 × 1 = 10 converted → 10 × 1.2 = 12.
    const result = calculatePoints(
      { ...program, pointsPerCurrencyUnit: "1", tenderMultipliers: { 4: "2", 5: "0.5" } },
      basket([{ sku: "A", price: "10.00", quantity: 1 }], {
        tenders: [
          { type: 1, amount: "50" },
          { type: 4, amount: "30.00" },
          { type: 5, amount: "20" },
        ],
      }),
    );
    expect(result.breakdown[0]!.tenders).toEqual([
      { type: 1, name: "Cash", amount: "50", proportion: "0.5", multiplier: "1" },
      { type: 4, name: "Major Credit", amount: "30", proportion: "0.3", multiplier: "2" },
      { type: 5, name: "Gift Cards", amount: "20", proportion: "0.2", multiplier: "0.5" },
    ]);
    expect(result.totalPointsAwarded).toBe(12);
  });

  it("lets a zero tender take no share", () => {
    // Cash 0 and PLCC 25 (×4): 0/25 × 1 + 25/25 × 4 = 4. 5.00 × 2 = 10 → 40.
    const result = calculatePoints(
      { ...program, tenderMultipliers: { 7: "4" } },
      basket([{ sku: "A", price: "5.00", quantity: 1 }], {
        tenders: [
          { type: 1, amount: "0" },
          { type: 7, amount: "25" },
        ],
      }),
    );
    expect(result.breakdown[0]!.tenders!.map((t) => t.proportion)).toEqual(["0", "1"]);
    expect(result.totalPointsAwarded).toBe(40);
  });

  it("multiplies every factor before the one rounding", () => {
    // 10.00 × 2 = 20 converted; campaign ×1.5, Tax Exempt Sale ×1.1, tenders Cash 1 (×1) + PLCC 1 (×2) = 1.5,
    // Mobile App ×1.2: 20 × 1.5 × 1.1 × 1.5 × 1.2 = 59.4 → 59 (rounding each factor first would differ).
    const result = calculatePoints(
      {
        ...program,
        tenderMultipliers: { 7: "2" },
        transactionTypeMultipliers: { 2: "1.1" },
        channelMultipliers: { 5: "1.2" },
        campaigns: [
          {
            id: "c",
            type: "SKU",
            skus: ["A"],
            title: "T",
            multiplier: "1.5",
            status: "ACTIVE",
            startsAt: "2024-01-01T00:00:00Z",
            createdAt: "2024-01-01T00:00:00Z",
          },
        ],
      },
      basket([{ sku: "A", price: "10.00", quantity: 1, transactionId: 2 }], {
        channelId: 5,
        tenders: [
          { type: 1, amount: "1" },
          { type: 7, amount: "1" },
        ],
      }),
    );
    expect(result.breakdown[0]).toMatchObject({ convertedPoints: 20, pointsAwarded: 59 });
  });
});

describe("exclusions", () => {
  it("awards 0 to an excluded SKU and matches no campaign for it", () => {
    // GIFT-CARD is excluded: 50.00 × 2 = 100 converted, 0 awarded, its ×5 campaign not listed.
    // MUG: 10.00 × 2 = 20 → 20. Total 0 + 20 = 20.
    const result = calculatePoints(
      {
        ...program,
        excludedSkus: ["GIFT-CARD"],
        campaigns: [
          {
            id: "gc",
            type: "SKU",
            skus: ["GIFT-CARD"],
            title: "GIFT CARD BONUS",
            multiplier: "5",
            status: "ACTIVE",
            startsAt: "2024-01-01T00:00:00Z",
            createdAt: "2024-01-01T00:00:00Z",
          },
        ],
      },
      basket([
        { sku: "GIFT-CARD", price: "50.00", quantity: 1 },
        { sku: "MUG", price: "10.00", quantity: 1 },
      ]),
    );
    expect(
      result.breakdown.map((u) => [u.sku, u.isExcluded, u.convertedPoints, u.campaigns.length, u.pointsAwarded]),
    ).toEqual([
      ["GIFT-CARD", true, 100, 0, 0],
      ["MUG", false, 20, 0, 20],
    ]);
    expect(result.totalPointsAwarded).toBe(20);
  });
});

describe("a partner's conversion rate", () => {
  const config: ProgramConfig = {
    ...program,
    campaigns: [
      {
        id: "c",
        type: "SKU",
        skus: ["A"],
        title: "DOUBLE",
        multiplier: "2",
        status: "ACTIVE",
        startsAt: "2024-01-01T00:00:00Z",
        createdAt: "2024-01-01T00:00:00Z",
      },
    ],
  };
  const items = [{ sku: "A", price: "26.11", quantity: 1 }];

  it("replaces the program's rate when set", () => {
    // 26.11 × 1.5 = 39.165 → 39; × 2 (campaign) = 78. The program's rate would give 52 → 104.
    const result = calculatePoints(config, basket(items, { pointConversionRate: "1.50" }));
    expect(result.breakdown[0]).toMatchObject({
      pointsToDollarConversionRate: "1.5",
      convertedPoints: 39,
      pointsAwarded: 78,
    });
  });

  it("awards no points at 0, whatever the multipliers", () => {
    // 26.11 × 0 = 0; 0 × 2 = 0.
    const result = calculatePoints(config, basket(items, { pointConversionRate: "0" }));
    expect(result.breakdown[0]).toMatchObject({
      pointsToDollarConversionRate: "0",
      convertedPoints: 0,
      pointsAwarded: 0,
    });
    expect(result.totalPointsAwarded).toBe(0);
  });

  it("falls back to the program's rate when null", () => {
    // 26.11 × 2 = 52.22 → 52; × 2 = 104.
    expect(calculatePoints(config, basket(items, { pointConversionRate: null })).totalPointsAwarded).toBe(104);
  });
});

describe("baskets the engine cannot price", () => {
  const item: BasketItem = { sku: "A", price: "1.00", quantity: 1 };
  const cases: [string, Basket, PointsErrorReason, string][] = [
    ["a negative price", basket([{ ...item, price: "-1.00" }]), "invalid_amount", "items[0].price"],
    [
      "a price given as a JS number",
      basket([{ ...item, price: 21.22 as unknown as string }]),
      "invalid_amount",
      "items[0].price",
    ],
    ["a price with an exponent", basket([{ ...item, price: "1e3" }]), "invalid_amount", "items[0].price"],
    // 2,000,000,000 × 2 points per unit is beyond MAX_POINTS (a 32-bit integer, what the ledger holds).
    ["a price earning too many points", basket([{ ...item, price: "2000000000" }]), "invalid_amount", "items[0].price"],
    [
      "a basket earning too many points in total",
      basket([
        { ...item, price: "1000000000" },
        { ...item, price: "1000000000" },
      ]),
      "invalid_amount",
      "items",
    ],
    ["a missing price", basket([{ ...item, price: undefined as unknown as string }]), "missing_data", "items[0].price"],
    ["a zero quantity", basket([{ ...item, quantity: 0 }]), "invalid", "items[0].quantity"],
    ["a fractional quantity", basket([{ ...item, quantity: 1.5 }]), "invalid", "items[0].quantity"],
    [
      "a missing quantity",
      basket([{ ...item, quantity: undefined as unknown as number }]),
      "missing_data",
      "items[0].quantity",
    ],
    ["an empty SKU", basket([{ ...item, sku: "" }]), "missing_data", "items[0].sku"],
    [
      "tenders adding up to 0",
      basket([item], {
        tenders: [
          { type: 1, amount: "0" },
          { type: 2, amount: "0.00" },
        ],
      }),
      "invalid_amount",
      "tenders",
    ],
    [
      "a negative tender",
      basket([item], { tenders: [{ type: 1, amount: "-5" }] }),
      "invalid_amount",
      "tenders[0].amount",
    ],
    [
      "an unknown tender type",
      basket([item], { tenders: [{ type: 14 as never, amount: "5" }] }),
      "invalid",
      "tenders[0].type",
    ],
    ["an unknown channel", basket([item], { channelId: 10 as never }), "invalid", "channelId"],
    ["a channel given as text", basket([item], { channelId: "1" as never }), "invalid", "channelId"],
    [
      "an unknown transaction type",
      basket([{ ...item, transactionId: 13 as never }]),
      "invalid",
      "items[0].transactionId",
    ],
    [
      "a date without an offset",
      basket([item], { datePurchased: "2012-04-23T18:25:43.511" }),
      "invalid_date",
      "datePurchased",
    ],
    [
      "a date that does not exist",
      basket([item], { datePurchased: "2012-02-30T10:00:00Z" }),
      "invalid_date",
      "datePurchased",
    ],
    [
      "a missing date",
      basket([item], { datePurchased: undefined as unknown as string }),
      "missing_data",
      "datePurchased",
    ],
    ["another currency", basket([item], { currency: "EUR" }), "invalid_currency", "currency"],
    ["a negative partner rate", basket([item], { pointConversionRate: "-1" }), "invalid_amount", "pointConversionRate"],
    ["no item list", { datePurchased: at } as Basket, "missing_data", "items"],
    [
      "more units than a breakdown may hold",
      basket([{ ...item, quantity: MAX_BASKET_UNITS }, item]),
      "invalid",
      "items[1].quantity",
    ],
  ];
  const engine = prepareProgram({ ...program, currency: "USD" });

  it.each(cases)("refuses %s", (_, input, reason, field) => {
    const error = (() => {
      try {
        engine.calculate(input);
      } catch (e) {
        return e;
      }
      throw new Error("expected a PointsInputError");
    })();
    expect(error).toBeInstanceOf(PointsInputError);
    expect(error).toMatchObject({ reason, field });
  });

  it("accepts the currency in any case, an empty basket and the reference's lowercase z", () => {
    expect(engine.calculate({ datePurchased: "2012-04-23T18:25:43.511z", currency: "usd", items: [] })).toEqual({
      totalPointsAwarded: 0,
      breakdown: [],
    });
  });

  it("never answers with NaN or a float", () => {
    // 9,007,199,254,740,993 points do not fit a double exactly: refused rather than rounded.
    expect(() =>
      calculatePoints({ ...program, pointsPerCurrencyUnit: "1" }, basket([{ ...item, price: "9007199254740993" }])),
    ).toThrow(PointsInputError);
  });
});
