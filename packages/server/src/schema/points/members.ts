// Members and their program-points ledger: the Member node (balance from the ledger), lookups, the list, and
// createMember.
import { NotFoundError, ValidationError } from "../../domain/kernel/errors.js";
import { balances } from "../../domain/points/ledger.js";
import { createMember, type MemberRef, requireMember } from "../../domain/points/members.js";
import {
  memberByRef,
  memberList,
  seesWholeMember,
  visibleLedgerEntries,
  visibleMembers,
  visiblePurchases,
} from "../../domain/points/scope.js";
import type { Member } from "../../generated/prisma/client.js";
import { LedgerEntryType, LedgerSource } from "../../generated/prisma/enums.js";
import { builder, connectionComplexity } from "../builder.js";
import { connectionWhere } from "../connections.js";
import { rowId } from "../ids.js";

const LedgerEntryTypeEnum = builder.enumType(LedgerEntryType, { name: "LedgerEntryType" });
const LedgerSourceEnum = builder.enumType(LedgerSource, { name: "LedgerSource" });

export const LedgerEntryRef = builder.prismaObject("LedgerEntry", {
  description: "One append-only ledger entry; the balance is the sum of a member's entries.",
  fields: (t) => ({
    type: t.expose("type", { type: LedgerEntryTypeEnum }),
    source: t.expose("source", { type: LedgerSourceEnum }),
    points: t.exposeInt("points", { description: "Signed: positive earns, negative spends or takes back." }),
    purchase: t.relation("purchase", { nullable: true }),
    partner: t.relation("partner", { nullable: true }),
    note: t.exposeString("note", { nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

const memberLedgerWhere = connectionWhere((_args: object, ctx) => ({
  AND: [{ cardId: null }, visibleLedgerEntries(ctx.principal)],
}));
const memberPurchasesWhere = connectionWhere((_args: object, ctx) => visiblePurchases(ctx.principal));

export const MemberRefType = builder.prismaNode("Member", {
  id: { field: "id" },
  nullable: true,
  description: "A program's customer, with a points ledger.",
  findUnique: (id, ctx) => ({ id, AND: [visibleMembers(ctx.principal)] }),
  fields: (t) => ({
    externalId: t.exposeString("externalId"),
    email: t.string({
      nullable: true,
      description: "Only for the program's managers and the member itself; null for businesses and their staff.",
      resolve: (m, _args, ctx) => (seesWholeMember(ctx.principal, m) ? m.email : null),
    }),
    balance: t.loadable({
      type: "Int",
      nullable: true,
      description:
        "The program's points (the sum of its ledger), for those who see the whole program and the member itself; null for businesses and their staff (their share is in `ledger` and `cards`).",
      load: (ids: string[], ctx) =>
        balances(
          ctx.prisma,
          ids.map((memberId) => ({ memberId, cardId: null })),
        ),
      resolve: (m, _args, ctx) => (seesWholeMember(ctx.principal, m) ? m.id : null),
    }),
    ledger: t.relatedConnection("ledger", {
      cursor: "id",
      complexity: connectionComplexity,
      totalCount: true,
      query: (args, ctx) => ({ where: memberLedgerWhere(args, ctx), orderBy: { id: "desc" } }),
      description:
        "The program's points, newest first (card balances are on the member's cards); a partner sees only its own entries, staff none.",
    }),
    purchases: t.relatedConnection("purchases", {
      cursor: "id",
      complexity: connectionComplexity,
      totalCount: true,
      description: "Newest first; a partner sees only purchases recorded through it, staff none.",
      query: (args, ctx) => ({ where: memberPurchasesWhere(args, ctx), orderBy: { id: "desc" } }),
    }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

const CreateMemberInput = builder.inputType("CreateMemberInput", {
  fields: (t) => ({ programId: t.id({ required: true }), externalId: t.string({ required: true }), email: t.string() }),
});

const MemberPayload = builder.objectRef<{ member: Member }>("CreateMemberPayload").implement({
  fields: (t) => ({ member: t.field({ type: MemberRefType, resolve: (p) => p.member }) }),
});

/** The member a points write names: by global id or by external id, exactly one of them. */
export function memberRef(input: {
  memberId?: string | null;
  memberExternalId?: string | null;
}): MemberRef | { externalId: string } {
  if (input.memberId && !input.memberExternalId) return { id: rowId(input.memberId, "Member") };
  if (input.memberExternalId && !input.memberId) return { externalId: input.memberExternalId };
  throw new ValidationError([{ path: "memberId", message: "give memberId or memberExternalId (one of them)" }]);
}

const membersWhere = connectionWhere((args: { programId: string }, ctx) =>
  memberList(ctx.principal, rowId(args.programId, "Program")),
);

builder.queryFields((t) => ({
  member: t.prismaField({
    type: "Member",
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _r, args, ctx) =>
      requireMember(
        await ctx.prisma.member.findFirst({
          ...query,
          where: memberByRef(ctx.principal, { id: rowId(args.id, "Member") }),
        }),
      ),
  }),
  memberByExternalId: t.prismaField({
    type: "Member",
    nullable: true,
    args: { programId: t.arg.id({ required: true }), externalId: t.arg.string({ required: true }) },
    resolve: async (query, _r, args, ctx) =>
      requireMember(
        await ctx.prisma.member.findFirst({
          ...query,
          where: memberByRef(ctx.principal, {
            programId: rowId(args.programId, "Program"),
            externalId: args.externalId,
          }),
        }),
      ),
  }),
  members: t.prismaConnection(
    {
      type: "Member",
      cursor: "id",
      complexity: connectionComplexity,
      description:
        "A program's members, oldest first: managers all; partners those they awarded points to or who follow their cards; staff those who follow their clubs' cards or whose QR they scanned (for the QR's lifetime).",
      args: { programId: t.arg.id({ required: true }) },
      totalCount: (_p, args, ctx) => ctx.prisma.member.count({ where: membersWhere(args, ctx) }),
      resolve: (query, _r, args, ctx) =>
        ctx.prisma.member.findMany({
          ...query,
          where: membersWhere(args, ctx),
          orderBy: { id: "asc" },
        }),
    },
    builder.connectionObject({ type: MemberRefType, name: "MemberConnection" }, { name: "MemberEdge" }),
  ),
}));

builder.mutationFields((t) => ({
  createMember: t.field({
    type: MemberPayload,
    description: "Add a member (managers). Creating an existing external id returns that member.",
    args: { input: t.arg({ type: CreateMemberInput, required: true }) },
    errors: { types: [ValidationError, NotFoundError] },
    resolve: async (_r, { input }, ctx) => ({
      member: await createMember(ctx, rowId(input.programId, "Program"), input),
    }),
  }),
}));
