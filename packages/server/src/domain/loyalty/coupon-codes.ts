// Coupon codes and validity, pure. Codes are read aloud and typed at counters: upper-case letters and digits
// without the look-alikes 0/O, 1/I/L, in two groups of five ("K7QX2-MRD9T"). 31^10 ≈ 8·10^14 codes, so a
// random collision within a program is rare (the unique index still catches it and issuing retries).
import { randomInt } from "node:crypto";
import type { Prisma } from "../../generated/prisma/client.js";
import type { CouponStatus } from "../../generated/prisma/enums.js";

export const COUPON_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
const GROUP = 5;
const GROUPS = 2;
const DAY_MS = 86_400_000;

export function newCouponCode(random: (maxExclusive: number) => number = randomInt): string {
  const groups: string[] = [];
  for (let g = 0; g < GROUPS; g++) {
    let group = "";
    for (let i = 0; i < GROUP; i++) group += COUPON_ALPHABET[random(COUPON_ALPHABET.length)]!;
    groups.push(group);
  }
  return groups.join("-");
}

/**
 * A code as a person may type it (lower case, spaces, missing or extra dashes) in the stored form, or null
 * when it cannot be a code at all (so it never reaches the database).
 */
export function normalizeCouponCode(input: string): string | null {
  const compact = input.toUpperCase().replace(/[\s-]/g, "");
  if (compact.length !== GROUP * GROUPS || [...compact].some((c) => !COUPON_ALPHABET.includes(c))) return null;
  return `${compact.slice(0, GROUP)}-${compact.slice(GROUP)}`;
}

/**
 * The days a coupon stays valid: the reward's own validity, else its card's default, else unlimited (null).
 * A day is 24 hours from the moment of issue (not a calendar day), so validity is the same in every time zone.
 */
export function couponExpiry(
  issuedAt: Date,
  reward: { couponValidityDays: number | null },
  card: { couponValidityDays: number | null },
): Date | null {
  const days = reward.couponValidityDays ?? card.couponValidityDays;
  return days === null ? null : new Date(issuedAt.getTime() + days * DAY_MS);
}

/** The status a client sees: an ISSUED coupon whose expiresAt has passed reads EXPIRED (never stored). */
export function couponStatus(
  coupon: { status: CouponStatus; expiresAt: Date | null },
  now: Date = new Date(),
): CouponStatus {
  return coupon.status === "ISSUED" && coupon.expiresAt !== null && coupon.expiresAt.getTime() <= now.getTime()
    ? "EXPIRED"
    : coupon.status;
}

/** Coupons in a status as clients see it (EXPIRED is an ISSUED coupon past its expiresAt). */
export function couponStatusWhere(status: CouponStatus, now: Date = new Date()): Prisma.CouponWhereInput {
  switch (status) {
    case "EXPIRED":
      return { status: "ISSUED", expiresAt: { lte: now } };
    case "ISSUED":
      return { status: "ISSUED", OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] };
    default:
      return { status };
  }
}
