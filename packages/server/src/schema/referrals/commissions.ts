// Commissions: what partners earned, their statuses and transitions, the commissions connection,
// setCommissionStatus and syncCommissions (thin: decode ids, call the domain, shape results).

import { InvalidTransitionError } from "../../domain/kernel/errors.js";
import { partnerRows } from "../../domain/kernel/row-filters.js";
import { type SyncReport, setCommissionStatus, syncCommissions } from "../../domain/referrals/commissions.js";
import { type CommissionListFilter, commissionList, visibleRewardRules } from "../../domain/referrals/scope.js";
import type { Commission } from "../../generated/prisma/client.js";
import { CommissionKind } from "../../generated/prisma/enums.js";
import { builder, connectionComplexity } from "../builder.js";
import { connectionWhere } from "../connections.js";
import { ErrorInterface, WRITE_ERRORS } from "../errors.js";
import { optionalRowId, rowId } from "../ids.js";
import { Money } from "../scalars.js";
import { PERIOD_LOCK_ERRORS, PeriodInput } from "./periods.js";
import { RewardEventEnum } from "./rules.js";

export const CommissionStatusEnum = builder.enumType("CommissionStatus", {
  description:
    "PENDING → APPROVED → PAID; PENDING or APPROVED → VOID (a manager's decision); PENDING or APPROVED → REVERSED (a full refund, never asked for directly).",
  values: ["PENDING", "APPROVED", "PAID", "VOID", "REVERSED"] as const,
});

builder.objectType(InvalidTransitionError, {
  name: "InvalidTransitionError",
  description: "The commission's status cannot change that way (see CommissionStatus). Nothing was written.",
  interfaces: [ErrorInterface],
  isTypeOf: (e) => e instanceof InvalidTransitionError,
  fields: (t) => ({
    from: t.field({ type: CommissionStatusEnum, resolve: (e) => e.from }),
    to: t.field({ type: CommissionStatusEnum, resolve: (e) => e.to }),
  }),
});

const CommissionKindEnum = builder.enumType(CommissionKind, { name: "CommissionKind" });

const CommissionRef = builder.prismaNode("Commission", {
  nullable: true,
  id: { field: "id" },
  description:
    "What a partner earned for one click, lead or sale (or a negative clawback of it), in a calendar month of the program's time zone.",
  findUnique: (id, ctx) => ({ id, AND: [partnerRows(ctx.principal)] }),
  fields: (t) => ({
    kind: t.expose("kind", { type: CommissionKindEnum }),
    event: t.expose("event", { type: RewardEventEnum }),
    status: t.expose("status", { type: CommissionStatusEnum }),
    amount: t.field({
      type: Money,
      description: "Negative for a clawback.",
      select: { amount: true, currency: true },
      resolve: (c) => ({ amount: c.amount, currency: c.currency }),
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
          ? ctx.prisma.rewardRule.findFirst({ ...query, where: { id: c.ruleId, ...visibleRewardRules(ctx.principal) } })
          : null,
    }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
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

const CommissionFilter = builder.inputType("CommissionFilter", {
  fields: (t) => ({
    projectId: t.id(),
    partnerId: t.id(),
    status: t.field({ type: CommissionStatusEnum }),
    period: t.string({ description: '"YYYY-MM".' }),
  }),
});

builder.queryFields((t) => ({
  commissions: t.prismaConnection(
    {
      type: "Commission",
      cursor: "id",
      complexity: connectionComplexity,
      description: "A program's commissions, newest first. A partner sees only its own.",
      args: { programId: t.arg.id({ required: true }), filter: t.arg({ type: CommissionFilter }) },
      totalCount: (_p, args, ctx) => ctx.prisma.commission.count({ where: commissionsWhere(args, ctx) }),
      resolve: (query, _root, args, ctx) =>
        ctx.prisma.commission.findMany({
          ...query,
          where: commissionsWhere(args, ctx),
          orderBy: { id: "desc" },
        }),
    },
    builder.connectionObject({ type: CommissionRef, name: "CommissionConnection" }, { name: "CommissionEdge" }),
  ),
}));

const commissionsWhere = connectionWhere(
  (
    args: {
      programId: string;
      filter?: CommissionListFilter | null;
    },
    ctx,
  ) => {
    const f = args.filter ?? {};
    return commissionList(ctx.principal, rowId(args.programId, "Program"), {
      ...f,
      projectId: optionalRowId(f.projectId, "ReferralProject"),
      partnerId: optionalRowId(f.partnerId, "Partner"),
    });
  },
);

builder.mutationFields((t) => ({
  setCommissionStatus: t.field({
    type: CommissionPayload,
    description:
      "Approve, pay or void a commission (the program's managers). Illegal transitions are InvalidTransitionError; locked periods CommissionLockedError.",
    args: { input: t.arg({ type: SetCommissionStatusInput, required: true }) },
    errors: {
      types: [...WRITE_ERRORS, ...PERIOD_LOCK_ERRORS, InvalidTransitionError],
    },
    resolve: async (_root, { input }, ctx) => ({
      commission: await setCommissionStatus(ctx, rowId(input.commissionId, "Commission"), input.status),
    }),
  }),
  syncCommissions: t.field({
    type: SyncReportRef,
    description:
      "Recompute a period's commissions from its conversions, clicks and today's rules (the program's managers); idempotent; reports what changed.",
    args: { input: t.arg({ type: PeriodInput, required: true }) },
    errors: {
      types: [...WRITE_ERRORS, ...PERIOD_LOCK_ERRORS],
    },
    resolve: (_root, { input }, ctx) => syncCommissions(ctx, rowId(input.programId, "Program"), input.period),
  }),
}));
