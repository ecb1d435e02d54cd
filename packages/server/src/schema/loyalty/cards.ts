// Loyalty and stamp cards: types, queries and mutations (thin: decode ids, call the domain, shape results).
import { isOwner } from "../../domain/loyalty/access.js";
import { createLoyaltyCard, createStampCard, setCardClubs, updateCard } from "../../domain/loyalty/cards.js";
import {
  type CardListFilter,
  cardList,
  clubCardList,
  publicCardList,
  visibleCards,
  visibleClubs,
} from "../../domain/loyalty/scope.js";
import { canSeePartner } from "../../domain/partners/scope.js";
import type { Card } from "../../generated/prisma/client.js";
import { CardStatus, CardType, CardVisibility, StampCompletion } from "../../generated/prisma/enums.js";
import { builder, connectionComplexity, type InputFields } from "../builder.js";
import { connectionWhere } from "../connections.js";
import { WRITE_ERRORS } from "../errors.js";
import { optionalRowId, rowId } from "../ids.js";
import { PartnerRef } from "../partners/partners.js";
import { ClubRef } from "./clubs.js";

export const CardTypeEnum = builder.enumType(CardType, {
  name: "CardType",
  description: "LOYALTY cards collect points; STAMP cards collect stamps toward a full card.",
});
export const CardVisibilityEnum = builder.enumType(CardVisibility, {
  name: "CardVisibility",
  description:
    "PUBLIC cards are listed (publicCards) and anyone may follow them; QR_ONLY cards only through their followToken (the card's QR link).",
});
export const CardStatusEnum = builder.enumType(CardStatus, {
  name: "CardStatus",
  description: "An INACTIVE card cannot be followed or earned on; balances stay.",
});
export const StampCompletionEnum = builder.enumType(StampCompletion, {
  name: "StampCompletion",
  description:
    "NEW_CARD: stamps beyond a full card start the next one at once. HOLD: no stamps are added while a full card waits to be redeemed.",
});

const CardDesignRef = builder.objectRef<Card>("CardDesign").implement({
  fields: (t) => ({
    name: t.exposeString("name"),
    description: t.exposeString("description", { nullable: true }),
    backgroundColor: t.exposeString("backgroundColor", { nullable: true, description: "#RRGGBB (upper-case)." }),
    textColor: t.exposeString("textColor", { nullable: true, description: "#RRGGBB (upper-case)." }),
    logoUrl: t.exposeString("logoUrl", { nullable: true }),
  }),
});

const LoyaltyRulesRef = builder.objectRef<Card>("LoyaltyCardRules").implement({
  description:
    "Points for a purchase: round(amount × pointsPerCurrencyUnit) in the program's roundingMode (one rounding, of the whole amount), plus pointsPerVisit; nothing below minimumPurchase.",
  fields: (t) => ({
    pointsPerCurrencyUnit: t.expose("pointsPerCurrencyUnit", {
      type: "Decimal",
      nullable: true,
      description: "Points per unit of the program's currency; null: none.",
    }),
    pointsPerVisit: t.exposeInt("pointsPerVisit", {
      nullable: true,
      description: "Fixed points per qualifying purchase; null: none.",
    }),
  }),
});

const StampRulesRef = builder.objectRef<Card>("StampCardRules").implement({
  fields: (t) => ({
    stampsRequired: t.int({ description: "Stamps that fill a card.", resolve: (c) => c.stampsRequired ?? 1 }),
    stampsPerPurchase: t.int({
      description: "Stamps per qualifying purchase (at least minimumPurchase).",
      resolve: (c) => c.stampsPerPurchase ?? 1,
    }),
    dailyStampLimit: t.exposeInt("dailyStampLimit", {
      nullable: true,
      description: "Most stamps one member collects per day (program time zone); null: no limit.",
    }),
    afterCompletion: t.field({ type: StampCompletionEnum, resolve: (c) => c.afterCompletion ?? "NEW_CARD" }),
  }),
});

export const CardRef = builder.prismaNode("Card", {
  id: { field: "id" },
  nullable: true,
  description: "A partner's loyalty (points) or stamp card, carried by one or more of its clubs.",
  findUnique: (id, ctx) => ({ id, AND: [visibleCards(ctx.principal)] }),
  fields: (t) => ({
    type: t.expose("type", { type: CardTypeEnum }),
    name: t.exposeString("name"),
    design: t.field({ type: CardDesignRef, resolve: (c) => c }),
    visibility: t.expose("visibility", { type: CardVisibilityEnum }),
    status: t.expose("status", { type: CardStatusEnum }),
    followToken: t.string({
      nullable: true,
      description:
        "The token of the card's QR follow link (followCard with it); only the card's owners see it, null for everyone else.",
      resolve: (c, _args, ctx) => (isOwner(ctx.principal, c) ? c.followToken : null),
    }),
    program: t.relation("program"),
    partner: t.field({
      type: PartnerRef,
      nullable: true,
      description:
        "The partner's record, for its program's managers and the partner itself; null for staff and members.",
      select: (_args, _ctx, nested) => ({ partner: nested(true) }),
      resolve: (card, _args, ctx) => (canSeePartner(ctx.principal, card.partner) ? card.partner : null),
    }),
    partnerName: t.string({
      description: "The business's name, for everyone who sees the card.",
      select: { partner: { select: { name: true } } },
      resolve: (c) => c.partner.name,
    }),
    clubs: t.field({
      type: [ClubRef],
      description: "The clubs carrying the card that the caller may see (owners: all; staff: theirs).",
      select: (_args, ctx, nested) => ({
        clubs: {
          where: { club: visibleClubs(ctx.principal) },
          orderBy: { clubId: "asc" },
          select: { club: nested(true) },
        },
      }),
      resolve: (card) => card.clubs.map((c) => c.club),
    }),
    minimumPurchase: t.expose("minimumPurchase", {
      type: "Decimal",
      nullable: true,
      description: "Purchases below this amount earn nothing; null: no minimum.",
    }),
    couponValidityDays: t.exposeInt("couponValidityDays", {
      nullable: true,
      description: "Days the card's coupons stay valid by default; null: unlimited.",
    }),
    memberDailyActionLimit: t.exposeInt("memberDailyActionLimit", {
      nullable: true,
      description: "Most staff actions per member per day (program time zone); null: no limit.",
    }),
    staffDailyActionLimit: t.exposeInt("staffDailyActionLimit", {
      nullable: true,
      description: "Most actions one staff member performs per day on this card; null: no limit.",
    }),
    loyalty: t.field({
      type: LoyaltyRulesRef,
      nullable: true,
      description: "Earning rules; null on STAMP cards.",
      resolve: (c) => (c.type === "LOYALTY" ? c : null),
    }),
    stamp: t.field({
      type: StampRulesRef,
      nullable: true,
      description: "Stamp rules; null on LOYALTY cards.",
      resolve: (c) => (c.type === "STAMP" ? c : null),
    }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
  }),
});

export const CardConnection = builder.connectionObject({ type: CardRef, name: "CardConnection" }, { name: "CardEdge" });

const clubCardsWhere = connectionWhere((_args: object, ctx, club: { id: string }) =>
  clubCardList(ctx.principal, club.id),
);
const cardsWhere = connectionWhere(
  (
    args: {
      filter?: CardListFilter | null;
    },
    ctx,
  ) => {
    const f = args.filter;
    return cardList(ctx.principal, {
      programId: optionalRowId(f?.programId, "Program"),
      partnerId: optionalRowId(f?.partnerId, "Partner"),
      clubId: optionalRowId(f?.clubId, "Club"),
      type: f?.type,
      status: f?.status,
    });
  },
);
const publicCardsWhere = connectionWhere((args: { programId: string; type?: CardType | null }, _ctx) =>
  publicCardList(rowId(args.programId, "Program"), args.type),
);

builder.prismaObjectFields("Club", (t) => ({
  cards: t.prismaConnection(
    {
      type: "Card",
      cursor: "id",
      complexity: connectionComplexity,
      description: "The cards this club carries that the caller may see, oldest first.",
      totalCount: (club, args, ctx) => ctx.prisma.card.count({ where: clubCardsWhere(args, ctx, club) }),
      resolve: (query, club, args, ctx) =>
        ctx.prisma.card.findMany({
          ...query,
          where: clubCardsWhere(args, ctx, club),
          orderBy: { id: "asc" },
        }),
    },
    CardConnection,
  ),
}));

// ---- Inputs ------------------------------------------------------------------------------------------------

const design = {
  name: { description: "1-200 characters." },
  description: { description: "At most 2000 characters." },
  color: { description: "#RRGGBB." },
  logoUrl: { description: "An absolute http(s) URL, at most 2048 characters." },
};
const CardDesignInput = builder.inputType("CardDesignInput", {
  fields: (t) => ({
    name: t.string({ required: true, ...design.name }),
    description: t.string(design.description),
    backgroundColor: t.string(design.color),
    textColor: t.string(design.color),
    logoUrl: t.string(design.logoUrl),
  }),
});
const UpdateCardDesignInput = builder.inputType("UpdateCardDesignInput", {
  description: "Only the fields present change; null clears all but the name.",
  fields: (t) => ({
    name: t.string(design.name),
    description: t.string(design.description),
    backgroundColor: t.string(design.color),
    textColor: t.string(design.color),
    logoUrl: t.string(design.logoUrl),
  }),
});

const common = {
  visibility: { description: "Default PUBLIC." },
  status: { description: "Default ACTIVE." },
  minimumPurchase: {
    description: "Purchases below this amount earn nothing (up to 4 decimal places); null: no minimum.",
  },
  couponValidityDays: { description: "Days the card's coupons stay valid by default (1-3650); null: unlimited." },
  memberDailyActionLimit: {
    description: "Most staff actions per member per day on the card (1-10000); null: no limit.",
  },
  staffDailyActionLimit: {
    description: "Most actions one staff member may perform per day on the card (1-100000); null: no limit.",
  },
  clubIds: { description: "The clubs carrying the card: at least one, all of one partner (the card's partner)." },
  pointsPerCurrencyUnit: {
    description: "Points per unit of the program's currency spent (≥ 0, up to 4 decimal places); null: none.",
  },
  pointsPerVisit: { description: "Fixed points per qualifying purchase (0-1000000); null: none." },
  stampsRequired: { description: "Stamps that fill a card (1-100)." },
  stampsPerPurchase: { description: "Stamps per qualifying purchase (1-100, default 1)." },
  dailyStampLimit: { description: "Most stamps one member collects per day (1-1000); null: no limit." },
  afterCompletion: { description: "Default NEW_CARD." },
};

/** The fields both card types are created with. */
const newCardFields = (t: InputFields) => ({
  clubIds: t.idList({ required: true, ...common.clubIds }),
  design: t.field({ type: CardDesignInput, required: true }),
  visibility: t.field({ type: CardVisibilityEnum, ...common.visibility }),
  status: t.field({ type: CardStatusEnum, ...common.status }),
  minimumPurchase: t.field({ type: "Decimal", ...common.minimumPurchase }),
  couponValidityDays: t.int(common.couponValidityDays),
  memberDailyActionLimit: t.int(common.memberDailyActionLimit),
  staffDailyActionLimit: t.int(common.staffDailyActionLimit),
});
const CreateLoyaltyCardInput = builder.inputType("CreateLoyaltyCardInput", {
  fields: (t) => ({
    ...newCardFields(t),
    pointsPerCurrencyUnit: t.field({ type: "Decimal", ...common.pointsPerCurrencyUnit }),
    pointsPerVisit: t.int(common.pointsPerVisit),
  }),
});
const CreateStampCardInput = builder.inputType("CreateStampCardInput", {
  fields: (t) => ({
    ...newCardFields(t),
    stampsRequired: t.int({ required: true, ...common.stampsRequired }),
    stampsPerPurchase: t.int(common.stampsPerPurchase),
    dailyStampLimit: t.int(common.dailyStampLimit),
    afterCompletion: t.field({ type: StampCompletionEnum, ...common.afterCompletion }),
  }),
});
const UpdateCardInput = builder.inputType("UpdateCardInput", {
  description:
    "Only the fields present change; null clears an optional field (name, visibility, status and the stamp counts cannot be cleared). Rules of the other card type are refused; stampsRequired cannot change once stamps were collected.",
  fields: (t) => ({
    cardId: t.id({ required: true }),
    design: t.field({ type: UpdateCardDesignInput }),
    visibility: t.field({ type: CardVisibilityEnum }),
    status: t.field({ type: CardStatusEnum }),
    minimumPurchase: t.field({ type: "Decimal", ...common.minimumPurchase }),
    couponValidityDays: t.int(common.couponValidityDays),
    memberDailyActionLimit: t.int(common.memberDailyActionLimit),
    staffDailyActionLimit: t.int(common.staffDailyActionLimit),
    pointsPerCurrencyUnit: t.field({
      type: "Decimal",
      description: `LOYALTY cards. ${common.pointsPerCurrencyUnit.description}`,
    }),
    pointsPerVisit: t.int({ description: `LOYALTY cards. ${common.pointsPerVisit.description}` }),
    stampsRequired: t.int({ description: `STAMP cards. ${common.stampsRequired.description}` }),
    stampsPerPurchase: t.int({ description: `STAMP cards. ${common.stampsPerPurchase.description}` }),
    dailyStampLimit: t.int({ description: `STAMP cards. ${common.dailyStampLimit.description}` }),
    afterCompletion: t.field({ type: StampCompletionEnum, description: "STAMP cards." }),
    rotateFollowToken: t.boolean({
      description: "Issue a new followToken: the old QR follow link stops working (existing followers stay).",
    }),
  }),
});
const SetCardClubsInput = builder.inputType("SetCardClubsInput", {
  fields: (t) => ({ cardId: t.id({ required: true }), clubIds: t.idList({ required: true, ...common.clubIds }) }),
});
const CardFilter = builder.inputType("CardFilter", {
  fields: (t) => ({
    programId: t.id(),
    partnerId: t.id(),
    clubId: t.id(),
    type: t.field({ type: CardTypeEnum }),
    status: t.field({ type: CardStatusEnum }),
  }),
});

const CardPayload = (name: string) =>
  builder
    .objectRef<{ card: Card }>(name)
    .implement({ fields: (t) => ({ card: t.field({ type: CardRef, resolve: (p) => p.card }) }) });

const clubIds = (ids: readonly string[]) => ids.map((id) => rowId(id, "Club"));

builder.queryFields((t) => ({
  cards: t.prismaConnection(
    {
      type: "Card",
      cursor: "id",
      complexity: connectionComplexity,
      description:
        "The cards the caller manages (owners: their partners' cards) or works with (staff: the cards of their clubs), oldest first.",
      args: { filter: t.arg({ type: CardFilter }) },
      totalCount: (_p, args, ctx) => ctx.prisma.card.count({ where: cardsWhere(args, ctx) }),
      resolve: (query, _r, args, ctx) =>
        ctx.prisma.card.findMany({ ...query, where: cardsWhere(args, ctx), orderBy: { id: "asc" } }),
    },
    CardConnection,
  ),
  publicCards: t.prismaConnection(
    {
      type: "Card",
      cursor: "id",
      complexity: connectionComplexity,
      description:
        "A program's PUBLIC, ACTIVE cards of enabled partners, oldest first: for anyone logged in, members included.",
      args: { programId: t.arg.id({ required: true }), type: t.arg({ type: CardTypeEnum }) },
      totalCount: (_p, args, ctx) => ctx.prisma.card.count({ where: publicCardsWhere(args, ctx) }),
      resolve: (query, _r, args, ctx) =>
        ctx.prisma.card.findMany({
          ...query,
          where: publicCardsWhere(args, ctx),
          orderBy: { id: "asc" },
        }),
    },
    CardConnection,
  ),
}));

builder.mutationFields((t) => ({
  createLoyaltyCard: t.field({
    type: CardPayload("CreateLoyaltyCardPayload"),
    description: "Create a points card carried by clubs of one partner (the program's managers or the partner).",
    args: { input: t.arg({ type: CreateLoyaltyCardInput, required: true }) },
    errors: { types: WRITE_ERRORS },
    resolve: async (_r, { input }, ctx) => ({
      card: await createLoyaltyCard(ctx, { ...input, clubIds: clubIds(input.clubIds) }),
    }),
  }),
  createStampCard: t.field({
    type: CardPayload("CreateStampCardPayload"),
    description: "Create a stamp card carried by clubs of one partner (the program's managers or the partner).",
    args: { input: t.arg({ type: CreateStampCardInput, required: true }) },
    errors: { types: WRITE_ERRORS },
    resolve: async (_r, { input }, ctx) => ({
      card: await createStampCard(ctx, { ...input, clubIds: clubIds(input.clubIds) }),
    }),
  }),
  updateCard: t.field({
    type: CardPayload("UpdateCardPayload"),
    description: "Change a card's design, visibility, status, rules or limits (the program's managers or the partner).",
    args: { input: t.arg({ type: UpdateCardInput, required: true }) },
    errors: { types: WRITE_ERRORS },
    resolve: async (_r, { input: { cardId, ...patch } }, ctx) => ({
      card: await updateCard(ctx, rowId(cardId, "Card"), patch),
    }),
  }),
  setCardClubs: t.field({
    type: CardPayload("SetCardClubsPayload"),
    description:
      "Replace the clubs that carry a card: at least one, all of the card's partner. Staff of removed clubs lose access to the card at once.",
    args: { input: t.arg({ type: SetCardClubsInput, required: true }) },
    errors: { types: WRITE_ERRORS },
    resolve: async (_r, { input }, ctx) => ({
      card: await setCardClubs(ctx, rowId(input.cardId, "Card"), clubIds(input.clubIds)),
    }),
  }),
}));
