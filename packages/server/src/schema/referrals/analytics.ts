// Referral analytics: referralStats (a time series per project and/or partner) and topPartners, with the
// value types liveStats shares (thin: decode ids, call the domain, shape results).
import {
  conversionRate,
  earningsPerClick,
  referralStats,
  type StatsBucket,
  type StatsRow,
  type TopPartnerRow,
  topPartners,
} from "../../domain/referrals/analytics.js";
import { builder } from "../builder.js";
import { optionalRowId, rowId } from "../ids.js";
import { Money } from "../scalars.js";

export const StatsIntervalEnum = builder.enumType("StatsInterval", {
  values: ["HOUR", "DAY", "WEEK", "MONTH"] as const,
  description: "Buckets in the program's time zone; weeks start on Monday.",
});

export const StatsValuesRef = builder.objectRef<StatsRow>("ReferralStatsValues").implement({
  fields: (t) => ({
    rawClicks: t.exposeInt("rawClicks", { description: "Every recorded click: VALID, BOT, DUPLICATE and DISCARDED." }),
    uniqueClicks: t.exposeInt("uniqueClicks", { description: "VALID clicks." }),
    conversions: t.exposeInt("conversions", { description: "ATTRIBUTED leads and sales." }),
    leads: t.exposeInt("leads"),
    sales: t.exposeInt("sales"),
    revenue: t.field({
      type: [Money],
      description: "Net sale amounts (after refunds), one entry per currency.",
      resolve: (r) => r.revenue,
    }),
    commissions: t.field({
      type: [Money],
      description: "PENDING, APPROVED and PAID commissions (clawbacks included), per currency.",
      resolve: (r) => r.commissions,
    }),
    conversionRate: t.field({
      type: "Decimal",
      nullable: true,
      description: "conversions / uniqueClicks, 4 places (half up); null without clicks.",
      resolve: (r) => conversionRate(r),
    }),
    earningsPerClick: t.field({
      type: [Money],
      description: "commissions / uniqueClicks per currency (EPC), minor unit + 2 places (half up).",
      resolve: (r) => earningsPerClick(r),
    }),
  }),
});

const StatsBucketRef = builder.objectRef<StatsBucket>("ReferralStatsBucket").implement({
  fields: (t) => ({
    start: t.expose("start", {
      type: "DateTime",
      description: "The bucket's first instant (local midnight etc. in the program's time zone).",
    }),
    values: t.field({ type: StatsValuesRef, resolve: (b) => b }),
  }),
});
const StatsRef = builder.objectRef<{ buckets: StatsBucket[]; totals: StatsRow }>("ReferralStats").implement({
  fields: (t) => ({
    buckets: t.field({
      type: [StatsBucketRef],
      description: "Every bucket of the range, empty ones included.",
      resolve: (s) => s.buckets,
    }),
    totals: t.field({ type: StatsValuesRef, resolve: (s) => s.totals }),
  }),
});

const TopPartnersOrderEnum = builder.enumType("TopPartnersOrder", {
  values: ["UNIQUE_CLICKS", "CONVERSIONS", "REVENUE", "COMMISSIONS"] as const,
});

const TopPartnerRef = builder.objectRef<TopPartnerRow>("TopPartner").implement({
  fields: (t) => ({
    partner: t.prismaField({
      type: "Partner",
      nullable: true,
      description: "Null if deleted.",
      resolve: (query, r, _a, ctx) =>
        ctx.prisma.partner.findFirst({ ...query, where: { id: r.partnerId, deletedAt: null } }),
    }),
    rawClicks: t.exposeInt("rawClicks"),
    uniqueClicks: t.exposeInt("uniqueClicks"),
    conversions: t.exposeInt("conversions"),
    revenue: t.field({ type: Money, resolve: (r) => ({ amount: r.revenue, currency: r.currency }) }),
    commissions: t.field({ type: Money, resolve: (r) => ({ amount: r.commissions, currency: r.currency }) }),
    conversionRate: t.field({ type: "Decimal", nullable: true, resolve: (r) => conversionRate(r) }),
  }),
});

const ReferralStatsInput = builder.inputType("ReferralStatsInput", {
  fields: (t) => ({
    programId: t.id({ required: true }),
    projectId: t.id({ description: "One project; default all." }),
    partnerId: t.id({ description: "One partner; default all (a partner always gets only its own)." }),
    from: t.field({ type: "DateTime", required: true, description: "Inclusive." }),
    to: t.field({ type: "DateTime", required: true, description: "Exclusive. At most 1000 buckets." }),
    interval: t.field({ type: StatsIntervalEnum, required: true }),
  }),
});

const TopPartnersInput = builder.inputType("TopPartnersInput", {
  fields: (t) => ({
    projectId: t.id({ required: true }),
    from: t.field({ type: "DateTime", required: true }),
    to: t.field({ type: "DateTime", required: true }),
    orderBy: t.field({ type: TopPartnersOrderEnum, description: "Default REVENUE." }),
    first: t.int({ description: "1-100, default 10." }),
  }),
});

builder.queryFields((t) => ({
  referralStats: t.field({
    type: StatsRef,
    description:
      "Time series of clicks (raw and unique), conversions, revenue and commissions, per project and/or partner. A partner gets only its own.",
    args: { input: t.arg({ type: ReferralStatsInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      referralStats(ctx, {
        programId: rowId(input.programId, "Program"),
        projectId: optionalRowId(input.projectId, "ReferralProject"),
        partnerId: optionalRowId(input.partnerId, "Partner"),
        from: input.from,
        to: input.to,
        interval: input.interval,
      }),
  }),
  topPartners: t.field({
    type: [TopPartnerRef],
    description: "A project's partners ranked over a range, with conversion rates (the program's managers).",
    args: { input: t.arg({ type: TopPartnersInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      topPartners(
        ctx,
        rowId(input.projectId, "ReferralProject"),
        input.from,
        input.to,
        input.orderBy ?? "REVENUE",
        input.first ?? 10,
      ),
  }),
}));
