// The pure parts of rewards, coupons and games: the weighted draw, coupon codes and validity, availability.
import { describe, expect, it } from "vitest";
import { rewardCost, unavailability } from "../src/domain/loyalty/availability.js";
import {
  COUPON_ALPHABET,
  couponExpiry,
  couponStatus,
  newCouponCode,
  normalizeCouponCode,
} from "../src/domain/loyalty/coupon-codes.js";
import { cryptoRandom, drawPrize } from "../src/domain/loyalty/draw.js";

const prizes = [
  { label: "10 points", weight: 5 },
  { label: "coupon", weight: 1 },
  { label: "nothing", weight: 14 },
];

describe("drawPrize", () => {
  it("gives each prize exactly its weight's share of the random source's values", () => {
    const wins = new Map<string, number>();
    for (let point = 0; point < 20; point++) {
      const prize = drawPrize(prizes, (max) => {
        expect(max).toBe(20);
        return point;
      });
      wins.set(prize.label, (wins.get(prize.label) ?? 0) + 1);
    }
    expect(Object.fromEntries(wins)).toEqual({ "10 points": 5, coupon: 1, nothing: 14 });
  });

  it("lays prizes end to end in order: the first and last values pick the first and last prizes", () => {
    expect(drawPrize(prizes, () => 0).label).toBe("10 points");
    expect(drawPrize(prizes, () => 4).label).toBe("10 points");
    expect(drawPrize(prizes, () => 5).label).toBe("coupon");
    expect(drawPrize(prizes, () => 6).label).toBe("nothing");
    expect(drawPrize(prizes, () => 19).label).toBe("nothing");
  });

  it("always picks the only prize", () => {
    expect(drawPrize([{ label: "only", weight: 3 }], cryptoRandom).label).toBe("only");
  });

  it("with crypto randomness, lands near the weights over many draws", () => {
    const n = 40_000;
    let coupons = 0;
    let points = 0;
    for (let i = 0; i < n; i++) {
      const label = drawPrize(prizes).label;
      if (label === "coupon") coupons++;
      if (label === "10 points") points++;
    }
    // Expected 2,000 (σ ≈ 44) and 10,000 (σ ≈ 87): six sigma keeps the test from flaking.
    expect(Math.abs(coupons - n / 20)).toBeLessThan(6 * 44);
    expect(Math.abs(points - n / 4)).toBeLessThan(6 * 87);
  });

  it("refuses what cannot be drawn fairly", () => {
    expect(() => drawPrize([], cryptoRandom)).toThrow(RangeError);
    expect(() => drawPrize([{ weight: 0 }])).toThrow(/positive integers/);
    expect(() => drawPrize([{ weight: 1.5 }])).toThrow(/positive integers/);
    expect(() => drawPrize([{ weight: -1 }, { weight: 3 }])).toThrow(/positive integers/);
    expect(() => drawPrize([{ weight: 2 ** 47 }, { weight: 2 ** 47 }])).toThrow(/too large/);
    expect(() => drawPrize(prizes, () => 20)).toThrow(/outside/);
    expect(() => drawPrize(prizes, () => -1)).toThrow(/outside/);
    expect(() => drawPrize(prizes, () => 0.5)).toThrow(/outside/);
  });
});

describe("coupon codes", () => {
  it("are two groups of five unambiguous upper-case characters", () => {
    expect(COUPON_ALPHABET).not.toMatch(/[01OIL]/);
    for (let i = 0; i < 200; i++) expect(newCouponCode()).toMatch(/^[A-HJKMNP-Z2-9]{5}-[A-HJKMNP-Z2-9]{5}$/);
    expect(new Set(Array.from({ length: 1000 }, () => newCouponCode())).size).toBe(1000);
    expect(newCouponCode(() => 0)).toBe("AAAAA-AAAAA");
  });

  it("are read back however a person types them", () => {
    expect(normalizeCouponCode("k7qx2-mrd9t")).toBe("K7QX2-MRD9T");
    expect(normalizeCouponCode(" K7QX2 MRD9T ")).toBe("K7QX2-MRD9T");
    expect(normalizeCouponCode("K7QX2MRD9T")).toBe("K7QX2-MRD9T");
    expect(normalizeCouponCode("K7QX2-MRD9")).toBeNull();
    expect(normalizeCouponCode("K7QX2-MRD90")).toBeNull(); // 0 is not in the alphabet
    expect(normalizeCouponCode("'; DROP TABLE")).toBeNull();
  });
});

describe("coupon validity", () => {
  const issuedAt = new Date("2026-03-28T22:30:00Z");
  it("takes the reward's days, else the card's, else never expires", () => {
    expect(couponExpiry(issuedAt, { couponValidityDays: 2 }, { couponValidityDays: 30 })).toEqual(
      new Date("2026-03-30T22:30:00Z"),
    );
    expect(couponExpiry(issuedAt, { couponValidityDays: null }, { couponValidityDays: 30 })).toEqual(
      new Date("2026-04-27T22:30:00Z"),
    );
    expect(couponExpiry(issuedAt, { couponValidityDays: null }, { couponValidityDays: null })).toBeNull();
  });

  it("derives EXPIRED for an issued coupon past its expiry, and only then", () => {
    const expiresAt = new Date("2026-04-01T00:00:00Z");
    expect(couponStatus({ status: "ISSUED", expiresAt }, new Date("2026-03-31T23:59:59Z"))).toBe("ISSUED");
    expect(couponStatus({ status: "ISSUED", expiresAt }, expiresAt)).toBe("EXPIRED");
    expect(couponStatus({ status: "ISSUED", expiresAt: null }, new Date("2099-01-01"))).toBe("ISSUED");
    expect(couponStatus({ status: "REDEEMED", expiresAt }, new Date("2099-01-01"))).toBe("REDEEMED");
    expect(couponStatus({ status: "CANCELLED", expiresAt }, new Date("2099-01-01"))).toBe("CANCELLED");
  });
});

describe("reward availability", () => {
  const now = new Date("2026-06-01T12:00:00Z");
  const open = { status: "ACTIVE" as const, suspendedAt: null, startsAt: null, endsAt: null, stock: null };
  it("names the first reason a reward cannot be had", () => {
    expect(unavailability(open, now)).toBeNull();
    expect(unavailability({ ...open, status: "INACTIVE" }, now)).toBe("INACTIVE");
    expect(unavailability({ ...open, suspendedAt: now }, now)).toBe("SUSPENDED");
    expect(unavailability({ ...open, startsAt: new Date("2026-06-01T12:00:01Z") }, now)).toBe("NOT_STARTED");
    expect(unavailability({ ...open, startsAt: now }, now)).toBeNull();
    expect(unavailability({ ...open, endsAt: now }, now)).toBe("ENDED");
    expect(unavailability({ ...open, stock: 0 }, now)).toBe("OUT_OF_STOCK");
    expect(unavailability({ ...open, stock: 2 }, now, 3)).toBe("OUT_OF_STOCK");
    expect(unavailability({ ...open, stock: 3 }, now, 3)).toBeNull();
  });

  it("costs points on a loyalty card and a full card on a stamp card", () => {
    expect(rewardCost({ pointsCost: 150 }, { type: "LOYALTY", stampsRequired: null })).toBe(150);
    expect(rewardCost({ pointsCost: null }, { type: "STAMP", stampsRequired: 8 })).toBe(8);
    expect(() => rewardCost({ pointsCost: null }, { type: "LOYALTY", stampsRequired: null })).toThrow();
  });
});
