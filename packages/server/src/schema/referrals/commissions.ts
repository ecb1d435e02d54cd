// Conversions, reward rules, commissions, period locks, sync and analytics: types, queries and mutations.
import { decodeGlobalID } from "@pothos/plugin-relay";
import { isAdmin } from "../../domain/auth/principal.js";
import { CommissionLockedError, InvalidTransitionError } from "../../domain/kernel/errors.js";
import { COMMISSION_ROUNDING } from "../../domain/kernel/money.js";
import { type Decimal, isUuid } from "../../domain/kernel/values.js";
import {
  conversionRate,
  earningsPerClick,
  referralStats,
  type StatsBucket,
  type StatsRow,
  type TopPartnerRow,
  topPartners,
} from "../../domain/referrals/analytics.js";
import {
  commissionListWhere,
  commissionLockStatus,
  type LockStatus,
  lockCommissionPeriod,
  type SyncReport,
  setCommissionStatus,
  syncCommissions,
  unlockCommissionPeriod,
} from "../../domain/referrals/commissions.js";
import { conversionListWhere, refundConversion, trackConversion } from "../../domain/referrals/conversions.js";
import { visibleProject } from "../../domain/referrals/projects.js";
import {
  createRewardRule,
  deleteRewardRule,
  rewardRuleListWhere,
  updateRewardRule,
} from "../../domain/referrals/rules.js";
import { partnerRowFilter, projectFilter } from "../../domain/referrals/scope.js";
import type { Commission, Conversion, RewardRule } from "../../generated/prisma/client.js";
import {
  AttributionSource,
  CommissionKind,
  ConversionStatus,
  ConversionType,
  RewardEvent,
  RewardType,
} from "../../generated/prisma/enums.js";
import { builder, connectionComplexity } from "../builder.js";
import { CommissionStatusEnum, WRITE_ERRORS } from "../errors.js";
import { optionalRowId, rowId } from "../ids.js";
import { Money } from "../scalars.js";

const ConversionTypeEnum = builder.enumType(ConversionType, { name: "ConversionType" });
export const ConversionStatusEnum = builder.enumType(ConversionStatus, {
  name: "ConversionStatus",
  description:
    "ATTRIBUTED: to an enabled partner, earns. UNATTRIBUTED: no valid click, code or customer named a partner. DISCARDED: the partner was disabled or deleted; recorded, earns nothing.",
});
const AttributionSourceEnum = builder.enumType(AttributionSource, {
  name: "AttributionSource",
  description:
    "CUSTOMER: the customer's first attributed partner keeps them. CLICK: the click named by clickId. CODE: the last valid click on the link named by code.",
});
const RewardEventEnum = builder.enumType(RewardEvent, { name: "RewardEvent" });
const RewardTypeEnum = builder.enumType(RewardType, {
  name: "RewardType",
  description: `FLAT: a fixed amount in the project's currency. PERCENTAGE: a percent of the sale's net amount (SALE only), rounded to the currency's minor unit ${COMMISSION_ROUNDING} (halves away from zero: 10% of 1.25 EUR = 0.13).`,
});
const CommissionKindEnum = builder.enumType(CommissionKind, { name: "CommissionKind" });

const money = (amount: Decimal | string, currency: string) => ({ amount, currency });

const ConversionRef = builder.prismaNode("Conversion", {
  nullable: true,
  id: { field: "id" },
  description:
    "A lead or sale reported by the program, attributed to a partner when a click, code or returning customer names one.",
  findUnique: (id, ctx) => ({ id, AND: [partnerRowFilter(ctx.principal)] }),
  fields: (t) => ({
    project: t.relation("project"),
    type: t.expose("type", { type: ConversionTypeEnum }),
    externalId: t.exposeString("externalId"),
    customerExternalId: t.exposeString("customerExternalId", { nullable: true }),
    status: t.expose("status", { type: ConversionStatusEnum }),
    attributedVia: t.expose("attributedVia", { type: AttributionSourceEnum, nullable: true }),
    partner: t.relation("partner", { nullable: true }),
    link: t.relation("link", { nullable: true }),
    click: t.relation("click", { nullable: true }),
    amount: t.field({
      type: Money,
      nullable: true,
      select: { amount: true, currency: true },
      resolve: (c) => (c.amount === null ? null : money(c.amount, c.currency)),
    }),
    refundedAmount: t.field({
      type: Money,
      select: { refundedAmount: true, currency: true },
      resolve: (c) => money(c.refundedAmount, c.currency),
    }),
    occurredAt: t.expose("occurredAt", { type: "DateTime" }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    commissions: t.relation("commissions", {
      description: "Its earning commission and any clawbacks, oldest first.",
      query: { orderBy: { id: "asc" } },
    }),
  }),
});

const CommissionRef = builder.prismaNode("Commission", {
  nullable: true,
  id: { field: "id" },
  description:
    "What a partner earned for one click, lead or sale (or a negative clawback of it), in a calendar month of the program's time zone.",
  findUnique: (id, ctx) => ({ id, AND: [partnerRowFilter(ctx.principal)] }),
  fields: (t) => ({
    kind: t.expose("kind", { type: CommissionKindEnum }),
    event: t.expose("event", { type: RewardEventEnum }),
    status: t.expose("status", { type: CommissionStatusEnum }),
    amount: t.field({
      type: Money,
      description: "Negative for a clawback.",
      select: { amount: true, currency: true },
      resolve: (c) => money(c.amount, c.currency),
    }),
    period: t.exposeString("period", { description: '"YYYY-MM" in the program\'s time zone.' }),
    earnedAt: t.expose("earnedAt", { type: "DateTime" }),
    partner: t.relation("partner"),
    project: t.relation("project"),
    conversion: t.relation("conversion", { nullable: true }),
    clickId: t.exposeString("clickId", {
      nullable: true,
      description: "For CLICK commissions: the click's pg_click value.",
    }),
    rule: t.prismaField({
      type: "RewardRule",
      nullable: true,
      select: { ruleId: true },
      resolve: (query, c, _args, ctx) =>
        c.ruleId
          ? ctx.prisma.rewardRule.findFirst({ ...query, where: { id: c.ruleId, ...partnerRowFilterOrProject(ctx) } })
          : null,
    }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
  }),
});

/** A partner sees project-wide rules and its own; managers every rule of their programs. */
function partnerRowFilterOrProject(ctx: { principal: Parameters<typeof partnerRowFilter>[0] }) {
  // Admins see every rule: an `OR` holding an empty filter would match nothing in Prisma, so none is built.
  if (isAdmin(ctx.principal)) return {};
  return { OR: [partnerRowFilter(ctx.principal), { partnerId: null, project: projectFilter(ctx.principal) }] };
}

const RewardRuleRef = builder.prismaNode("RewardRule", {
  nullable: true,
  id: { field: "id" },
  description:
    "What an event earns in a project. A partner's own rules for an event replace the project-wide ones for that partner; when several rules apply, the one giving the highest amount wins (the oldest on a tie).",
  findUnique: (id, ctx) => ({ id, deletedAt: null, AND: [partnerRowFilterOrProject(ctx)] }),
  fields: (t) => ({
    project: t.relation("project"),
    partner: t.relation("partner", {
      nullable: true,
      description: "Set: this partner's own rate. Null: project-wide.",
    }),
    event: t.expose("event", { type: RewardEventEnum }),
    type: t.expose("type", { type: RewardTypeEnum }),
    flatAmount: t.field({
      type: Money,
      nullable: true,
      select: { flatAmount: true, project: { select: { currency: true } } },
      resolve: (r) => (r.flatAmount === null ? null : money(r.flatAmount, r.project.currency)),
    }),
    percentage: t.expose("percentage", {
      type: "Decimal",
      nullable: true,
      description: 'Percent of the sale\'s net amount, e.g. "12.5".',
    }),
    maxRecurringMonths: t.exposeInt("maxRecurringMonths", {
      nullable: true,
      description:
        "A customer's sales earn only this many months after the customer was first attributed; null: always.",
    }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
  }),
});

const CommissionLockStatusRef = builder.objectRef<LockStatus>("CommissionLockStatus").implement({
  description: "A commission period (a calendar month in the program's time zone) and whether it is locked.",
  fields: (t) => ({
    period: t.exposeString("period"),
    locked: t.exposeBoolean("locked"),
    lockedAt: t.expose("lockedAt", { type: "DateTime", nullable: true }),
    startsAt: t.expose("startsAt", { type: "DateTime", description: "Inclusive." }),
    endsAt: t.expose("endsAt", { type: "DateTime", description: "Exclusive." }),
  }),
});

const SyncReportRef = builder.objectRef<SyncReport>("SyncCommissionsPayload").implement({
  description: "What syncCommissions changed. Running it again reports only `unchanged` (and `skippedPaid`).",
  fields: (t) => ({
    period: t.exposeString("period"),
    created: t.exposeInt("created", { description: "Commissions created for events that earn but had none." }),
    updated: t.exposeInt("updated", { description: "Unpaid commissions whose amount or rule changed." }),
    voided: t.exposeInt("voided", {
      description: "Unpaid commissions no live rule pays any more: VOID (REVERSED when the sale was fully refunded).",
    }),
    unchanged: t.exposeInt("unchanged"),
    skippedPaid: t.exposeInt("skippedPaid", {
      description: "PAID commissions (or ones with clawbacks) that differ from today's rules: never rewritten.",
    }),
  }),
});

// Analytics ----------------------------------------------------------------------------------------------

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
    revenue: t.field({ type: Money, resolve: (r) => money(r.revenue, r.currency) }),
    commissions: t.field({ type: Money, resolve: (r) => money(r.commissions, r.currency) }),
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

// Inputs -------------------------------------------------------------------------------------------------

const TrackConversionInput = builder.inputType("TrackConversionInput", {
  description:
    "Idempotent on (projectId, externalId): the same call again returns the same conversion; the same externalId with other data is a CONFLICT.",
  fields: (t) => ({
    projectId: t.id({ required: true }),
    type: t.field({ type: ConversionTypeEnum, required: true }),
    externalId: t.string({ required: true, description: "Your id of the lead or order, unique per project." }),
    clickId: t.string({ description: "The pg_click value your landing page received (or the click's global ID)." }),
    code: t.string({
      description: "A link code: the last valid click on it within the attribution window attributes.",
    }),
    customerExternalId: t.string({
      description: "Your customer id: their first attributed partner keeps them for later sales.",
    }),
    amount: t.field({
      type: "Decimal",
      description: "Required for SALE: positive, at most the currency's minor unit.",
    }),
    currency: t.string({ description: "Default and only allowed value: the project's currency." }),
    occurredAt: t.field({
      type: "DateTime",
      description: "Default now. Decides the attribution window and the commission's period.",
    }),
  }),
});

const ConversionPayload = (name: string, withCreated: boolean) =>
  builder.objectRef<{ conversion: Conversion; created?: boolean }>(name).implement({
    fields: (t) => ({
      conversion: t.field({ type: ConversionRef, resolve: (p) => p.conversion }),
      ...(withCreated
        ? {
            created: t.boolean({
              description: "False when an identical earlier call had already recorded it.",
              resolve: (p) => p.created ?? false,
            }),
          }
        : {}),
    }),
  });

const RefundConversionInput = builder.inputType("RefundConversionInput", {
  fields: (t) => ({
    conversionId: t.id({ required: true }),
    amount: t.field({ type: "Decimal", description: "Default: everything not refunded yet." }),
  }),
});

const ruleFields = {
  flatAmount: { description: "FLAT: the amount in the project's currency." },
  percentage: { description: 'PERCENTAGE (SALE only): percent of the sale, e.g. "12.5" (at most 100, 4 places).' },
  maxRecurringMonths: {
    description: "SALE only: a customer's sales earn for this many months after their first attribution.",
  },
};

const CreateRewardRuleInput = builder.inputType("CreateRewardRuleInput", {
  fields: (t) => ({
    projectId: t.id({ required: true }),
    partnerId: t.id({ description: "A member partner's own rate, overriding the project's rules for this event." }),
    event: t.field({ type: RewardEventEnum, required: true }),
    type: t.field({ type: RewardTypeEnum, required: true }),
    flatAmount: t.field({ type: "Decimal", ...ruleFields.flatAmount }),
    percentage: t.field({ type: "Decimal", ...ruleFields.percentage }),
    maxRecurringMonths: t.int(ruleFields.maxRecurringMonths),
  }),
});

const UpdateRewardRuleInput = builder.inputType("UpdateRewardRuleInput", {
  description:
    "Only the fields present change; null clears an optional one. Applies to new events (and to syncCommissions).",
  fields: (t) => ({
    ruleId: t.id({ required: true }),
    event: t.field({ type: RewardEventEnum }),
    type: t.field({ type: RewardTypeEnum }),
    flatAmount: t.field({ type: "Decimal", ...ruleFields.flatAmount }),
    percentage: t.field({ type: "Decimal", ...ruleFields.percentage }),
    maxRecurringMonths: t.int(ruleFields.maxRecurringMonths),
  }),
});

const RuleIdInput = builder.inputType("DeleteRewardRuleInput", {
  fields: (t) => ({ ruleId: t.id({ required: true }) }),
});

const RulePayload = (name: string) =>
  builder
    .objectRef<{ rule: RewardRule }>(name)
    .implement({ fields: (t) => ({ rule: t.field({ type: RewardRuleRef, resolve: (p) => p.rule }) }) });

const SetCommissionStatusInput = builder.inputType("SetCommissionStatusInput", {
  fields: (t) => ({
    commissionId: t.id({ required: true }),
    status: t.field({
      type: CommissionStatusEnum,
      required: true,
      description: "APPROVED, PAID or VOID, as the transitions allow.",
    }),
  }),
});

const CommissionPayload = builder.objectRef<{ commission: Commission }>("SetCommissionStatusPayload").implement({
  fields: (t) => ({ commission: t.field({ type: CommissionRef, resolve: (p) => p.commission }) }),
});

const PeriodInput = builder.inputType("CommissionPeriodInput", {
  fields: (t) => ({
    programId: t.id({ required: true }),
    period: t.string({ required: true, description: '"YYYY-MM" in the program\'s time zone.' }),
  }),
});

const LockPayload = (name: string) =>
  builder
    .objectRef<LockStatus>(name)
    .implement({ fields: (t) => ({ status: t.field({ type: CommissionLockStatusRef, resolve: (s) => s }) }) });

const ConversionFilter = builder.inputType("ConversionFilter", {
  fields: (t) => ({
    projectId: t.id(),
    partnerId: t.id(),
    type: t.field({ type: ConversionTypeEnum }),
    status: t.field({ type: ConversionStatusEnum }),
    from: t.field({ type: "DateTime", description: "occurredAt, inclusive." }),
    to: t.field({ type: "DateTime", description: "occurredAt, exclusive." }),
  }),
});

const CommissionFilter = builder.inputType("CommissionFilter", {
  fields: (t) => ({
    projectId: t.id(),
    partnerId: t.id(),
    status: t.field({ type: CommissionStatusEnum }),
    period: t.string({ description: '"YYYY-MM".' }),
  }),
});

const LOCKABLE = [CommissionLockedError];

/** pg_click values are raw UUIDs; a Click global ID is accepted too. */
function clickToken(value: string | null | undefined): string | null {
  if (!value) return null;
  if (isUuid(value)) return value;
  try {
    const decoded = decodeGlobalID(value);
    if (decoded.typename === "Click" && isUuid(decoded.id)) return decoded.id;
  } catch {
    // fall through: an unknown click attributes nothing
  }
  return "00000000-0000-0000-0000-000000000000";
}

builder.queryFields((t) => ({
  conversions: t.prismaConnection(
    {
      type: "Conversion",
      cursor: "id",
      complexity: connectionComplexity,
      description: "A program's conversions, newest first. A partner sees only its own.",
      args: { programId: t.arg.id({ required: true }), filter: t.arg({ type: ConversionFilter }) },
      totalCount: (_p, args, ctx) => ctx.prisma.conversion.count({ where: conversionsWhere(ctx.principal, args) }),
      resolve: (query, _root, args, ctx) =>
        ctx.prisma.conversion.findMany({
          ...query,
          where: conversionsWhere(ctx.principal, args),
          orderBy: { id: "desc" },
        }),
    },
    builder.connectionObject({ type: ConversionRef, name: "ConversionConnection" }, { name: "ConversionEdge" }),
  ),
  commissions: t.prismaConnection(
    {
      type: "Commission",
      cursor: "id",
      complexity: connectionComplexity,
      description: "A program's commissions, newest first. A partner sees only its own.",
      args: { programId: t.arg.id({ required: true }), filter: t.arg({ type: CommissionFilter }) },
      totalCount: (_p, args, ctx) => ctx.prisma.commission.count({ where: commissionsWhere(ctx.principal, args) }),
      resolve: (query, _root, args, ctx) =>
        ctx.prisma.commission.findMany({
          ...query,
          where: commissionsWhere(ctx.principal, args),
          orderBy: { id: "desc" },
        }),
    },
    builder.connectionObject({ type: CommissionRef, name: "CommissionConnection" }, { name: "CommissionEdge" }),
  ),
  rewardRules: t.prismaConnection(
    {
      type: "RewardRule",
      cursor: "id",
      complexity: connectionComplexity,
      description: "A project's live reward rules, oldest first. A partner sees the project-wide rules and its own.",
      args: { projectId: t.arg.id({ required: true }), event: t.arg({ type: RewardEventEnum }) },
      totalCount: async (_p, args, ctx) =>
        ctx.prisma.rewardRule.count({
          where: rewardRuleListWhere(
            ctx,
            await visibleProject(ctx.prisma, ctx, rowId(args.projectId, "ReferralProject")),
            args.event,
          ),
        }),
      resolve: async (query, _root, args, ctx) => {
        const project = await visibleProject(ctx.prisma, ctx, rowId(args.projectId, "ReferralProject"));
        return ctx.prisma.rewardRule.findMany({
          ...query,
          where: rewardRuleListWhere(ctx, project, args.event),
          orderBy: { id: "asc" },
        });
      },
    },
    builder.connectionObject({ type: RewardRuleRef, name: "RewardRuleConnection" }, { name: "RewardRuleEdge" }),
  ),
  commissionLockStatus: t.field({
    type: CommissionLockStatusRef,
    description: "Whether a commission period is locked, and its bounds. Anyone with a role in the program may ask.",
    args: { programId: t.arg.id({ required: true }), period: t.arg.string({ required: true }) },
    resolve: (_root, args, ctx) => commissionLockStatus(ctx, rowId(args.programId, "Program"), args.period),
  }),
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

type Actor = Parameters<typeof conversionListWhere>[0];

function conversionsWhere(
  actor: Actor,
  args: {
    programId: string;
    filter?: {
      projectId?: string | null;
      partnerId?: string | null;
      type?: "LEAD" | "SALE" | null;
      status?: "ATTRIBUTED" | "UNATTRIBUTED" | "DISCARDED" | null;
      from?: Date | null;
      to?: Date | null;
    } | null;
  },
) {
  const f = args.filter ?? {};
  return conversionListWhere(actor, rowId(args.programId, "Program"), {
    ...f,
    projectId: optionalRowId(f.projectId, "ReferralProject"),
    partnerId: optionalRowId(f.partnerId, "Partner"),
  });
}

function commissionsWhere(
  actor: Actor,
  args: {
    programId: string;
    filter?: {
      projectId?: string | null;
      partnerId?: string | null;
      status?: Commission["status"] | null;
      period?: string | null;
    } | null;
  },
) {
  const f = args.filter ?? {};
  return commissionListWhere(actor, rowId(args.programId, "Program"), {
    ...f,
    projectId: optionalRowId(f.projectId, "ReferralProject"),
    partnerId: optionalRowId(f.partnerId, "Partner"),
  });
}

builder.mutationFields((t) => ({
  trackConversion: t.field({
    type: ConversionPayload("TrackConversionPayload", true),
    description:
      "Record a lead or sale (the program's secret key, server to server, or its managers). Idempotent on (projectId, externalId).",
    args: { input: t.arg({ type: TrackConversionInput, required: true }) },
    errors: { types: [...WRITE_ERRORS, ...LOCKABLE], directResult: true, union: { name: "TrackConversionResult" } },
    resolve: (_root, { input: { projectId, clickId, ...input } }, ctx) =>
      trackConversion(ctx, rowId(projectId, "ReferralProject"), { ...input, clickId: clickToken(clickId) }),
  }),
  refundConversion: t.field({
    type: ConversionPayload("RefundConversionPayload", false),
    description:
      "Refund all or part of a sale (the program's managers). An unpaid commission in an open period shrinks (REVERSED when nothing is left); a paid one stays and a negative clawback commission is written in the current period.",
    args: { input: t.arg({ type: RefundConversionInput, required: true }) },
    errors: { types: [...WRITE_ERRORS, ...LOCKABLE], directResult: true, union: { name: "RefundConversionResult" } },
    resolve: async (_root, { input }, ctx) => ({
      conversion: await refundConversion(ctx, rowId(input.conversionId, "Conversion"), input.amount),
    }),
  }),
  createRewardRule: t.field({
    type: RulePayload("CreateRewardRulePayload"),
    description:
      "Add a reward rule to a project (the program's managers). When several rules apply to an event, the highest amount wins.",
    args: { input: t.arg({ type: CreateRewardRuleInput, required: true }) },
    errors: { types: WRITE_ERRORS, directResult: true, union: { name: "CreateRewardRuleResult" } },
    resolve: async (_root, { input: { projectId, partnerId, ...input } }, ctx) => ({
      rule: await createRewardRule(
        ctx,
        rowId(projectId, "ReferralProject"),
        optionalRowId(partnerId, "Partner") ?? null,
        input,
      ),
    }),
  }),
  updateRewardRule: t.field({
    type: RulePayload("UpdateRewardRulePayload"),
    description:
      "Change a reward rule (the program's managers); commissions already made keep their amounts until syncCommissions.",
    args: { input: t.arg({ type: UpdateRewardRuleInput, required: true }) },
    errors: { types: WRITE_ERRORS, directResult: true, union: { name: "UpdateRewardRuleResult" } },
    resolve: async (_root, { input: { ruleId, ...patch } }, ctx) => ({
      rule: await updateRewardRule(ctx, rowId(ruleId, "RewardRule"), patch),
    }),
  }),
  deleteRewardRule: t.field({
    type: RulePayload("DeleteRewardRulePayload"),
    description: "Stop a reward rule applying to new events (the program's managers). Its commissions stay.",
    args: { input: t.arg({ type: RuleIdInput, required: true }) },
    errors: { types: WRITE_ERRORS, directResult: true, union: { name: "DeleteRewardRuleResult" } },
    resolve: async (_root, { input }, ctx) => ({
      rule: await deleteRewardRule(ctx, rowId(input.ruleId, "RewardRule")),
    }),
  }),
  setCommissionStatus: t.field({
    type: CommissionPayload,
    description:
      "Approve, pay or void a commission (the program's managers). Illegal transitions are InvalidTransitionError; locked periods CommissionLockedError.",
    args: { input: t.arg({ type: SetCommissionStatusInput, required: true }) },
    errors: {
      types: [...WRITE_ERRORS, ...LOCKABLE, InvalidTransitionError],
      directResult: true,
      union: { name: "SetCommissionStatusResult" },
    },
    resolve: async (_root, { input }, ctx) => ({
      commission: await setCommissionStatus(ctx, rowId(input.commissionId, "Commission"), input.status),
    }),
  }),
  lockCommissionPeriod: t.field({
    type: LockPayload("LockCommissionPeriodPayload"),
    description:
      "Close a period (the program's managers): nothing in it may be created or changed until it is unlocked. Locking twice is harmless.",
    args: { input: t.arg({ type: PeriodInput, required: true }) },
    errors: { types: WRITE_ERRORS, directResult: true, union: { name: "LockCommissionPeriodResult" } },
    resolve: (_root, { input }, ctx) => lockCommissionPeriod(ctx, rowId(input.programId, "Program"), input.period),
  }),
  unlockCommissionPeriod: t.field({
    type: LockPayload("UnlockCommissionPeriodPayload"),
    description: "Reopen a period (the program's managers).",
    args: { input: t.arg({ type: PeriodInput, required: true }) },
    errors: { types: WRITE_ERRORS, directResult: true, union: { name: "UnlockCommissionPeriodResult" } },
    resolve: (_root, { input }, ctx) => unlockCommissionPeriod(ctx, rowId(input.programId, "Program"), input.period),
  }),
  syncCommissions: t.field({
    type: SyncReportRef,
    description:
      "Recompute a period's commissions from its conversions, clicks and today's rules (the program's managers); idempotent; reports what changed.",
    args: { input: t.arg({ type: PeriodInput, required: true }) },
    errors: { types: [...WRITE_ERRORS, ...LOCKABLE], directResult: true, union: { name: "SyncCommissionsResult" } },
    resolve: (_root, { input }, ctx) => syncCommissions(ctx, rowId(input.programId, "Program"), input.period),
  }),
}));
