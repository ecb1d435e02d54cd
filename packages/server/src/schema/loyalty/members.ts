// Members' side of loyalty: following cards, card views, the member QR, a member's cards with balances and
// their activity history (thin: decode ids, call the domain, shape results).
import { LoyaltyRuleError, NotFoundError, ValidationError } from "../../domain/kernel/errors.js";
import { followCard, recordCardView, unfollowCard } from "../../domain/loyalty/follows.js";
import { issueMemberQr } from "../../domain/loyalty/members.js";
import { visibleActivities, visibleFollows } from "../../domain/loyalty/scope.js";
import { type StampProgress, stampProgresses } from "../../domain/loyalty/stamp-progress.js";
import { balances } from "../../domain/points/ledger.js";
import type { MemberRef as DomainMemberRef } from "../../domain/points/members.js";
import type { Card, CardFollow, Member } from "../../generated/prisma/client.js";
import { ActivityType } from "../../generated/prisma/enums.js";
import { builder, connectionComplexity } from "../builder.js";
import { connectionWhere } from "../connections.js";
import { optionalRowId, rowId } from "../ids.js";
import { MemberRefType } from "../points/members.js";
import { CardRef } from "./cards.js";

export const ActivityTypeEnum = builder.enumType(ActivityType, { name: "ActivityType" });

export const ActivityRef = builder.prismaNode("Activity", {
  id: { field: "id" },
  nullable: true,
  description:
    "One entry of a member's or card's loyalty history: a view, follow, staff action, redemption or game play.",
  findUnique: (id, ctx) => ({ id, AND: [visibleActivities(ctx.principal)] }),
  fields: (t) => ({
    type: t.expose("type", { type: ActivityTypeEnum }),
    card: t.relation("card", { nullable: true }),
    club: t.relation("club", {
      nullable: true,
      description: "Where a staff action happened (null when an owner acted without naming a club).",
    }),
    member: t.relation("member", { nullable: true, description: "Null for anonymous card views." }),
    points: t.exposeInt("points", { nullable: true, description: "Points (LOYALTY) or stamps (STAMP) moved, signed." }),
    amount: t.expose("amount", {
      type: "Decimal",
      nullable: true,
      description: "The purchase amount behind an award, in the program's currency.",
    }),
    actorType: t.exposeString("actorType", {
      nullable: true,
      description: "USER, PROGRAM_KEY, PARTNER_KEY or ADMIN_KEY; null when the member acted themselves.",
    }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

export const StampProgressRef = builder.objectRef<StampProgress>("StampProgress").implement({
  description:
    "A member's stamps on a card, from the ledger: full cards = floor(stamps ÷ required), current = stamps mod required.",
  fields: (t) => ({
    stampsRequired: t.exposeInt("stampsRequired"),
    current: t.exposeInt("current", { description: "Stamps on the card in progress." }),
    fullCards: t.exposeInt("fullCards", { description: "Full cards waiting to be redeemed." }),
    completed: t.exposeInt("completed", { description: "Cards ever filled, redeemed or not." }),
  }),
});

const pairOf = (key: string) => {
  const [memberId, cardId] = key.split(":") as [string, string];
  return { memberId, cardId };
};

export const MemberCardRef = builder.prismaObject("CardFollow", {
  name: "MemberCard",
  description: "A card a member follows, with their balance on it.",
  fields: (t) => ({
    card: t.relation("card"),
    member: t.relation("member"),
    followedAt: t.expose("followedAt", { type: "DateTime" }),
    balance: t.loadable({
      type: "Int",
      description: "The card's balance: points on a LOYALTY card, stamps (full cards included) on a STAMP card.",
      load: (keys: string[], ctx) => balances(ctx.prisma, keys.map(pairOf)),
      resolve: (f) => `${f.memberId}:${f.cardId}`,
    }),
    stamps: t.loadable({
      type: StampProgressRef,
      nullable: true,
      description: "Stamp progress; null on LOYALTY cards.",
      load: (keys: string[], ctx) => stampProgresses(ctx.prisma, keys.map(pairOf)),
      resolve: (f) => `${f.memberId}:${f.cardId}`,
    }),
  }),
});

const memberCardsWhere = connectionWhere((_args: object, ctx) => visibleFollows(ctx.principal));
const memberActivitiesWhere = connectionWhere((_args: object, ctx) => visibleActivities(ctx.principal));

builder.prismaObjectFields("Member", (t) => ({
  cards: t.relatedConnection("follows", {
    cursor: "cardId_memberId",
    complexity: connectionComplexity,
    totalCount: true,
    description:
      "The cards the member follows, oldest follow first, with balances (partners and staff see only their cards).",
    query: (args, ctx) => ({
      where: memberCardsWhere(args, ctx),
      orderBy: [{ followedAt: "asc" }, { cardId: "asc" }],
    }),
  }),
  activities: t.relatedConnection("activities", {
    cursor: "id",
    complexity: connectionComplexity,
    totalCount: true,
    description: "The member's loyalty history, newest first (partners and staff see only their cards').",
    query: (args, ctx) => ({ where: memberActivitiesWhere(args, ctx), orderBy: { id: "desc" } }),
  }),
}));

// ---- Inputs ------------------------------------------------------------------------------------------------

const ExternalMemberId = builder.inputType("ExternalMemberId", {
  fields: (t) => ({ programId: t.id({ required: true }), externalId: t.string({ required: true }) }),
});

export const MemberRefInput = builder.inputType("MemberRef", {
  isOneOf: true,
  description: "Names a member by global ID, or by the program's own customer id: exactly one of the two.",
  fields: (t) => ({ id: t.id(), external: t.field({ type: ExternalMemberId }) }),
});

export function memberRef(
  ref: { id?: string | null; external?: { programId: string; externalId: string } | null } | null | undefined,
): DomainMemberRef | null {
  if (!ref) return null;
  if (ref.id) return { id: rowId(ref.id, "Member") };
  if (ref.external) return { programId: rowId(ref.external.programId, "Program"), externalId: ref.external.externalId };
  throw new ValidationError([{ path: "member", message: "give id or external" }]);
}

const actingFor = {
  description:
    "Managers, and a card's partner on its cards: act for this member. Omit to act as yourself (a member's own login).",
};

const FollowCardInput = builder.inputType("FollowCardInput", {
  description: "Give cardId (PUBLIC cards) or followToken (from the card's QR link; any ACTIVE card).",
  fields: (t) => ({ cardId: t.id(), followToken: t.string(), member: t.field({ type: MemberRefInput, ...actingFor }) }),
});
const MemberCardInput = (name: string) =>
  builder.inputType(name, {
    fields: (t) => ({ cardId: t.id({ required: true }), member: t.field({ type: MemberRefInput, ...actingFor }) }),
  });
const MemberQrInput = builder.inputType("MemberQrInput", {
  description: "A member's own login gives programId; managers name the member.",
  fields: (t) => ({ programId: t.id(), member: t.field({ type: MemberRefInput }) }),
});

const FollowCardPayload = builder.objectRef<{ follow: CardFollow; created: boolean }>("FollowCardPayload").implement({
  fields: (t) => ({
    follow: t.field({ type: MemberCardRef, resolve: (p) => p.follow }),
    created: t.exposeBoolean("created", {
      description: "False when the member already followed the card (nothing was written).",
    }),
  }),
});
const UnfollowCardPayload = builder.objectRef<{ card: Card; member: Member }>("UnfollowCardPayload").implement({
  fields: (t) => ({
    card: t.field({ type: CardRef, resolve: (p) => p.card }),
    member: t.field({ type: MemberRefType, resolve: (p) => p.member }),
  }),
});
const RecordCardViewPayload = builder.objectRef<{ card: Card }>("RecordCardViewPayload").implement({
  fields: (t) => ({ card: t.field({ type: CardRef, resolve: (p) => p.card }) }),
});
const MemberQrPayload = builder.objectRef<{ payload: string; expiresAt: Date }>("MemberQrPayload").implement({
  description:
    "Show `payload` as a QR code: staff scan it for one award, one stamp addition and one redemption, until expiresAt (5 minutes).",
  fields: (t) => ({ payload: t.exposeString("payload"), expiresAt: t.expose("expiresAt", { type: "DateTime" }) }),
});

const memberErrors = [ValidationError, NotFoundError, LoyaltyRuleError];

builder.mutationFields((t) => ({
  followCard: t.field({
    type: FollowCardPayload,
    description:
      "Follow a card (collect on it): a PUBLIC, ACTIVE card by id, any ACTIVE card by its followToken; a QR_ONLY card named by id is NOT_FOUND. Following again returns the follow.",
    args: { input: t.arg({ type: FollowCardInput, required: true }) },
    errors: { types: memberErrors },
    resolve: (_r, { input }, ctx) =>
      followCard(ctx, {
        cardId: optionalRowId(input.cardId, "Card"),
        followToken: input.followToken,
        member: memberRef(input.member),
      }),
  }),
  unfollowCard: t.field({
    type: UnfollowCardPayload,
    description: "Stop following a card. The balance stays (following again shows it).",
    args: { input: t.arg({ type: MemberCardInput("UnfollowCardInput"), required: true }) },
    errors: { types: [ValidationError, NotFoundError] },
    resolve: (_r, { input }, ctx) =>
      unfollowCard(ctx, { cardId: rowId(input.cardId, "Card"), member: memberRef(input.member) }),
  }),
  recordCardView: t.field({
    type: RecordCardViewPayload,
    description:
      "Record that a card was viewed (analytics), as the caller's own member of the card's program when it is one, or for a named member.",
    args: { input: t.arg({ type: MemberCardInput("RecordCardViewInput"), required: true }) },
    errors: { types: [ValidationError, NotFoundError] },
    resolve: async (_r, { input }, ctx) => ({
      card: await recordCardView(ctx, { cardId: rowId(input.cardId, "Card"), member: memberRef(input.member) }),
    }),
  }),
  memberQr: t.field({
    type: MemberQrPayload,
    description:
      "A fresh signed QR payload for a member to show at the counter (the member's own login, or the program's managers).",
    args: { input: t.arg({ type: MemberQrInput, required: true }) },
    errors: { types: [ValidationError, NotFoundError] },
    resolve: (_r, { input }, ctx) => {
      if (!input.programId === !input.member)
        throw new ValidationError([
          { path: "programId", message: "give programId (your own member) or member (one of them)" },
        ]);
      return issueMemberQr(ctx, ctx.secrets.session, {
        programId: optionalRowId(input.programId, "Program"),
        member: memberRef(input.member),
      });
    },
  }),
}));
