// Commission earning, the one rule: which of a project's live rules apply to a click, lead or sale, what they
// pay (percentages rounded once, HALF_UP, by kernel money), and the EARNING commission row that records it. The
// redirect's click batches, trackConversion, refunds and syncCommissions all go through here, so the live paths
// and a resync agree by construction. Pure apart from liveRulesByProject, which is one query per call.
import type { Conversion, Prisma, RewardRule } from "../../generated/prisma/client.js";
import type { Tx } from "../kernel/deps.js";
import { percentageOf, ZERO } from "../kernel/money.js";
import { Decimal } from "../kernel/values.js";

export type RewardEvent = "CLICK" | "LEAD" | "SALE";
export type RuleLike = Pick<
  RewardRule,
  "id" | "partnerId" | "event" | "type" | "flatAmount" | "percentage" | "maxRecurringMonths"
>;

/** What an event earns: the amount and the rule that pays it. */
export interface Earned {
  amount: Decimal;
  ruleId: string;
}

export interface EarningInput {
  event: RewardEvent;
  partnerId: string;
  currency: string;
  /** SALE: the net amount (after refunds). */
  amount?: Decimal | null;
  /** SALE with a customer: when the customer was first attributed, for maxRecurringMonths. */
  customerSince?: Date | null;
  occurredAt: Date;
}

/** Whole calendar months from `since` until `at` (UTC calendar; a month is complete on the same day-of-month). */
export function monthsBetween(since: Date, at: Date): number {
  let months = (at.getUTCFullYear() - since.getUTCFullYear()) * 12 + (at.getUTCMonth() - since.getUTCMonth());
  const sinceRest = since.getTime() - Date.UTC(since.getUTCFullYear(), since.getUTCMonth());
  const atRest = at.getTime() - Date.UTC(at.getUTCFullYear(), at.getUTCMonth());
  if (atRest < sinceRest) months--;
  return months;
}

/** What one rule pays for the event, or null when it does not apply (wrong event, recurring limit passed). */
function ruleAmount(rule: RuleLike, e: EarningInput): Decimal | null {
  if (rule.event !== e.event) return null;
  if (
    rule.maxRecurringMonths !== null &&
    e.customerSince &&
    monthsBetween(e.customerSince, e.occurredAt) >= rule.maxRecurringMonths
  )
    return null;
  if (rule.type === "FLAT") return new Decimal(rule.flatAmount ?? 0);
  if (!e.amount) return null;
  return percentageOf(e.amount, new Decimal(rule.percentage ?? 0), e.currency);
}

/**
 * The commission an event earns under a project's live rules: the partner's own rules for the event if it has
 * any, else the project-wide ones; of those that apply, the highest amount (the earlier rule on a tie).
 * Null when nothing applies or a SALE has nothing left after refunds.
 */
export function earning(rules: readonly RuleLike[], e: EarningInput): Earned | null {
  if (e.event === "SALE" && (!e.amount || e.amount.lte(0))) return null;
  const forEvent = rules.filter((r) => r.event === e.event);
  const own = forEvent.filter((r) => r.partnerId === e.partnerId);
  const candidates = own.length ? own : forEvent.filter((r) => r.partnerId === null);
  let best: Earned | null = null;
  for (const rule of candidates) {
    const amount = ruleAmount(rule, e);
    if (amount?.gt(0) && (!best || amount.gt(best.amount))) best = { amount, ruleId: rule.id };
  }
  return best;
}

/** What a valid click earns under its project's live rules. */
export function clickEarning(
  rules: readonly RuleLike[],
  click: { partnerId: string; createdAt: Date },
  currency: string,
): Earned | null {
  return earning(rules, { event: "CLICK", partnerId: click.partnerId, currency, occurredAt: click.createdAt });
}

/**
 * What an attributed conversion earns under its project's live rules: a sale on its amount net of refunds,
 * with the customer's first attribution (`customerSince`) deciding whether a recurring rule still pays.
 */
export function conversionEarning(
  rules: readonly RuleLike[],
  conversion: Pick<Conversion, "type" | "partnerId" | "currency" | "amount" | "refundedAmount" | "occurredAt">,
  customerSince: Date | null,
): Earned | null {
  return earning(rules, {
    event: conversion.type,
    partnerId: conversion.partnerId!,
    currency: conversion.currency,
    amount: conversion.amount?.sub(conversion.refundedAmount) ?? null,
    customerSince,
    occurredAt: conversion.occurredAt,
  });
}

/**
 * What a refunded sale's earning is worth now: the rule that paid it decides (even if it was changed, deleted
 * or made partner-specific since, and whatever the recurring limit says today), applied to the net amount.
 * ZERO without a paying rule or when nothing is left.
 */
export function refundedSaleEarning(
  payingRule: RuleLike | null,
  sale: Pick<Conversion, "currency" | "amount" | "refundedAmount" | "occurredAt">,
  partnerId: string,
): Decimal {
  if (!payingRule) return ZERO;
  const earned = earning([{ ...payingRule, partnerId: null, maxRecurringMonths: null }], {
    event: "SALE",
    partnerId,
    currency: sale.currency,
    amount: sale.amount!.sub(sale.refundedAmount),
    occurredAt: sale.occurredAt,
  });
  return earned?.amount ?? ZERO;
}

/** The live rules of some projects for some events, each project's in creation order. */
export async function liveRulesByProject(
  tx: Tx,
  projectIds: readonly string[],
  events: readonly RewardEvent[],
): Promise<Map<string, RuleLike[]>> {
  const rules = await tx.rewardRule.findMany({
    where: { projectId: { in: [...projectIds] }, event: { in: [...events] }, deletedAt: null },
    orderBy: { id: "asc" },
  });
  const byProject = new Map<string, RuleLike[]>();
  for (const rule of rules) {
    const list = byProject.get(rule.projectId);
    if (list) list.push(rule);
    else byProject.set(rule.projectId, [rule]);
  }
  return byProject;
}

/** The event an EARNING commission is for: a click or a conversion. */
export type EarningSource = { event: "CLICK"; clickId: string } | { event: "LEAD" | "SALE"; conversionId: string };

/** An event that may earn, with what its commission row records besides the amount. */
export interface EarningEvent {
  programId: string;
  projectId: string;
  partnerId: string;
  currency: string;
  earnedAt: Date;
  source: EarningSource;
}

/** The idempotency key of an event's EARNING commission: one per click or conversion (unique per program). */
export function earningSourceKey(source: EarningSource): string {
  return source.event === "CLICK" ? `click:${source.clickId}` : `conversion:${source.conversionId}`;
}

/** The PENDING EARNING commission row for an event in a period; without `id` Prisma assigns one (uuid(7)). */
export function earningCommissionRow(
  e: EarningEvent,
  earned: Earned,
  period: string,
  id: string,
): Prisma.CommissionCreateManyInput & { id: string };
export function earningCommissionRow(e: EarningEvent, earned: Earned, period: string): Prisma.CommissionCreateManyInput;
export function earningCommissionRow(
  e: EarningEvent,
  earned: Earned,
  period: string,
  id?: string,
): Prisma.CommissionCreateManyInput {
  return {
    ...(id !== undefined && { id }),
    programId: e.programId,
    projectId: e.projectId,
    partnerId: e.partnerId,
    kind: "EARNING",
    event: e.source.event,
    ...(e.source.event === "CLICK" ? { clickId: e.source.clickId } : { conversionId: e.source.conversionId }),
    ruleId: earned.ruleId,
    sourceKey: earningSourceKey(e.source),
    amount: earned.amount,
    currency: e.currency,
    period,
    earnedAt: e.earnedAt,
  };
}
