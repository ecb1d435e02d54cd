// Reward rules: what a click, lead or sale earns in a project: types, the rewardRules connection and the rule
// mutations (thin: decode ids, call the domain, shape results).
import { COMMISSION_ROUNDING } from "../../domain/kernel/money.js";
import { visibleProject } from "../../domain/referrals/projects.js";
import { createRewardRule, deleteRewardRule, updateRewardRule } from "../../domain/referrals/rules.js";
import { rewardRuleList, visibleRewardRules } from "../../domain/referrals/scope.js";
import type { RewardRule } from "../../generated/prisma/client.js";
import { RewardEvent, RewardType } from "../../generated/prisma/enums.js";
import { builder, connectionComplexity } from "../builder.js";
import { connectionWhere } from "../connections.js";
import { WRITE_ERRORS } from "../errors.js";
import { optionalRowId, rowId } from "../ids.js";
import { Money } from "../scalars.js";

export const RewardEventEnum = builder.enumType(RewardEvent, { name: "RewardEvent" });

const RewardTypeEnum = builder.enumType(RewardType, {
  name: "RewardType",
  description: `FLAT: a fixed amount in the project's currency. PERCENTAGE: a percent of the sale's net amount (SALE only), rounded to the currency's minor unit ${COMMISSION_ROUNDING} (halves away from zero: 10% of 1.25 EUR = 0.13).`,
});

const RewardRuleRef = builder.prismaNode("RewardRule", {
  nullable: true,
  id: { field: "id" },
  description:
    "What an event earns in a project. A partner's own rules for an event replace the project-wide ones for that partner; when several rules apply, the one giving the highest amount wins (the oldest on a tie).",
  findUnique: (id, ctx) => ({ id, deletedAt: null, AND: [visibleRewardRules(ctx.principal)] }),
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
      resolve: (r) => (r.flatAmount === null ? null : { amount: r.flatAmount, currency: r.project.currency }),
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

/** The rules connection's filter: the project is looked up (NOT_FOUND unless visible) once per field call. */
const rulesWhere = connectionWhere(async (args: { projectId: string; event?: RewardEvent | null }, ctx) =>
  rewardRuleList(
    ctx.principal,
    await visibleProject(ctx.prisma, ctx, rowId(args.projectId, "ReferralProject")),
    args.event,
  ),
);

builder.queryFields((t) => ({
  rewardRules: t.prismaConnection(
    {
      type: "RewardRule",
      cursor: "id",
      complexity: connectionComplexity,
      description: "A project's live reward rules, oldest first. A partner sees the project-wide rules and its own.",
      args: { projectId: t.arg.id({ required: true }), event: t.arg({ type: RewardEventEnum }) },
      totalCount: async (_p, args, ctx) => ctx.prisma.rewardRule.count({ where: await rulesWhere(args, ctx) }),
      resolve: async (query, _root, args, ctx) =>
        ctx.prisma.rewardRule.findMany({ ...query, where: await rulesWhere(args, ctx), orderBy: { id: "asc" } }),
    },
    builder.connectionObject({ type: RewardRuleRef, name: "RewardRuleConnection" }, { name: "RewardRuleEdge" }),
  ),
}));

builder.mutationFields((t) => ({
  createRewardRule: t.field({
    type: RulePayload("CreateRewardRulePayload"),
    description:
      "Add a reward rule to a project (the program's managers). When several rules apply to an event, the highest amount wins.",
    args: { input: t.arg({ type: CreateRewardRuleInput, required: true }) },
    errors: { types: WRITE_ERRORS },
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
    errors: { types: WRITE_ERRORS },
    resolve: async (_root, { input: { ruleId, ...patch } }, ctx) => ({
      rule: await updateRewardRule(ctx, rowId(ruleId, "RewardRule"), patch),
    }),
  }),
  deleteRewardRule: t.field({
    type: RulePayload("DeleteRewardRulePayload"),
    description: "Stop a reward rule applying to new events (the program's managers). Its commissions stay.",
    args: { input: t.arg({ type: RuleIdInput, required: true }) },
    errors: { types: WRITE_ERRORS },
    resolve: async (_root, { input }, ctx) => ({
      rule: await deleteRewardRule(ctx, rowId(input.ruleId, "RewardRule")),
    }),
  }),
}));
