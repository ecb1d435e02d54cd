import { partnerFilter } from "../domain/auth/principal.js";
import {
  createPartner,
  partnerByExternalIdWhere,
  partnerByIdWhere,
  partnerListWhere,
  requirePartner,
  updatePartner,
} from "../domain/partners.js";
import { ErrorCode } from "../domain/errors.js";
import type { Partner } from "../generated/prisma/client.js";
import { PartnerStatus } from "../generated/prisma/enums.js";
import { builder, connectionComplexity } from "./builder.js";
import { WRITE_ERRORS } from "./errors.js";
import { rowId } from "./ids.js";
import { Money } from "./scalars.js";

export const PartnerStatusEnum = builder.enumType(PartnerStatus, {
  name: "PartnerStatus",
  description: "ENABLED partners work normally; DISABLED partners' keys stop authorizing partner actions.",
});

export const PartnerRef = builder.prismaNode("Partner", {
  id: { field: "id" },
  description: "A company or person that sells for, refers to, or awards points on behalf of a program.",
  findUnique: (id, ctx) => ({ id, AND: [partnerFilter(ctx.principal)] }),
  fields: (t) => ({
    program: t.relation("program"),
    name: t.exposeString("name"),
    description: t.exposeString("description", { nullable: true }),
    externalId: t.exposeString("externalId", {
      nullable: true,
      description: "The brand's own identifier for the partner; unique within the program.",
    }),
    category: t.exposeString("category", { nullable: true, description: "Reporting category, e.g. Hospitality." }),
    costPerPoint: t.field({
      type: Money,
      description: "What the partner pays the program for each point it awards.",
      select: { costPerPoint: true, program: { select: { currency: true } } },
      resolve: (p) => ({ amount: p.costPerPoint, currency: p.program.currency }),
    }),
    pointConversionRate: t.expose("pointConversionRate", {
      type: "Decimal",
      nullable: true,
      description: "Points the partner awards per currency unit; null means the program's rate; 0 means none.",
    }),
    effectivePointConversionRate: t.field({
      type: "Decimal",
      description: "The rate that applies: the partner's own, or else the program's.",
      select: { pointConversionRate: true, program: { select: { pointsPerCurrencyUnit: true } } },
      resolve: (p) => p.pointConversionRate ?? p.program.pointsPerCurrencyUnit,
    }),
    status: t.expose("status", { type: PartnerStatusEnum }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
  }),
});

/** One connection type for partner lists, wherever they appear. */
export const PartnerConnection = builder.connectionObject({ type: PartnerRef, name: "PartnerConnection" }, { name: "PartnerEdge" });

const PartnerFilter = builder.inputType("PartnerFilter", {
  fields: (t) => ({
    status: t.field({ type: PartnerStatusEnum }),
    category: t.string(),
    search: t.string({ description: "Case-insensitive part of the name, or an exact external ID." }),
  }),
});

const CreatePartnerInput = builder.inputType("CreatePartnerInput", {
  fields: (t) => ({
    programId: t.id({ required: true }),
    name: t.string({ required: true }),
    description: t.string(),
    externalId: t.string({ description: "Your own identifier for the partner; unique within the program." }),
    category: t.string(),
    costPerPoint: t.field({ type: "Decimal", description: 'Money per point, up to 6 decimal places. Default "0".' }),
    pointConversionRate: t.field({ type: "Decimal", description: "Points per currency unit; omit or null for the program's rate." }),
    status: t.field({ type: PartnerStatusEnum, description: "Default ENABLED." }),
  }),
});

const UpdatePartnerInput = builder.inputType("UpdatePartnerInput", {
  description: "Only the fields present change; null clears an optional field.",
  fields: (t) => ({
    id: t.id({ required: true }),
    name: t.string(),
    description: t.string(),
    externalId: t.string(),
    category: t.string(),
    costPerPoint: t.field({ type: "Decimal" }),
    pointConversionRate: t.field({ type: "Decimal" }),
    status: t.field({ type: PartnerStatusEnum }),
  }),
});

const CreatePartnerPayload = builder.objectRef<{ partner: Partner; apiKey: string }>("CreatePartnerPayload").implement({
  fields: (t) => ({
    partner: t.field({ type: PartnerRef, resolve: (p) => p.partner }),
    apiKey: t.exposeString("apiKey", { description: "The partner's API key. Shown only here, never again: store it now." }),
  }),
});

const UpdatePartnerPayload = builder.objectRef<{ partner: Partner }>("UpdatePartnerPayload").implement({
  fields: (t) => ({ partner: t.field({ type: PartnerRef, resolve: (p) => p.partner }) }),
});

builder.queryFields((t) => ({
  partner: t.prismaField({
    type: "Partner",
    nullable: true,
    description: "A partner by global ID. Fails with PARTNER_NOT_FOUND when it does not exist or is not visible.",
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _root, args, ctx) =>
      requirePartner(
        await ctx.prisma.partner.findFirst({
          ...query,
          where: partnerByIdWhere(ctx.principal, rowId(args.id, "Partner", ErrorCode.PARTNER_NOT_FOUND)),
        }),
      ),
  }),
  partnerByExternalId: t.prismaField({
    type: "Partner",
    nullable: true,
    description: "A partner by the brand's own identifier. Fails with PARTNER_NOT_FOUND like `partner`.",
    args: { programId: t.arg.id({ required: true }), externalId: t.arg.string({ required: true }) },
    resolve: async (query, _root, args, ctx) =>
      requirePartner(
        await ctx.prisma.partner.findFirst({
          ...query,
          where: partnerByExternalIdWhere(ctx.principal, rowId(args.programId, "Program"), args.externalId),
        }),
      ),
  }),
  partners: t.prismaConnection({
    type: "Partner",
    cursor: "id",
    complexity: connectionComplexity,
    totalCount: (_parent, args, ctx) =>
      ctx.prisma.partner.count({ where: partnerListWhere(ctx.principal, rowId(args.programId, "Program"), args.filter ?? {}) }),
    description: "A program's partners, oldest first, optionally filtered. A partner key sees only itself.",
    args: { programId: t.arg.id({ required: true }), filter: t.arg({ type: PartnerFilter }) },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.partner.findMany({
        ...query,
        where: partnerListWhere(ctx.principal, rowId(args.programId, "Program"), args.filter ?? {}),
        orderBy: { id: "asc" },
      }),
  }, PartnerConnection),
}));

builder.mutationFields((t) => ({
  createPartner: t.field({
    type: CreatePartnerPayload,
    description: "Add a partner to a program (admin or the program's key). Returns the partner's API key once.",
    args: { input: t.arg({ type: CreatePartnerInput, required: true }) },
    errors: { types: WRITE_ERRORS, directResult: true, union: { name: "CreatePartnerResult" } },
    resolve: (_root, { input }, ctx) =>
      createPartner(ctx, ctx.principal, { ...input, programId: rowId(input.programId, "Program") }),
  }),
  updatePartner: t.field({
    type: UpdatePartnerPayload,
    description: "Change a partner's fields (admin or the program's key).",
    args: { input: t.arg({ type: UpdatePartnerInput, required: true }) },
    errors: { types: WRITE_ERRORS, directResult: true, union: { name: "UpdatePartnerResult" } },
    resolve: async (_root, { input: { id, ...patch } }, ctx) => ({
      partner: await updatePartner(ctx, ctx.principal, rowId(id, "Partner", ErrorCode.PARTNER_NOT_FOUND), patch),
    }),
  }),
}));
