// Conversions: leads and sales the program reports, their attribution and refunds: types, the conversions
// connection, trackConversion and refundConversion (thin: decode ids, call the domain, shape results).

import { decodeGlobalId } from "../../domain/kernel/ids.js";
import { partnerRows } from "../../domain/kernel/row-filters.js";
import { isUuid } from "../../domain/kernel/values.js";
import { refundConversion, trackConversion } from "../../domain/referrals/conversions.js";
import { type ConversionListFilter, conversionList } from "../../domain/referrals/scope.js";
import type { Conversion } from "../../generated/prisma/client.js";
import { AttributionSource, ConversionStatus, ConversionType } from "../../generated/prisma/enums.js";
import { builder, connectionComplexity } from "../builder.js";
import { connectionWhere } from "../connections.js";
import { WRITE_ERRORS } from "../errors.js";
import { optionalRowId, rowId } from "../ids.js";
import { Money } from "../scalars.js";
import { PERIOD_LOCK_ERRORS } from "./periods.js";

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

const ConversionRef = builder.prismaNode("Conversion", {
  nullable: true,
  id: { field: "id" },
  description:
    "A lead or sale reported by the program, attributed to a partner when a click, code or returning customer names one.",
  findUnique: (id, ctx) => ({ id, AND: [partnerRows(ctx.principal)] }),
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
      resolve: (c) => (c.amount === null ? null : { amount: c.amount, currency: c.currency }),
    }),
    refundedAmount: t.field({
      type: Money,
      select: { refundedAmount: true, currency: true },
      resolve: (c) => ({ amount: c.refundedAmount, currency: c.currency }),
    }),
    occurredAt: t.expose("occurredAt", { type: "DateTime" }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    commissions: t.relation("commissions", {
      description: "Its earning commission and any clawbacks, oldest first.",
      query: { orderBy: { id: "asc" } },
    }),
  }),
});

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

/** pg_click values are raw UUIDs; a Click global ID is accepted too. An unknown click attributes nothing. */
function clickToken(value: string | null | undefined): string | null {
  if (!value) return null;
  if (isUuid(value)) return value;
  return decodeGlobalId(value, "Click") ?? "00000000-0000-0000-0000-000000000000";
}

builder.queryFields((t) => ({
  conversions: t.prismaConnection(
    {
      type: "Conversion",
      cursor: "id",
      complexity: connectionComplexity,
      description: "A program's conversions, newest first. A partner sees only its own.",
      args: { programId: t.arg.id({ required: true }), filter: t.arg({ type: ConversionFilter }) },
      totalCount: (_p, args, ctx) => ctx.prisma.conversion.count({ where: conversionsWhere(args, ctx) }),
      resolve: (query, _root, args, ctx) =>
        ctx.prisma.conversion.findMany({
          ...query,
          where: conversionsWhere(args, ctx),
          orderBy: { id: "desc" },
        }),
    },
    builder.connectionObject({ type: ConversionRef, name: "ConversionConnection" }, { name: "ConversionEdge" }),
  ),
}));

const conversionsWhere = connectionWhere(
  (
    args: {
      programId: string;
      filter?: ConversionListFilter | null;
    },
    ctx,
  ) => {
    const f = args.filter ?? {};
    return conversionList(ctx.principal, rowId(args.programId, "Program"), {
      ...f,
      projectId: optionalRowId(f.projectId, "ReferralProject"),
      partnerId: optionalRowId(f.partnerId, "Partner"),
    });
  },
);

builder.mutationFields((t) => ({
  trackConversion: t.field({
    type: ConversionPayload("TrackConversionPayload", true),
    description:
      "Record a lead or sale (the program's secret key, server to server, or its managers). Idempotent on (projectId, externalId).",
    args: { input: t.arg({ type: TrackConversionInput, required: true }) },
    errors: {
      types: [...WRITE_ERRORS, ...PERIOD_LOCK_ERRORS],
    },
    resolve: (_root, { input: { projectId, clickId, ...input } }, ctx) =>
      trackConversion(ctx, rowId(projectId, "ReferralProject"), { ...input, clickId: clickToken(clickId) }),
  }),
  refundConversion: t.field({
    type: ConversionPayload("RefundConversionPayload", false),
    description:
      "Refund all or part of a sale (the program's managers). An unpaid commission in an open period shrinks (REVERSED when nothing is left); a paid one stays and a negative clawback commission is written in the current period.",
    args: { input: t.arg({ type: RefundConversionInput, required: true }) },
    errors: {
      types: [...WRITE_ERRORS, ...PERIOD_LOCK_ERRORS],
    },
    resolve: async (_root, { input }, ctx) => ({
      conversion: await refundConversion(ctx, rowId(input.conversionId, "Conversion"), input.amount),
    }),
  }),
}));
