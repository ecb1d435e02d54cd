// Purchases and returns: recordPurchase awards what potentialPoints quotes, recordReturn takes back what the
// returned units earned; the Purchase node and its returns.
import type { PointsResult, UnitBreakdown } from "@partnergraph/points";
import { ConflictError, NotConfiguredError, NotFoundError, ValidationError } from "../../domain/kernel/errors.js";
import { recordPurchase, recordReturn } from "../../domain/points/purchases.js";
import { visiblePurchases } from "../../domain/points/scope.js";
import type { Purchase, PurchaseReturn } from "../../generated/prisma/client.js";
import { builder } from "../builder.js";
import { optionalRowId } from "../ids.js";
import { memberRef } from "./members.js";
import { actingFields, BasketInputRef, basketOf, UnitBreakdownRef } from "./quote.js";

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
  findUnique: (id, ctx) => ({ id, AND: [visiblePurchases(ctx.principal)] }),
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

const pointsErrors = {
  types: [ValidationError, ConflictError, NotFoundError, NotConfiguredError],
};

builder.mutationFields((t) => ({
  recordPurchase: t.field({
    type: RecordPurchasePayload,
    description: "Award a purchase's points: exactly what potentialPoints quotes for the same basket and time.",
    args: { input: t.arg({ type: RecordPurchaseInput, required: true }) },
    errors: { ...pointsErrors },
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
    errors: { ...pointsErrors },
    resolve: (_r, { input }, ctx) =>
      recordReturn(ctx, {
        ...input,
        programId: optionalRowId(input.programId, "Program"),
        partnerId: optionalRowId(input.partnerId, "Partner"),
      }),
  }),
}));
