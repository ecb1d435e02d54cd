// Potential points: what a basket would earn, unit by unit; the engine's breakdown types and the basket input
// that purchases share.
import type { PointsResult, UnitBreakdown } from "@partnergraph/points";
import { type BasketInput, quote, resolvePointsCaller } from "../../domain/points/quote.js";
import { builder } from "../builder.js";
import { optionalRowId } from "../ids.js";

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
export const UnitBreakdownRef = builder.objectRef<UnitBreakdown>("PointsUnit").implement({
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
export const BasketInputRef = builder.inputType("PointsBasketInput", {
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
export const actingFields = {
  programId: { description: "Implied by program and partner keys." },
  partnerId: {
    description: "Managers: award through this partner (its rate and billing). Implied by partner credentials.",
  },
};

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

export function basketOf(input: BasketArgs): BasketInput {
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
}));
