import { ConflictError, NotFoundError, ValidationError } from "../../domain/kernel/errors.js";
import { visiblePrograms } from "../../domain/kernel/row-filters.js";
import { visiblePartners } from "../../domain/partners/scope.js";
import {
  configureProgram,
  createProgram,
  missingConfiguration,
  requireProgram,
} from "../../domain/programs/programs.js";
import { programById } from "../../domain/programs/scope.js";
import type { Program } from "../../generated/prisma/client.js";
import { RoundingMode } from "../../generated/prisma/enums.js";
import { builder, connectionComplexity } from "../builder.js";
import { connectionWhere } from "../connections.js";
import { rowId } from "../ids.js";
import { PartnerConnection } from "../partners/partners.js";

export const RoundingModeEnum = builder.enumType(RoundingMode, {
  name: "RoundingMode",
  description: "How fractional points become whole: NATURAL rounds half up (2.5 → 3), UP towards +∞, DOWN towards −∞.",
});

const programPartnersWhere = connectionWhere((_args: object, ctx) => visiblePartners(ctx.principal));

export const ProgramRef = builder.prismaNode("Program", {
  // Unknown or invisible ids resolve `node` to null instead of throwing.
  nullable: true,
  id: { field: "id" },
  description: "A brand's loyalty and partner program. Everything else belongs to one.",
  findUnique: (id, ctx) => ({ id, AND: [visiblePrograms(ctx.principal)] }),
  fields: (t) => ({
    name: t.exposeString("name"),
    currency: t.exposeString("currency", {
      nullable: true,
      description: "ISO 4217 code of the program's money; fixed once it has partners.",
    }),
    pointsPerCurrencyUnit: t.expose("pointsPerCurrencyUnit", {
      type: "Decimal",
      nullable: true,
      description: "Points earned per unit of currency spent (the program's conversion rate).",
    }),
    roundingMode: t.expose("roundingMode", { type: RoundingModeEnum }),
    allowNegativeBalance: t.exposeBoolean("allowNegativeBalance", {
      description: "Whether returns and adjustments may take balances below zero.",
    }),
    timezone: t.exposeString("timezone", {
      nullable: true,
      description: "IANA time zone used for day boundaries and campaigns.",
    }),
    isConfigured: t.boolean({
      description: "Whether currency, rate and time zone are all set, so partners can be added.",
      select: { currency: true, pointsPerCurrencyUnit: true, timezone: true },
      resolve: (p) => missingConfiguration(p).length === 0,
    }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
    partners: t.relatedConnection(
      "partners",
      {
        description: "The program's partners visible to the caller, oldest first.",
        totalCount: true,
        cursor: "id",
        complexity: connectionComplexity,
        query: (args, ctx) => ({ where: programPartnersWhere(args, ctx), orderBy: { id: "asc" } }),
      },
      PartnerConnection,
    ),
  }),
});

const CreateProgramPayload = builder
  .objectRef<{ program: Program; secretKey: string }>("CreateProgramPayload")
  .implement({
    fields: (t) => ({
      program: t.field({ type: ProgramRef, resolve: (p) => p.program }),
      secretKey: t.exposeString("secretKey", {
        description:
          "The program's secret key for server-to-server and POS calls. Shown only here, never again: store it now.",
      }),
    }),
  });

const ConfigureProgramPayload = builder.objectRef<{ program: Program }>("ConfigureProgramPayload").implement({
  fields: (t) => ({ program: t.field({ type: ProgramRef, resolve: (p) => p.program }) }),
});

const commerceFields = {
  currency: { description: 'ISO 4217 code, e.g. "EUR".' },
  pointsPerCurrencyUnit: { description: 'Points per unit of currency, e.g. "2".' },
  roundingMode: { description: "Default NATURAL." },
  timezone: { description: 'IANA time zone, e.g. "Europe/Vilnius".' },
};

const CreateProgramInput = builder.inputType("CreateProgramInput", {
  description: "Currency, rate and time zone may come later through configureProgram; partners need all three.",
  fields: (t) => ({
    name: t.string({ required: true }),
    currency: t.string(commerceFields.currency),
    pointsPerCurrencyUnit: t.field({ type: "Decimal", ...commerceFields.pointsPerCurrencyUnit }),
    roundingMode: t.field({ type: RoundingModeEnum, ...commerceFields.roundingMode }),
    timezone: t.string(commerceFields.timezone),
  }),
});

const ConfigureProgramInput = builder.inputType("ConfigureProgramInput", {
  description: "Only the fields present change.",
  fields: (t) => ({
    programId: t.id({ required: true }),
    name: t.string(),
    currency: t.string(commerceFields.currency),
    pointsPerCurrencyUnit: t.field({ type: "Decimal", ...commerceFields.pointsPerCurrencyUnit }),
    roundingMode: t.field({ type: RoundingModeEnum }),
    timezone: t.string(commerceFields.timezone),
    allowNegativeBalance: t.boolean({
      description: "Let returns and adjustments take balances below zero (default false).",
    }),
  }),
});

const programsWhere = connectionWhere((_args: object, ctx) => visiblePrograms(ctx.principal));

builder.queryFields((t) => ({
  program: t.prismaField({
    type: "Program",
    nullable: true,
    description: "A program by global ID. Fails with NOT_FOUND when it does not exist or is not visible to the caller.",
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _root, args, ctx) =>
      requireProgram(
        await ctx.prisma.program.findFirst({
          ...query,
          where: programById(ctx.principal, rowId(args.id, "Program")),
        }),
      ),
  }),
  programs: t.prismaConnection(
    {
      type: "Program",
      cursor: "id",
      complexity: connectionComplexity,
      totalCount: (_parent, args, ctx) => ctx.prisma.program.count({ where: programsWhere(args, ctx) }),
      description: "Programs visible to the caller (all of them for a platform admin), oldest first.",
      resolve: (query, _root, args, ctx) =>
        ctx.prisma.program.findMany({ ...query, where: programsWhere(args, ctx), orderBy: { id: "asc" } }),
    },
    builder.connectionObject({ type: ProgramRef, name: "ProgramConnection" }, { name: "ProgramEdge" }),
  ),
}));

builder.mutationFields((t) => ({
  createProgram: t.field({
    type: CreateProgramPayload,
    description: "Create a program (platform admin only). Returns its secret key once.",
    args: { input: t.arg({ type: CreateProgramInput, required: true }) },
    errors: { types: [ValidationError] },
    resolve: (_root, { input }, ctx) => createProgram(ctx, input),
  }),
  configureProgram: t.field({
    type: ConfigureProgramPayload,
    description: "Set the program's name and commerce configuration (admin or the program's managers).",
    args: { input: t.arg({ type: ConfigureProgramInput, required: true }) },
    errors: {
      types: [ValidationError, ConflictError, NotFoundError],
    },
    resolve: async (_root, { input: { programId, ...config } }, ctx) => ({
      program: await configureProgram(ctx, rowId(programId, "Program"), config),
    }),
  }),
}));
