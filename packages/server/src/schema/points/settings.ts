// Points configuration: multiplier tables, catalogue, exclusions and campaigns. Managed by the program's
// managers; campaigns are readable by anyone with a role in the program (partners show them to customers).
import { NotFoundError, ValidationError } from "../../domain/kernel/errors.js";
import { requireProgramManager } from "../../domain/kernel/principal.js";
import { campaignList, productList, visibleCampaigns } from "../../domain/points/scope.js";
import {
  type CampaignInput,
  CODE_TABLES,
  createCampaign,
  setPointsMultipliers,
  setSkuExclusions,
  updateCampaign,
  upsertProducts,
} from "../../domain/points/settings.js";
import type { Campaign, Program } from "../../generated/prisma/client.js";
import { CampaignStatus, CampaignType, MultiplierKind } from "../../generated/prisma/enums.js";
import { builder, connectionComplexity } from "../builder.js";
import { connectionWhere } from "../connections.js";
import { rowId } from "../ids.js";
import { ProgramRef } from "../programs/programs.js";

const MultiplierKindEnum = builder.enumType(MultiplierKind, { name: "MultiplierKind" });
const CampaignTypeEnum = builder.enumType(CampaignType, {
  name: "CampaignType",
  description:
    "SKU, BRAND and CATEGORY match items (brand and category through the catalogue); DAY_TIME matches local days and times.",
});
const CampaignStatusEnum = builder.enumType(CampaignStatus, { name: "CampaignStatus" });
const WeekdayEnum = builder.enumType("Weekday", {
  values: ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"] as const,
});

builder.prismaObject("PointsMultiplier", {
  description: "One entry of a multiplier table; codes without one count as 1, and 0 means no points.",
  fields: (t) => ({
    kind: t.expose("kind", { type: MultiplierKindEnum }),
    code: t.exposeInt("code"),
    name: t.string({ resolve: (m) => CODE_TABLES[m.kind][m.code] ?? String(m.code) }),
    multiplier: t.expose("multiplier", { type: "Decimal" }),
  }),
});

const ProductRef = builder.prismaObject("Product", {
  description: "A catalogue product: how BRAND and CATEGORY campaigns find an item's brand and category.",
  fields: (t) => ({
    sku: t.exposeString("sku"),
    brand: t.exposeString("brand", { nullable: true }),
    category: t.exposeString("category", { nullable: true }),
  }),
});

export const CampaignRef = builder.prismaNode("Campaign", {
  id: { field: "id" },
  nullable: true,
  description:
    "A bonus campaign. Among the ACTIVE campaigns matching an item at the purchase time, the highest multiplier applies; on a tie, the most recently created.",
  findUnique: (id, ctx) => ({ id, ...visibleCampaigns(ctx.principal) }),
  fields: (t) => ({
    type: t.expose("type", { type: CampaignTypeEnum }),
    title: t.exposeString("title"),
    multiplier: t.expose("multiplier", { type: "Decimal" }),
    status: t.expose("status", { type: CampaignStatusEnum }),
    startsAt: t.expose("startsAt", { type: "DateTime" }),
    endsAt: t.expose("endsAt", { type: "DateTime", nullable: true, description: "Exclusive; null: open-ended." }),
    skus: t.exposeStringList("skus"),
    brands: t.exposeStringList("brands"),
    categories: t.exposeStringList("categories"),
    days: t.field({ type: [WeekdayEnum], resolve: (c) => c.days as never }),
    startTime: t.exposeString("startTime", { nullable: true, description: "HH:MM local time (DAY_TIME)." }),
    endTime: t.exposeString("endTime", {
      nullable: true,
      description: "HH:MM, exclusive; at or before startTime crosses midnight.",
    }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

const MultiplierEntryInput = builder.inputType("MultiplierEntryInput", {
  fields: (t) => ({
    code: t.int({ required: true }),
    multiplier: t.field({ type: "Decimal", required: true, description: '"0" means no points.' }),
  }),
});
const SetPointsMultipliersInput = builder.inputType("SetPointsMultipliersInput", {
  description: "Replaces one table; codes left out count as 1.",
  fields: (t) => ({
    programId: t.id({ required: true }),
    kind: t.field({ type: MultiplierKindEnum, required: true }),
    multipliers: t.field({ type: [MultiplierEntryInput], required: true }),
  }),
});
const ProductInput = builder.inputType("ProductInput", {
  fields: (t) => ({ sku: t.string({ required: true }), brand: t.string(), category: t.string() }),
});
const UpsertProductsInput = builder.inputType("UpsertProductsInput", {
  fields: (t) => ({
    programId: t.id({ required: true }),
    products: t.field({ type: [ProductInput], required: true, description: "Up to 10,000 per call." }),
  }),
});
const SetSkuExclusionsInput = builder.inputType("SetSkuExclusionsInput", {
  fields: (t) => ({ programId: t.id({ required: true }), add: t.stringList(), remove: t.stringList() }),
});
type InputFields = Parameters<NonNullable<Parameters<typeof builder.inputType>[1]["fields"]>>[0];

/** The campaign's fields: all required on create, all optional on update. */
const campaignFields = (t: InputFields, required: boolean) => ({
  type: t.field({ type: CampaignTypeEnum, required }),
  title: t.string({ required }),
  multiplier: t.field({ type: "Decimal", required }),
  status: t.field({ type: CampaignStatusEnum }),
  startsAt: t.field({ type: "DateTime", required }),
  endsAt: t.field({ type: "DateTime", description: "Exclusive; omit (or null on update) for open-ended." }),
  skus: t.stringList(),
  brands: t.stringList(),
  categories: t.stringList(),
  days: t.field({ type: [WeekdayEnum] }),
  startTime: t.string({ description: "HH:MM local time." }),
  endTime: t.string({ description: "HH:MM local time, exclusive." }),
});
const CreateCampaignInput = builder.inputType("CreateCampaignInput", {
  fields: (t) => ({ programId: t.id({ required: true }), ...campaignFields(t, true) }),
});
const UpdateCampaignInput = builder.inputType("UpdateCampaignInput", {
  description: "The fields given replace the campaign's; the result is checked as a whole.",
  fields: (t) => ({ id: t.id({ required: true }), ...campaignFields(t, false) }),
});

const ProgramPayload = (name: string) =>
  builder
    .objectRef<{ program: Program }>(name)
    .implement({ fields: (t) => ({ program: t.field({ type: ProgramRef, resolve: (p) => p.program }) }) });
const CampaignPayload = (name: string) =>
  builder
    .objectRef<{ campaign: Campaign }>(name)
    .implement({ fields: (t) => ({ campaign: t.field({ type: CampaignRef, resolve: (p) => p.campaign }) }) });

const productsWhere = connectionWhere((args: { programId: string }, ctx) =>
  productList(ctx.principal, rowId(args.programId, "Program")),
);
const campaignsWhere = connectionWhere((args: { programId: string; status?: CampaignStatus | null }, ctx) =>
  campaignList(ctx.principal, rowId(args.programId, "Program"), args.status),
);

builder.queryFields((t) => ({
  pointsMultipliers: t.prismaField({
    type: ["PointsMultiplier"],
    description: "A program's tender, channel and transaction-type multipliers (its managers).",
    args: { programId: t.arg.id({ required: true }) },
    resolve: (query, _root, args, ctx) => {
      const programId = rowId(args.programId, "Program");
      requireProgramManager(ctx.principal, programId);
      return ctx.prisma.pointsMultiplier.findMany({
        ...query,
        where: { programId },
        orderBy: [{ kind: "asc" }, { code: "asc" }],
      });
    },
  }),
  skuExclusions: t.stringList({
    description: "SKUs that earn no points (the program's managers).",
    args: { programId: t.arg.id({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const programId = rowId(args.programId, "Program");
      requireProgramManager(ctx.principal, programId);
      return (await ctx.prisma.skuExclusion.findMany({ where: { programId }, orderBy: { sku: "asc" } })).map(
        (e) => e.sku,
      );
    },
  }),
  products: t.prismaConnection(
    {
      type: "Product",
      cursor: "programId_sku",
      complexity: connectionComplexity,
      description: "The catalogue, by SKU (the program's managers).",
      args: { programId: t.arg.id({ required: true }) },
      totalCount: (_p, args, ctx) => ctx.prisma.product.count({ where: productsWhere(args, ctx) }),
      resolve: (query, _root, args, ctx) =>
        ctx.prisma.product.findMany({
          ...query,
          where: productsWhere(args, ctx),
          orderBy: { sku: "asc" },
        }),
    },
    builder.connectionObject({ type: ProductRef, name: "ProductConnection" }, { name: "ProductEdge" }),
  ),
  campaigns: t.prismaConnection(
    {
      type: "Campaign",
      cursor: "id",
      complexity: connectionComplexity,
      description: "A program's campaigns, newest first (anyone with a role in the program).",
      args: { programId: t.arg.id({ required: true }), status: t.arg({ type: CampaignStatusEnum }) },
      totalCount: (_p, args, ctx) => ctx.prisma.campaign.count({ where: campaignsWhere(args, ctx) }),
      resolve: (query, _root, args, ctx) =>
        ctx.prisma.campaign.findMany({ ...query, where: campaignsWhere(args, ctx), orderBy: { id: "desc" } }),
    },
    builder.connectionObject({ type: CampaignRef, name: "CampaignConnection" }, { name: "CampaignEdge" }),
  ),
}));

const writeErrors = { types: [ValidationError, NotFoundError] };

builder.mutationFields((t) => ({
  setPointsMultipliers: t.field({
    type: ProgramPayload("SetPointsMultipliersPayload"),
    args: { input: t.arg({ type: SetPointsMultipliersInput, required: true }) },
    errors: { ...writeErrors },
    resolve: async (_root, { input }, ctx) => ({
      program: await setPointsMultipliers(ctx, rowId(input.programId, "Program"), input.kind, input.multipliers),
    }),
  }),
  upsertProducts: t.field({
    type: ProgramPayload("UpsertProductsPayload"),
    description: "Add or update catalogue products by SKU (bulk).",
    args: { input: t.arg({ type: UpsertProductsInput, required: true }) },
    errors: { ...writeErrors },
    resolve: async (_root, { input }, ctx) => ({
      program: await upsertProducts(ctx, rowId(input.programId, "Program"), input.products),
    }),
  }),
  setSkuExclusions: t.field({
    type: ProgramPayload("SetSkuExclusionsPayload"),
    description: "Add SKUs to, and remove SKUs from, the exclusion list.",
    args: { input: t.arg({ type: SetSkuExclusionsInput, required: true }) },
    errors: { ...writeErrors },
    resolve: async (_root, { input }, ctx) => ({
      program: await setSkuExclusions(ctx, rowId(input.programId, "Program"), input),
    }),
  }),
  createCampaign: t.field({
    type: CampaignPayload("CreateCampaignPayload"),
    args: { input: t.arg({ type: CreateCampaignInput, required: true }) },
    errors: { ...writeErrors },
    resolve: async (_root, { input: { programId, ...input } }, ctx) => ({
      campaign: await createCampaign(ctx, rowId(programId, "Program"), input as CampaignInput),
    }),
  }),
  updateCampaign: t.field({
    type: CampaignPayload("UpdateCampaignPayload"),
    args: { input: t.arg({ type: UpdateCampaignInput, required: true }) },
    errors: { ...writeErrors },
    resolve: async (_root, { input: { id, ...patch } }, ctx) => ({
      campaign: await updateCampaign(ctx, rowId(id, "Campaign"), patch as Partial<CampaignInput>),
    }),
  }),
}));
