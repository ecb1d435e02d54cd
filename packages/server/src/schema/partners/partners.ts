import { ErrorCode, NotConfiguredError, ValidationError } from "../../domain/kernel/errors.js";
import { canManageProgram } from "../../domain/kernel/principal.js";
import {
  createPartner,
  type PartnerRef as DomainPartnerRef,
  deletePartner,
  requirePartner,
  revokePartnerApiKey,
  rotatePartnerApiKey,
  setPartnerStatus,
  updatePartner,
} from "../../domain/partners/partners.js";
import {
  type PartnerListFilter,
  partnerByExternalId,
  partnerById,
  partnerList,
  visiblePartners,
} from "../../domain/partners/scope.js";
import type { Partner } from "../../generated/prisma/client.js";
import { PartnerStatus } from "../../generated/prisma/enums.js";
import { builder, connectionComplexity } from "../builder.js";
import { connectionWhere } from "../connections.js";
import { WRITE_ERRORS } from "../errors.js";
import { optionalRowId, rowId } from "../ids.js";
import { Money } from "../scalars.js";

export const PartnerStatusEnum = builder.enumType(PartnerStatus, {
  name: "PartnerStatus",
  description:
    "ENABLED partners work normally; a DISABLED partner's keys and sessions stop authorizing partner actions.",
});

const ApiKeyInfo = builder
  .objectRef<{ prefix: string; createdAt: Date; lastUsedAt: Date | null }>("ApiKeyInfo")
  .implement({
    description: "A key's visible part and use. The key itself is shown once, when it is created, and never again.",
    fields: (t) => ({
      prefix: t.exposeString("prefix", { description: "The first characters of the key, to tell keys apart." }),
      createdAt: t.expose("createdAt", { type: "DateTime" }),
      lastUsedAt: t.expose("lastUsedAt", {
        type: "DateTime",
        nullable: true,
        description: "Refreshed at most once a minute.",
      }),
    }),
  });

export const PartnerRef = builder.prismaNode("Partner", {
  // Unknown or invisible ids resolve `node` to null instead of throwing.
  nullable: true,
  id: { field: "id" },
  description: "A company or person that sells for, refers to, or awards points on behalf of a program.",
  findUnique: (id, ctx) => ({ id, AND: [visiblePartners(ctx.principal)] }),
  fields: (t) => ({
    program: t.relation("program"),
    name: t.exposeString("name"),
    description: t.exposeString("description", { nullable: true }),
    externalId: t.exposeString("externalId", {
      nullable: true,
      description: "The brand's own identifier for the partner; unique within the program.",
    }),
    category: t.relation("category", { nullable: true, description: "Reporting category, e.g. Hospitality." }),
    costPerPoint: t.field({
      type: Money,
      description: "What the partner pays the program for each point it awards.",
      select: { costPerPoint: true, program: { select: { currency: true } } },
      resolve: (p) => ({ amount: p.costPerPoint, currency: p.program.currency ?? "" }),
    }),
    pointConversionRate: t.expose("pointConversionRate", {
      type: "Decimal",
      nullable: true,
      description: "Points the partner awards per currency unit; null means the program's rate; 0 means none.",
    }),
    effectivePointConversionRate: t.field({
      type: "Decimal",
      nullable: true,
      description: "The rate that applies: the partner's own, or else the program's.",
      select: { pointConversionRate: true, program: { select: { pointsPerCurrencyUnit: true } } },
      resolve: (p) => p.pointConversionRate ?? p.program.pointsPerCurrencyUnit,
    }),
    status: t.expose("status", { type: PartnerStatusEnum }),
    apiKey: t.field({
      type: ApiKeyInfo,
      nullable: true,
      description: "The partner's active API key (null after revocation). Visible to its program's managers.",
      select: {
        programId: true,
        apiKeys: {
          where: { revokedAt: null },
          orderBy: { createdAt: "desc" },
          take: 1,
          select: { prefix: true, createdAt: true, lastUsedAt: true },
        },
      },
      resolve: (p, _args, ctx) => (canManageProgram(ctx.principal, p.programId) ? (p.apiKeys[0] ?? null) : null),
    }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
  }),
});

/** One connection type for partner lists, wherever they appear. */
export const PartnerConnection = builder.connectionObject(
  { type: PartnerRef, name: "PartnerConnection" },
  { name: "PartnerEdge" },
);

const ExternalPartnerId = builder.inputType("ExternalPartnerId", {
  fields: (t) => ({ programId: t.id({ required: true }), externalId: t.string({ required: true }) }),
});

export const PartnerRefInput = builder.inputType("PartnerRef", {
  isOneOf: true,
  description: "Names a partner by its global ID, or by your own external ID within a program: exactly one of the two.",
  fields: (t) => ({ id: t.id(), external: t.field({ type: ExternalPartnerId }) }),
});

export function partnerRef(ref: {
  id?: string | null;
  external?: { programId: string; externalId: string } | null;
}): DomainPartnerRef {
  if (ref.id) return { id: rowId(ref.id, "Partner", ErrorCode.PARTNER_NOT_FOUND) };
  if (ref.external) return { programId: rowId(ref.external.programId, "Program"), externalId: ref.external.externalId };
  throw new ValidationError([{ path: "partner", message: "give id or external" }]);
}

const PartnerFilter = builder.inputType("PartnerFilter", {
  fields: (t) => ({
    status: t.field({ type: PartnerStatusEnum }),
    categoryId: t.id(),
    search: t.string({ description: "Case-insensitive part of the name, or an exact external ID." }),
  }),
});

const CreatePartnerInput = builder.inputType("CreatePartnerInput", {
  fields: (t) => ({
    programId: t.id({ required: true }),
    name: t.string({ required: true }),
    description: t.string(),
    externalId: t.string({ description: "Your own identifier for the partner; unique within the program." }),
    categoryId: t.id({ description: "One of the program's partner categories." }),
    costPerPoint: t.field({ type: "Decimal", description: 'Money per point, up to 6 decimal places. Default "0".' }),
    pointConversionRate: t.field({
      type: "Decimal",
      description: "Points per currency unit; omit or null for the program's rate.",
    }),
    status: t.field({ type: PartnerStatusEnum, description: "Default ENABLED." }),
  }),
});

const UpdatePartnerInput = builder.inputType("UpdatePartnerInput", {
  description:
    "Only the fields present change; null clears an optional field. Status changes through setPartnerStatus.",
  fields: (t) => ({
    partner: t.field({ type: PartnerRefInput, required: true }),
    name: t.string(),
    description: t.string(),
    externalId: t.string(),
    categoryId: t.id(),
    costPerPoint: t.field({ type: "Decimal" }),
    pointConversionRate: t.field({ type: "Decimal" }),
  }),
});

const SetPartnerStatusInput = builder.inputType("SetPartnerStatusInput", {
  fields: (t) => ({
    partner: t.field({ type: PartnerRefInput, required: true }),
    status: t.field({ type: PartnerStatusEnum, required: true }),
  }),
});

const PartnerInput = builder.inputType("PartnerInput", {
  fields: (t) => ({ partner: t.field({ type: PartnerRefInput, required: true }) }),
});

const PartnerWithKeyPayload = (name: string, keyDescription: string) =>
  builder.objectRef<{ partner: Partner; apiKey: string }>(name).implement({
    fields: (t) => ({
      partner: t.field({ type: PartnerRef, resolve: (p) => p.partner }),
      apiKey: t.exposeString("apiKey", { description: keyDescription }),
    }),
  });

const PartnerPayload = (name: string) =>
  builder.objectRef<{ partner: Partner }>(name).implement({
    fields: (t) => ({ partner: t.field({ type: PartnerRef, resolve: (p) => p.partner }) }),
  });

const partnersWhere = connectionWhere(
  (
    args: {
      programId: string;
      filter?: PartnerListFilter | null;
    },
    ctx,
  ) => {
    const filter = args.filter ?? {};
    return partnerList(ctx.principal, rowId(args.programId, "Program"), {
      ...filter,
      categoryId: optionalRowId(filter.categoryId, "PartnerCategory"),
    });
  },
);

builder.queryFields((t) => ({
  partner: t.prismaField({
    type: "Partner",
    nullable: true,
    description:
      "A partner by global ID. Fails with PARTNER_NOT_FOUND when it does not exist, was deleted, or is not visible.",
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _root, args, ctx) =>
      requirePartner(
        await ctx.prisma.partner.findFirst({
          ...query,
          where: partnerById(ctx.principal, rowId(args.id, "Partner", ErrorCode.PARTNER_NOT_FOUND)),
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
          where: partnerByExternalId(ctx.principal, rowId(args.programId, "Program"), args.externalId),
        }),
      ),
  }),
  partners: t.prismaConnection(
    {
      type: "Partner",
      cursor: "id",
      complexity: connectionComplexity,
      description: "A program's partners, oldest first, optionally filtered. A partner sees only itself.",
      args: { programId: t.arg.id({ required: true }), filter: t.arg({ type: PartnerFilter }) },
      totalCount: (_parent, args, ctx) => ctx.prisma.partner.count({ where: partnersWhere(args, ctx) }),
      resolve: (query, _root, args, ctx) =>
        ctx.prisma.partner.findMany({ ...query, where: partnersWhere(args, ctx), orderBy: { id: "asc" } }),
    },
    PartnerConnection,
  ),
}));

builder.mutationFields((t) => ({
  createPartner: t.field({
    type: PartnerWithKeyPayload(
      "CreatePartnerPayload",
      "The partner's API key. Shown only here, never again: store it now.",
    ),
    description:
      "Add a partner to a configured program (admin or the program's managers). Returns the partner's API key once.",
    args: { input: t.arg({ type: CreatePartnerInput, required: true }) },
    errors: {
      types: [...WRITE_ERRORS, NotConfiguredError],
    },
    resolve: (_root, { input: { programId, categoryId, ...input } }, ctx) =>
      createPartner(ctx, rowId(programId, "Program"), {
        ...input,
        categoryId: optionalRowId(categoryId, "PartnerCategory"),
      }),
  }),
  updatePartner: t.field({
    type: PartnerPayload("UpdatePartnerPayload"),
    description: "Change a partner's fields (admin or the program's managers).",
    args: { input: t.arg({ type: UpdatePartnerInput, required: true }) },
    errors: { types: WRITE_ERRORS },
    resolve: async (_root, { input: { partner, categoryId, ...patch } }, ctx) => ({
      partner: await updatePartner(ctx, partnerRef(partner), {
        ...patch,
        ...(categoryId !== undefined && { categoryId: optionalRowId(categoryId, "PartnerCategory") }),
      }),
    }),
  }),
  setPartnerStatus: t.field({
    type: PartnerPayload("SetPartnerStatusPayload"),
    description: "Disable a partner (its keys and sessions stop authorizing partner actions) or enable it again.",
    args: { input: t.arg({ type: SetPartnerStatusInput, required: true }) },
    errors: { types: WRITE_ERRORS },
    resolve: async (_root, { input }, ctx) => ({
      partner: await setPartnerStatus(ctx, partnerRef(input.partner), input.status),
    }),
  }),
  deletePartner: t.field({
    type: PartnerPayload("DeletePartnerPayload"),
    description:
      "Delete a partner: cannot be undone. It leaves lists and lookups, its keys stop working, its history stays; its external ID may be reused.",
    args: { input: t.arg({ type: PartnerInput, required: true }) },
    errors: { types: WRITE_ERRORS },
    resolve: async (_root, { input }, ctx) => ({ partner: await deletePartner(ctx, partnerRef(input.partner)) }),
  }),
  rotatePartnerApiKey: t.field({
    type: PartnerWithKeyPayload(
      "RotatePartnerApiKeyPayload",
      "The new API key. Shown only here, never again; the old key has stopped working.",
    ),
    description: "Replace a partner's API key. The new key is shown once; the old one stops working at once.",
    args: { input: t.arg({ type: PartnerInput, required: true }) },
    errors: { types: WRITE_ERRORS },
    resolve: (_root, { input }, ctx) => rotatePartnerApiKey(ctx, partnerRef(input.partner)),
  }),
  revokePartnerApiKey: t.field({
    type: PartnerPayload("RevokePartnerApiKeyPayload"),
    description: "Revoke a partner's API key without a replacement (rotate to issue a new one).",
    args: { input: t.arg({ type: PartnerInput, required: true }) },
    errors: { types: WRITE_ERRORS },
    resolve: async (_root, { input }, ctx) => ({ partner: await revokePartnerApiKey(ctx, partnerRef(input.partner)) }),
  }),
}));
