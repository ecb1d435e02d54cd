// Potential points, members and their ledger, purchases and returns, and partner billing.
import type { PointsResult, UnitBreakdown } from "@partnergraph/points";
import {
  ConflictError,
  ErrorCode,
  InsufficientPointsError,
  NotConfiguredError,
  NotFoundError,
  ValidationError,
} from "../../domain/kernel/errors.js";
import { Decimal } from "../../domain/kernel/values.js";
import { minorUnits, partnerStatement, programStatement, type Statement } from "../../domain/points/billing.js";
import { adjustPoints } from "../../domain/points/ledger.js";
import {
  createMember,
  type MemberRef,
  memberFilter,
  memberRefWhere,
  requireMember,
} from "../../domain/points/members.js";
import { recordPurchase, recordReturn } from "../../domain/points/purchases.js";
import { type BasketInput, quote, resolvePointsCaller } from "../../domain/points/quote.js";
import type { LedgerEntry, Member, Purchase, PurchaseReturn } from "../../generated/prisma/client.js";
import { LedgerEntryType, LedgerSource } from "../../generated/prisma/enums.js";
import { builder, connectionComplexity } from "../builder.js";
import { optionalRowId, rowId } from "../ids.js";
import { Money } from "../scalars.js";

// ---- Breakdown (the engine's result) ---------------------------------------------------------------------

const CampaignMatchRef = builder.objectRef<UnitBreakdown["campaigns"][number]>("CampaignMatch").implement({
  fields: (t) => ({
    id: t.exposeString("id", { description: "The campaign's row id." }),
    type: t.exposeString("type"),
    title: t.exposeString("title"),
    multiplier: t.field({ type: "Decimal", resolve: (c) => c.multiplier }),
    applied: t.exposeBoolean("applied", { description: "The one campaign whose multiplier was used." }),
  }),
});
const CodeMultiplierRef = builder
  .objectRef<{ id: number; name: string; multiplier: string }>("CodeMultiplier")
  .implement({
    fields: (t) => ({
      code: t.int({ resolve: (c) => c.id }),
      name: t.exposeString("name"),
      multiplier: t.field({ type: "Decimal", resolve: (c) => c.multiplier }),
    }),
  });
const TenderShareRef = builder.objectRef<NonNullable<UnitBreakdown["tenders"]>[number]>("TenderShare").implement({
  fields: (t) => ({
    type: t.exposeInt("type"),
    name: t.exposeString("name"),
    amount: t.field({ type: "Decimal", resolve: (s) => s.amount }),
    proportion: t.field({
      type: "Decimal",
      description: "amount ÷ total tendered (cut at 16 decimals).",
      resolve: (s) => s.proportion,
    }),
    multiplier: t.field({ type: "Decimal", resolve: (s) => s.multiplier }),
  }),
});
const UnitBreakdownRef = builder.objectRef<UnitBreakdown>("PointsUnit").implement({
  description: "What one unit of an item earns (the breakdown is per single unit).",
  fields: (t) => ({
    sku: t.exposeString("sku"),
    quantity: t.exposeInt("quantity"),
    itemPrice: t.field({ type: "Decimal", resolve: (u) => u.itemPrice }),
    pointsToDollarConversionRate: t.field({ type: "Decimal", resolve: (u) => u.pointsToDollarConversionRate }),
    convertedPoints: t.exposeInt("convertedPoints", {
      description: "round(item price × rate), in the program's rounding mode.",
    }),
    campaigns: t.field({ type: [CampaignMatchRef], resolve: (u) => [...u.campaigns] }),
    transaction: t.field({ type: CodeMultiplierRef, nullable: true, resolve: (u) => u.transaction ?? null }),
    tenders: t.field({ type: [TenderShareRef], nullable: true, resolve: (u) => (u.tenders ? [...u.tenders] : null) }),
    channel: t.field({ type: CodeMultiplierRef, nullable: true, resolve: (u) => u.channel ?? null }),
    isExcluded: t.exposeBoolean("isExcluded"),
    isAwaitingFulfillment: t.exposeBoolean("isAwaitingFulfillment"),
    pointsAwarded: t.exposeInt("pointsAwarded", {
      description: "round(converted points × campaign × transaction × tender × channel multipliers).",
    }),
  }),
});
const PointsQuoteRef = builder.objectRef<PointsResult>("PointsQuote").implement({
  fields: (t) => ({
    totalPointsAwarded: t.exposeInt("totalPointsAwarded"),
    breakdown: t.field({ type: [UnitBreakdownRef], resolve: (r) => [...r.breakdown] }),
  }),
});

// ---- Inputs ------------------------------------------------------------------------------------------------

const ItemInput = builder.inputType("PointsItemInput", {
  fields: (t) => ({
    sku: t.string({ required: true }),
    price: t.field({ type: "Decimal", required: true, description: "The line price, quantity included." }),
    quantity: t.int({ required: true }),
    transactionId: t.int({ description: "Transaction type code (1–12)." }),
    isAwaitingFulfillment: t.boolean(),
    customData: t.field({ type: "JSON", description: "Kept with the purchase; not used for points." }),
  }),
});
const TenderInput = builder.inputType("TenderInput", {
  fields: (t) => ({
    type: t.int({ required: true, description: "Tender type code (1–13)." }),
    amount: t.field({ type: "Decimal", required: true }),
  }),
});
const BasketInputRef = builder.inputType("PointsBasketInput", {
  fields: (t) => ({
    datePurchased: t.string({
      required: true,
      description: "ISO-8601 with an offset, e.g. 2026-11-23T10:15:00+02:00.",
    }),
    channelId: t.int({ description: "Channel code (1–9)." }),
    currency: t.string({ description: "Checked against the program's currency." }),
    items: t.field({ type: [ItemInput], required: true }),
    tenders: t.field({ type: [TenderInput] }),
  }),
});
const actingFields = {
  programId: { description: "Implied by program and partner keys." },
  partnerId: {
    description: "Managers: award through this partner (its rate and billing). Implied by partner credentials.",
  },
};
const RecordPurchaseInput = builder.inputType("RecordPurchaseInput", {
  description:
    "Idempotent on (program, receiptId): a retry returns the original result; another basket under the same receiptId is a CONFLICT.",
  fields: (t) => ({
    programId: t.id(actingFields.programId),
    partnerId: t.id(actingFields.partnerId),
    receiptId: t.string({ required: true }),
    memberId: t.id({ description: "The member, by global ID; or give memberExternalId." }),
    memberExternalId: t.string(),
    basket: t.field({ type: BasketInputRef, required: true }),
  }),
});
const ReturnItemInput = builder.inputType("ReturnItemInput", {
  fields: (t) => ({ sku: t.string({ required: true }), quantity: t.int({ required: true }) }),
});
const RecordReturnInput = builder.inputType("RecordReturnInput", {
  description: "Idempotent on (program, returnId).",
  fields: (t) => ({
    programId: t.id(),
    partnerId: t.id(),
    returnId: t.string({ required: true, description: "Your id for this return." }),
    receiptId: t.string({ required: true }),
    items: t.field({ type: [ReturnItemInput], required: true }),
  }),
});
const CreateMemberInput = builder.inputType("CreateMemberInput", {
  fields: (t) => ({ programId: t.id({ required: true }), externalId: t.string({ required: true }), email: t.string() }),
});
const AdjustPointsInput = builder.inputType("AdjustPointsInput", {
  fields: (t) => ({
    programId: t.id({ required: true }),
    memberId: t.id(),
    memberExternalId: t.string(),
    points: t.int({ required: true, description: "Positive adds, negative takes away." }),
    note: t.string({ required: true }),
    idempotencyKey: t.string({ required: true }),
  }),
});

type BasketArgs = {
  datePurchased: string;
  channelId?: number | null;
  currency?: string | null;
  items: {
    sku: string;
    price: string;
    quantity: number;
    transactionId?: number | null;
    isAwaitingFulfillment?: boolean | null;
  }[];
  tenders?: { type: number; amount: string }[] | null;
};

function basketOf(input: BasketArgs): BasketInput {
  return {
    datePurchased: input.datePurchased,
    channelId: (input.channelId ?? null) as BasketInput["channelId"],
    currency: input.currency ?? null,
    tenders: (input.tenders ?? null) as BasketInput["tenders"],
    items: input.items.map((i) => ({
      sku: i.sku,
      price: i.price,
      quantity: i.quantity,
      transactionId: (i.transactionId ?? null) as BasketInput["items"][number]["transactionId"],
      isAwaitingFulfillment: i.isAwaitingFulfillment ?? null,
    })),
  };
}

function memberRef(input: {
  memberId?: string | null;
  memberExternalId?: string | null;
}): MemberRef | { externalId: string } {
  if (input.memberId && !input.memberExternalId) return { id: rowId(input.memberId, "Member") };
  if (input.memberExternalId && !input.memberId) return { externalId: input.memberExternalId };
  throw new ValidationError([{ path: "memberId", message: "give memberId or memberExternalId (one of them)" }]);
}

// ---- Members, ledger, purchases -------------------------------------------------------------------------------

const LedgerEntryTypeEnum = builder.enumType(LedgerEntryType, { name: "LedgerEntryType" });
const LedgerSourceEnum = builder.enumType(LedgerSource, { name: "LedgerSource" });

const PurchaseReturnRef = builder.prismaObject("PurchaseReturn", {
  fields: (t) => ({
    returnId: t.exposeString("externalId"),
    pointsOwed: t.exposeInt("pointsOwed", { description: "What the returned units earned at purchase." }),
    pointsReturned: t.exposeInt("pointsReturned", {
      description: "What the ledger took back (less than owed only when the balance could not go below zero).",
    }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

export const PurchaseRef = builder.prismaNode("Purchase", {
  id: { field: "id" },
  nullable: true,
  findUnique: (id, ctx) => ({ id, member: memberFilter(ctx.principal) }),
  fields: (t) => ({
    receiptId: t.exposeString("receiptId"),
    member: t.relation("member"),
    partner: t.relation("partner", {
      nullable: true,
      description: "The partner the points were awarded through (and billed to).",
    }),
    datePurchased: t.expose("datePurchased", { type: "DateTime" }),
    pointsAwarded: t.exposeInt("pointsAwarded"),
    breakdown: t.field({ type: [UnitBreakdownRef], resolve: (p) => p.breakdown as unknown as UnitBreakdown[] }),
    returns: t.relation("returns", { query: { orderBy: { createdAt: "asc" } } }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

const LedgerEntryRef = builder.prismaObject("LedgerEntry", {
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

export const MemberRefType = builder.prismaNode("Member", {
  id: { field: "id" },
  nullable: true,
  description: "A program's customer, with a points ledger.",
  findUnique: (id, ctx) => ({ id, AND: [memberFilter(ctx.principal)] }),
  fields: (t) => ({
    externalId: t.exposeString("externalId"),
    email: t.exposeString("email", { nullable: true }),
    balance: t.loadable({
      type: "Int",
      description: "The program's points: the sum of its ledger.",
      load: async (ids: string[], ctx) => {
        const sums = await ctx.prisma.ledgerEntry.groupBy({
          by: ["memberId"],
          where: { memberId: { in: ids }, cardId: null },
          _sum: { points: true },
        });
        const byId = new Map(sums.map((s) => [s.memberId, s._sum.points ?? 0]));
        return ids.map((id) => byId.get(id) ?? 0);
      },
      resolve: (m) => m.id,
    }),
    ledger: t.relatedConnection("ledger", {
      cursor: "id",
      complexity: connectionComplexity,
      totalCount: true,
      query: { where: { cardId: null }, orderBy: { id: "desc" } },
      description: "The program's points, newest first (card balances are on the member's cards).",
    }),
    purchases: t.relatedConnection("purchases", {
      cursor: "id",
      complexity: connectionComplexity,
      totalCount: true,
      query: { orderBy: { id: "desc" } },
    }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

const RecordPurchasePayload = builder
  .objectRef<{ purchase: Purchase; result: PointsResult; replayed: boolean }>("RecordPurchasePayload")
  .implement({
    fields: (t) => ({
      purchase: t.field({ type: PurchaseRef, resolve: (p) => p.purchase }),
      totalPointsAwarded: t.int({ resolve: (p) => p.result.totalPointsAwarded }),
      breakdown: t.field({ type: [UnitBreakdownRef], resolve: (p) => [...p.result.breakdown] }),
      replayed: t.exposeBoolean("replayed", {
        description: "True when this call repeated an earlier one and got its result.",
      }),
    }),
  });
const RecordReturnPayload = builder
  .objectRef<{ purchaseReturn: PurchaseReturn; replayed: boolean }>("RecordReturnPayload")
  .implement({
    fields: (t) => ({
      purchaseReturn: t.field({ type: PurchaseReturnRef, resolve: (p) => p.purchaseReturn }),
      replayed: t.exposeBoolean("replayed"),
    }),
  });
const MemberPayload = builder.objectRef<{ member: Member }>("CreateMemberPayload").implement({
  fields: (t) => ({ member: t.field({ type: MemberRefType, resolve: (p) => p.member }) }),
});
const AdjustPointsPayload = builder
  .objectRef<{ entry: LedgerEntry; balance: number; replayed: boolean }>("AdjustPointsPayload")
  .implement({
    fields: (t) => ({
      entry: t.field({ type: LedgerEntryRef, resolve: (p) => p.entry }),
      balance: t.exposeInt("balance"),
      replayed: t.exposeBoolean("replayed"),
    }),
  });

// ---- Billing ----------------------------------------------------------------------------------------------

type Line = Statement["lines"][number] & { currency: string };
const StatementMonthRef = builder.objectRef<Line>("StatementMonth").implement({
  fields: (t) => ({
    partner: t.prismaField({
      type: "Partner",
      nullable: true,
      resolve: (query, l, _a, ctx) => ctx.prisma.partner.findUnique({ ...query, where: { id: l.partnerId } }),
    }),
    month: t.exposeString("month", { description: "YYYY-MM in the program's time zone." }),
    pointsAwarded: t.exposeInt("pointsAwarded"),
    pointsReturned: t.exposeInt("pointsReturned"),
    netPoints: t.exposeInt("netPoints"),
    amount: t.field({
      type: Money,
      description: "Exact: Σ points × cost per point at award time.",
      resolve: (l) => ({ amount: l.amount, currency: l.currency }),
    }),
    amountDue: t.field({
      type: Money,
      description: "amount rounded half up to the currency's minor unit.",
      resolve: (l) => ({ amount: l.amountDue.toFixed(minorUnits(l.currency)), currency: l.currency }),
    }),
  }),
});

const StatementRef = builder.objectRef<Statement>("PointsStatement").implement({
  description: "Points awarded through partners × their cost per point, per month.",
  fields: (t) => ({
    currency: t.exposeString("currency"),
    months: t.field({
      type: [StatementMonthRef],
      resolve: (s) => s.lines.map((l) => ({ ...l, currency: s.currency })),
    }),
    totalNetPoints: t.int({ resolve: (s) => s.lines.reduce((n, l) => n + l.netPoints, 0) }),
    totalAmountDue: t.field({
      type: Money,
      description: "The sum of the months' amounts due.",
      resolve: (s) => ({
        amount: s.lines.reduce((sum, l) => sum.plus(l.amountDue), new Decimal(0)).toFixed(minorUnits(s.currency)),
        currency: s.currency,
      }),
    }),
  }),
});

// ---- Root fields ------------------------------------------------------------------------------------------

builder.queryFields((t) => ({
  potentialPoints: t.field({
    type: PointsQuoteRef,
    description:
      "How many points a basket would earn, unit by unit (CrowdTwist's Potential Points). Partner credentials use the partner's own rate.",
    args: {
      programId: t.arg.id(actingFields.programId),
      partnerId: t.arg.id(actingFields.partnerId),
      basket: t.arg({ type: BasketInputRef, required: true }),
    },
    resolve: async (_root, args, ctx) => {
      const caller = await resolvePointsCaller(ctx, {
        programId: optionalRowId(args.programId, "Program"),
        partnerId: optionalRowId(args.partnerId, "Partner"),
      });
      return quote(ctx, caller, basketOf(args.basket));
    },
  }),
  member: t.prismaField({
    type: "Member",
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _r, args, ctx) =>
      requireMember(
        await ctx.prisma.member.findFirst({
          ...query,
          where: memberRefWhere(ctx.principal, { id: rowId(args.id, "Member") }),
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
          where: memberRefWhere(ctx.principal, {
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
        "A program's members, oldest first (managers and staff; partners see members they awarded points to).",
      args: { programId: t.arg.id({ required: true }) },
      totalCount: (_p, args, ctx) =>
        ctx.prisma.member.count({
          where: { AND: [memberFilter(ctx.principal), { programId: rowId(args.programId, "Program") }] },
        }),
      resolve: (query, _r, args, ctx) =>
        ctx.prisma.member.findMany({
          ...query,
          where: { AND: [memberFilter(ctx.principal), { programId: rowId(args.programId, "Program") }] },
          orderBy: { id: "asc" },
        }),
    },
    builder.connectionObject({ type: MemberRefType, name: "MemberConnection" }, { name: "MemberEdge" }),
  ),
  partnerStatement: t.field({
    type: StatementRef,
    description:
      "A partner's billing by month (the partner, or its program's managers). Months are YYYY-MM, inclusive.",
    args: {
      partnerId: t.arg.id({ required: true }),
      from: t.arg.string({ required: true }),
      to: t.arg.string({ required: true }),
    },
    resolve: (_r, args, ctx) =>
      partnerStatement(ctx, rowId(args.partnerId, "Partner", ErrorCode.PARTNER_NOT_FOUND), args.from, args.to),
  }),
  programStatement: t.field({
    type: StatementRef,
    description: "Every partner's billing by month (the program's managers).",
    args: {
      programId: t.arg.id({ required: true }),
      from: t.arg.string({ required: true }),
      to: t.arg.string({ required: true }),
    },
    resolve: (_r, args, ctx) => programStatement(ctx, rowId(args.programId, "Program"), args.from, args.to),
  }),
}));

const pointsErrors = {
  types: [ValidationError, ConflictError, NotFoundError, NotConfiguredError],
  directResult: true as const,
};

builder.mutationFields((t) => ({
  createMember: t.field({
    type: MemberPayload,
    description: "Add a member (managers). Creating an existing external id returns that member.",
    args: { input: t.arg({ type: CreateMemberInput, required: true }) },
    errors: { types: [ValidationError, NotFoundError], directResult: true, union: { name: "CreateMemberResult" } },
    resolve: async (_r, { input }, ctx) => ({
      member: await createMember(ctx, rowId(input.programId, "Program"), input),
    }),
  }),
  recordPurchase: t.field({
    type: RecordPurchasePayload,
    description: "Award a purchase's points: exactly what potentialPoints quotes for the same basket and time.",
    args: { input: t.arg({ type: RecordPurchaseInput, required: true }) },
    errors: { ...pointsErrors, union: { name: "RecordPurchaseResult" } },
    resolve: (_r, { input }, ctx) =>
      recordPurchase(ctx, {
        programId: optionalRowId(input.programId, "Program"),
        partnerId: optionalRowId(input.partnerId, "Partner"),
        receiptId: input.receiptId,
        member: memberRef(input),
        basket: basketOf(input.basket),
      }),
  }),
  recordReturn: t.field({
    type: RecordReturnPayload,
    description: "Take back exactly what returned units earned at purchase. Returning more than was bought is refused.",
    args: { input: t.arg({ type: RecordReturnInput, required: true }) },
    errors: { ...pointsErrors, union: { name: "RecordReturnResult" } },
    resolve: (_r, { input }, ctx) =>
      recordReturn(ctx, {
        ...input,
        programId: optionalRowId(input.programId, "Program"),
        partnerId: optionalRowId(input.partnerId, "Partner"),
      }),
  }),
  adjustPoints: t.field({
    type: AdjustPointsPayload,
    description: "Add or take points by hand, with a reason (managers). Idempotent on idempotencyKey.",
    args: { input: t.arg({ type: AdjustPointsInput, required: true }) },
    errors: {
      types: [ValidationError, ConflictError, NotFoundError, InsufficientPointsError],
      directResult: true,
      union: { name: "AdjustPointsResult" },
    },
    resolve: (_r, { input }, ctx) => adjustPoints(ctx, rowId(input.programId, "Program"), memberRef(input), input),
  }),
}));
