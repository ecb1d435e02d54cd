// Commission earning as one pure rule: which rules apply, the amount and its HALF_UP rounding, the refunded-sale
// target, and the EARNING row built for clicks and conversions (no database).
import { describe, expect, it } from "vitest";
import { Decimal } from "../src/domain/kernel/values.js";
import {
  clickEarning,
  conversionEarning,
  earning,
  earningCommissionRow,
  earningSourceKey,
  monthsBetween,
  type RuleLike,
  refundedSaleEarning,
} from "../src/domain/referrals/earning.js";

const d = (v: string) => new Decimal(v);
let nextRule = 0;
function rule(r: Partial<RuleLike> & Pick<RuleLike, "event">): RuleLike {
  return {
    id: `rule-${++nextRule}`,
    partnerId: null,
    type: "FLAT",
    flatAmount: null,
    percentage: null,
    maxRecurringMonths: null,
    ...r,
  } as RuleLike;
}
const at = new Date("2026-03-15T12:00:00Z");
const sale = (amount: string, refunded = "0") => ({
  type: "SALE" as const,
  partnerId: "p1",
  currency: "EUR",
  amount: d(amount),
  refundedAmount: d(refunded),
  occurredAt: at,
});

describe("earning", () => {
  it("rounds a percentage of a sale HALF_UP to the currency's minor unit", () => {
    const tenPercent = rule({ event: "SALE", type: "PERCENTAGE", percentage: d("10") });
    expect(
      earning([tenPercent], {
        event: "SALE",
        partnerId: "p1",
        currency: "EUR",
        amount: d("1.25"),
        occurredAt: at,
      })?.amount.toFixed(),
    ).toBe("0.13");
    expect(
      earning([tenPercent], {
        event: "SALE",
        partnerId: "p1",
        currency: "JPY",
        amount: d("105"),
        occurredAt: at,
      })?.amount.toFixed(),
    ).toBe("11");
  });

  it("prefers the partner's own rules for the event, and the highest amount (the earlier rule on a tie)", () => {
    const projectWide = rule({ event: "LEAD", flatAmount: d("9") });
    const ownLow = rule({ event: "LEAD", partnerId: "p1", flatAmount: d("2") });
    const ownTieA = rule({ event: "LEAD", partnerId: "p1", flatAmount: d("3") });
    const ownTieB = rule({ event: "LEAD", partnerId: "p1", flatAmount: d("3") });
    const rules = [projectWide, ownLow, ownTieA, ownTieB];
    expect(earning(rules, { event: "LEAD", partnerId: "p1", currency: "EUR", occurredAt: at })).toEqual({
      amount: d("3"),
      ruleId: ownTieA.id,
    });
    expect(earning(rules, { event: "LEAD", partnerId: "p2", currency: "EUR", occurredAt: at })?.ruleId).toBe(
      projectWide.id,
    );
    expect(earning(rules, { event: "CLICK", partnerId: "p1", currency: "EUR", occurredAt: at })).toBeNull();
  });

  it("stops paying a recurring sale rule maxRecurringMonths after the customer's first attribution", () => {
    const recurring = rule({ event: "SALE", flatAmount: d("5"), maxRecurringMonths: 2 });
    expect(conversionEarning([recurring], sale("10"), new Date("2026-01-16T00:00:00Z"))?.amount.toFixed()).toBe("5");
    expect(conversionEarning([recurring], sale("10"), new Date("2026-01-15T12:00:00Z"))).toBeNull();
    expect(monthsBetween(new Date("2026-01-31T00:00:00Z"), new Date("2026-02-28T00:00:00Z"))).toBe(0);
  });

  it("pays a sale on its amount net of refunds, and nothing once fully refunded", () => {
    const percent = rule({ event: "SALE", type: "PERCENTAGE", percentage: d("12.5") });
    expect(conversionEarning([percent], sale("100", "20"), null)?.amount.toFixed()).toBe("10");
    expect(conversionEarning([percent], sale("100", "100"), null)).toBeNull();
  });

  it("values a refunded sale by the rule that paid it, whoever it was for and whatever its recurring limit", () => {
    const paying = rule({
      event: "SALE",
      type: "PERCENTAGE",
      percentage: d("10"),
      partnerId: "someone-else",
      maxRecurringMonths: 1,
    });
    expect(refundedSaleEarning(paying, sale("99.99", "50"), "p1").toFixed()).toBe("5");
    expect(refundedSaleEarning(null, sale("10"), "p1").toFixed()).toBe("0");
    expect(refundedSaleEarning(paying, sale("10", "10"), "p1").toFixed()).toBe("0");
  });

  it("pays a click by its project's CLICK rules", () => {
    const perClick = rule({ event: "CLICK", flatAmount: d("0.05") });
    expect(clickEarning([perClick], { partnerId: "p1", createdAt: at }, "EUR")).toEqual({
      amount: d("0.05"),
      ruleId: perClick.id,
    });
  });
});

describe("earningCommissionRow", () => {
  const base = { programId: "prog", projectId: "proj", partnerId: "p1", currency: "EUR", earnedAt: at };
  const earned = { amount: d("1.5"), ruleId: "r1" };

  it("builds a click's PENDING EARNING row, keyed once per click", () => {
    expect(
      earningCommissionRow({ ...base, source: { event: "CLICK", clickId: "c1" } }, earned, "2026-03", "id1"),
    ).toEqual({
      id: "id1",
      programId: "prog",
      projectId: "proj",
      partnerId: "p1",
      kind: "EARNING",
      event: "CLICK",
      clickId: "c1",
      ruleId: "r1",
      sourceKey: "click:c1",
      amount: earned.amount,
      currency: "EUR",
      period: "2026-03",
      earnedAt: at,
    });
  });

  it("builds a conversion's row without an id when the database is to assign one", () => {
    const row = earningCommissionRow({ ...base, source: { event: "SALE", conversionId: "v1" } }, earned, "2026-03");
    expect(row).not.toHaveProperty("id");
    expect(row).toMatchObject({ event: "SALE", conversionId: "v1", sourceKey: "conversion:v1" });
    expect(row).not.toHaveProperty("clickId");
    expect(earningSourceKey({ event: "LEAD", conversionId: "v2" })).toBe("conversion:v2");
  });
});
