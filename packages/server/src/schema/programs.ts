import { partnerFilter } from "../domain/auth/principal.js";
import { createProgram, programByIdWhere, requireProgram, visiblePrograms } from "../domain/programs.js";
import type { Program } from "../generated/prisma/client.js";
import { builder, connectionComplexity } from "./builder.js";
import { ValidationError } from "../domain/errors.js";
import { rowId } from "./ids.js";
import { PartnerConnection } from "./partners.js";


export const ProgramRef = builder.prismaNode("Program", {
  id: { field: "id" },
  description: "A brand's loyalty and partner program. Everything else belongs to one.",
  findUnique: (id, ctx) => ({ id, AND: [visiblePrograms(ctx.principal)] }),
  fields: (t) => ({
    name: t.exposeString("name"),
    currency: t.exposeString("currency", { description: "ISO 4217 code of the program's money." }),
    pointsPerCurrencyUnit: t.expose("pointsPerCurrencyUnit", {
      type: "Decimal",
      description: "Points earned per unit of currency spent (the program's conversion rate).",
    }),
    timezone: t.exposeString("timezone", { description: "IANA time zone used for day boundaries and campaigns." }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
    partners: t.relatedConnection("partners", {
      description: "The program's partners visible to the caller, oldest first.",
      totalCount: true,
      cursor: "id",
      complexity: connectionComplexity,
      query: (_args, ctx) => ({ where: partnerFilter(ctx.principal), orderBy: { id: "asc" } }),
    }, PartnerConnection),
  }),
});

const CreateProgramPayload = builder.objectRef<{ program: Program; secretKey: string }>("CreateProgramPayload").implement({
  fields: (t) => ({
    program: t.field({ type: ProgramRef, resolve: (p) => p.program }),
    secretKey: t.exposeString("secretKey", {
      description: "The program's secret key for server-to-server calls. Shown only here, never again: store it now.",
    }),
  }),
});

const CreateProgramInput = builder.inputType("CreateProgramInput", {
  fields: (t) => ({
    name: t.string({ required: true }),
    currency: t.string({ required: true, description: 'ISO 4217 code, e.g. "EUR".' }),
    pointsPerCurrencyUnit: t.field({ type: "Decimal", required: true, description: 'Points per unit of currency, e.g. "2".' }),
    timezone: t.string({ required: true, description: 'IANA time zone, e.g. "Europe/Vilnius".' }),
  }),
});

builder.queryFields((t) => ({
  program: t.prismaField({
    type: "Program",
    nullable: true,
    description: "A program by global ID. Fails with NOT_FOUND when it does not exist or is not visible to the caller.",
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _root, args, ctx) =>
      requireProgram(await ctx.prisma.program.findFirst({ ...query, where: programByIdWhere(ctx.principal, rowId(args.id, "Program")) })),
  }),
  programs: t.prismaConnection({
    type: "Program",
    cursor: "id",
    complexity: connectionComplexity,
    totalCount: (_parent, _args, ctx) => ctx.prisma.program.count({ where: visiblePrograms(ctx.principal) }),
    description: "Programs visible to the caller (all of them for a platform admin), oldest first.",
    resolve: (query, _root, _args, ctx) =>
      ctx.prisma.program.findMany({ ...query, where: visiblePrograms(ctx.principal), orderBy: { id: "asc" } }),
  }, builder.connectionObject({ type: ProgramRef, name: "ProgramConnection" }, { name: "ProgramEdge" })),
}));

builder.mutationFields((t) => ({
  createProgram: t.field({
    type: CreateProgramPayload,
    description: "Create a program (platform admin only). Returns its secret key once.",
    args: { input: t.arg({ type: CreateProgramInput, required: true }) },
    errors: { types: [ValidationError], directResult: true, union: { name: "CreateProgramResult" } },
    resolve: (_root, { input }, ctx) => createProgram(ctx, ctx.principal, input),
  }),
}));
