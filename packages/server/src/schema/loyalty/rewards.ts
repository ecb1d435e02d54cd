// Rewards and redemptions: the Reward and Redemption types, Card.rewards and `rewards`, and the writes
// (createReward, updateReward, redeemReward).

import {
  ConflictError,
  InsufficientPointsError,
  LoyaltyRuleError,
  NotFoundError,
  ValidationError,
} from "../../domain/kernel/errors.js";
import { unavailability } from "../../domain/loyalty/availability.js";
import { type RedeemResult, redeemReward } from "../../domain/loyalty/redemptions.js";
import { createReward, updateReward } from "../../domain/loyalty/rewards.js";
import { rewardList, visibleRedemptions, visibleRewards } from "../../domain/loyalty/scope.js";
import { resumeReward } from "../../domain/loyalty/suspension.js";
import type { Reward } from "../../generated/prisma/client.js";
import { RewardKind, RewardStatus } from "../../generated/prisma/enums.js";
import { builder, connectionComplexity } from "../builder.js";
import { connectionWhere } from "../connections.js";
import { WRITE_ERRORS } from "../errors.js";
import { optionalRowId, rowId } from "../ids.js";
import { loadVisibleClubs } from "./club-loader.js";
import { ClubRef } from "./clubs.js";
import { CouponRef } from "./coupons.js";
import { MemberRefInput, memberRef } from "./members.js";

export const RewardKindEnum = builder.enumType(RewardKind, {
  name: "RewardKind",
  description:
    "COUPON: redeeming issues a one-time coupon, used later at the counter. INSTANT: handed over at the counter when staff redeem it.",
});
export const RewardStatusEnum = builder.enumType(RewardStatus, { name: "RewardStatus" });

const cardCostSelect = { card: { select: { type: true, stampsRequired: true, couponValidityDays: true } } } as const;

export const RewardRef = builder.prismaNode("Reward", {
  id: { field: "id" },
  nullable: true,
  description:
    "Something a card's members redeem: for points on a LOYALTY card, for a full card on a STAMP card. Owners and staff see every reward of their cards; members following a card only the available ones.",
  findUnique: (id, ctx) => ({ id, AND: [visibleRewards(ctx.principal)] }),
  fields: (t) => ({
    card: t.relation("card"),
    title: t.exposeString("title"),
    description: t.exposeString("description", { nullable: true }),
    kind: t.expose("kind", { type: RewardKindEnum }),
    pointsCost: t.exposeInt("pointsCost", {
      nullable: true,
      description: "Points it costs on a LOYALTY card; null on a STAMP card.",
    }),
    cost: t.int({
      description:
        "What one redemption takes from the card balance: pointsCost on a LOYALTY card, stampsRequired (a full card) on a STAMP card.",
      select: { pointsCost: true, ...cardCostSelect },
      resolve: (r) => (r.card.type === "STAMP" ? (r.card.stampsRequired ?? 0) : (r.pointsCost ?? 0)),
    }),
    stock: t.exposeInt("stock", { nullable: true, description: "Units left; null: unlimited." }),
    startsAt: t.expose("startsAt", { type: "DateTime", nullable: true }),
    endsAt: t.expose("endsAt", { type: "DateTime", nullable: true, description: "Exclusive." }),
    status: t.expose("status", { type: RewardStatusEnum }),
    suspendedAt: t.expose("suspendedAt", {
      type: "DateTime",
      nullable: true,
      description:
        "Set when the card's partner was disabled or deleted: the reward cannot be redeemed until resumeReward (enabling the partner does not lift it).",
    }),
    couponValidityDays: t.exposeInt("couponValidityDays", {
      nullable: true,
      description: "Days its coupons stay valid; null: the card's default.",
    }),
    effectiveCouponValidityDays: t.int({
      nullable: true,
      description: "What its coupons get: couponValidityDays, else the card's default; null: unlimited.",
      select: { couponValidityDays: true, ...cardCostSelect },
      resolve: (r) => r.couponValidityDays ?? r.card.couponValidityDays,
    }),
    available: t.boolean({
      description: "Whether it can be redeemed now: ACTIVE, not suspended, inside its window, in stock.",
      select: { status: true, suspendedAt: true, startsAt: true, endsAt: true, stock: true },
      resolve: (r) => unavailability(r) === null,
    }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
  }),
});

export const RewardConnection = builder.connectionObject(
  { type: RewardRef, name: "RewardConnection" },
  { name: "RewardEdge" },
);

const cardRewardsWhere = connectionWhere((args: { onlyAvailable?: boolean | null }, ctx) =>
  rewardList(ctx.principal, undefined, args.onlyAvailable ?? false),
);
const rewardsWhere = connectionWhere((args: { cardId: string; onlyAvailable?: boolean | null }, ctx) =>
  rewardList(ctx.principal, rowId(args.cardId, "Card"), args.onlyAvailable ?? false),
);

builder.prismaObjectField("Card", "rewards", (t) =>
  t.relatedConnection("rewards", {
    cursor: "id",
    complexity: connectionComplexity,
    totalCount: true,
    args: {
      onlyAvailable: t.arg.boolean({
        description: "Only rewards that can be redeemed now (members always see only those).",
      }),
    },
    description: "The card's rewards the caller may see, oldest first.",
    query: (args, ctx) => ({
      where: cardRewardsWhere(args, ctx),
      orderBy: { id: "asc" },
    }),
  }),
);

export const RedemptionRef = builder.prismaNode("Redemption", {
  id: { field: "id" },
  nullable: true,
  description: "A member's redemption of a reward: what it cost and the coupon it issued.",
  findUnique: (id, ctx) => ({ id, ...visibleRedemptions(ctx.principal) }),
  fields: (t) => ({
    reward: t.relation("reward"),
    card: t.relation("card"),
    member: t.relation("member"),
    club: t.loadable({
      type: ClubRef,
      nullable: true,
      description: "The club it happened in, when the caller may see clubs (null for a member's own redemption).",
      load: (ids: string[], ctx) => loadVisibleClubs(ctx, ids),
      resolve: (r) => r.clubId,
    }),
    cost: t.exposeInt("cost", { description: "Points (LOYALTY) or stamps (STAMP) taken from the card balance." }),
    coupon: t.relation("coupon", { nullable: true, description: "The coupon issued (COUPON rewards)." }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

builder.queryFields((t) => ({
  rewards: t.prismaConnection(
    {
      type: "Reward",
      cursor: "id",
      complexity: connectionComplexity,
      description:
        "A card's rewards the caller may see (owners and staff: all; members following the card: the available ones), oldest first.",
      args: { cardId: t.arg.id({ required: true }), onlyAvailable: t.arg.boolean() },
      totalCount: (_p, args, ctx) => ctx.prisma.reward.count({ where: rewardsWhere(args, ctx) }),
      resolve: (query, _r, args, ctx) =>
        ctx.prisma.reward.findMany({
          ...query,
          where: rewardsWhere(args, ctx),
          orderBy: { id: "asc" },
        }),
    },
    RewardConnection,
  ),
}));

const rewardFields = {
  title: { description: "1-200 characters." },
  kind: { description: "Default COUPON." },
  pointsCost: {
    description: "Required on a LOYALTY card (at least 1); left out on a STAMP card, where a full card pays.",
  },
  stock: {
    description:
      "Units available (0 or more); left out: unlimited. Each redemption takes one; each COUPON game prize takes its couponCount.",
  },
  startsAt: { description: "From when it can be redeemed; left out: at once." },
  endsAt: { description: "Until when (exclusive); left out: no end." },
  couponValidityDays: {
    description:
      "COUPON rewards: days (× 24 hours from issue) its coupons stay valid, 1-3650; left out: the card's default.",
  },
  status: { description: "Default ACTIVE." },
};

const CreateRewardInput = builder.inputType("CreateRewardInput", {
  fields: (t) => ({
    cardId: t.id({ required: true }),
    title: t.string({ required: true, ...rewardFields.title }),
    description: t.string(),
    kind: t.field({ type: RewardKindEnum, ...rewardFields.kind }),
    pointsCost: t.int(rewardFields.pointsCost),
    stock: t.int(rewardFields.stock),
    startsAt: t.field({ type: "DateTime", ...rewardFields.startsAt }),
    endsAt: t.field({ type: "DateTime", ...rewardFields.endsAt }),
    couponValidityDays: t.int(rewardFields.couponValidityDays),
    status: t.field({ type: RewardStatusEnum, ...rewardFields.status }),
  }),
});

const UpdateRewardInput = builder.inputType("UpdateRewardInput", {
  description: "Only the fields present change; null clears an optional field. Stock is set, not adjusted.",
  fields: (t) => ({
    rewardId: t.id({ required: true }),
    title: t.string(rewardFields.title),
    description: t.string(),
    kind: t.field({ type: RewardKindEnum }),
    pointsCost: t.int(rewardFields.pointsCost),
    stock: t.int(rewardFields.stock),
    startsAt: t.field({ type: "DateTime", ...rewardFields.startsAt }),
    endsAt: t.field({ type: "DateTime", ...rewardFields.endsAt }),
    couponValidityDays: t.int(rewardFields.couponValidityDays),
    status: t.field({ type: RewardStatusEnum }),
  }),
});

const RedeemRewardInput = builder.inputType("RedeemRewardInput", {
  description:
    "Staff (or owners) at the counter send the member's scanned qr; any reward. Without qr, a member redeems a COUPON reward themselves (or a manager or the card's partner does it for them, naming the member); INSTANT rewards need staff.",
  fields: (t) => ({
    rewardId: t.id({ required: true }),
    cardId: t.id({ description: "Optional check: the reward's card." }),
    qr: t.string({ description: "The member's QR payload, as scanned (usable once per action kind)." }),
    clubId: t.id({
      description: "The club it happens in; needed by staff working in several clubs that carry the card.",
    }),
    idempotencyKey: t.string({
      required: true,
      description: "A retry with the same key returns the original redemption; another request with it is a CONFLICT.",
    }),
    member: t.field({
      type: MemberRefInput,
      description:
        "Without qr: the member it is for (managers, the card's partner); a member's own login leaves it out.",
    }),
  }),
});

const ResumeRewardInput = builder.inputType("ResumeRewardInput", {
  fields: (t) => ({ rewardId: t.id({ required: true }) }),
});

const RewardPayload = (name: string) =>
  builder
    .objectRef<{ reward: Reward }>(name)
    .implement({ fields: (t) => ({ reward: t.field({ type: RewardRef, resolve: (p) => p.reward }) }) });

const RedeemRewardPayload = builder.objectRef<RedeemResult & { replayed: boolean }>("RedeemRewardPayload").implement({
  fields: (t) => ({
    redemption: t.field({ type: RedemptionRef, resolve: (p) => p.redemption }),
    coupon: t.field({
      type: CouponRef,
      nullable: true,
      description: "The coupon issued (COUPON rewards).",
      resolve: (p) => p.coupon,
    }),
    balance: t.exposeInt("balance", {
      description: "The card balance (points or stamps) after the redemption; on a replay, the balance now.",
    }),
    replayed: t.exposeBoolean("replayed", {
      description: "True when this call repeated an earlier one and got its result.",
    }),
  }),
});

builder.mutationFields((t) => ({
  createReward: t.field({
    type: RewardPayload("CreateRewardPayload"),
    description: "Add a reward to a card (the card's owners). A disabled partner's new rewards start suspended.",
    args: { input: t.arg({ type: CreateRewardInput, required: true }) },
    errors: { types: WRITE_ERRORS },
    resolve: async (_r, { input }, ctx) => ({ reward: await createReward(ctx, rowId(input.cardId, "Card"), input) }),
  }),
  updateReward: t.field({
    type: RewardPayload("UpdateRewardPayload"),
    description: "Change a reward (the card's owners).",
    args: { input: t.arg({ type: UpdateRewardInput, required: true }) },
    errors: { types: WRITE_ERRORS },
    resolve: async (_r, { input }, ctx) => {
      const { rewardId, ...patch } = input;
      return { reward: await updateReward(ctx, rowId(rewardId, "Reward"), patch) };
    },
  }),
  resumeReward: t.field({
    type: RewardPayload("ResumeRewardPayload"),
    description:
      "Lift a reward's suspension (the card's owners): a partner disabled and enabled again leaves its rewards suspended until each is resumed. CARD_INACTIVE while the partner is still disabled; a reward that is not suspended is returned unchanged. Audited.",
    args: { input: t.arg({ type: ResumeRewardInput, required: true }) },
    errors: { types: [...WRITE_ERRORS, LoyaltyRuleError] },
    resolve: async (_r, { input }, ctx) => ({ reward: await resumeReward(ctx, rowId(input.rewardId, "Reward")) }),
  }),
  redeemReward: t.field({
    type: RedeemRewardPayload,
    description:
      "Redeem a reward from the member's card balance, in one transaction: REWARD_UNAVAILABLE (inactive, suspended, outside its window), OUT_OF_STOCK, InsufficientPointsError (points on a LOYALTY card, a full card of stamps on a STAMP card), DAILY_LIMIT_REACHED, QR errors. Issues a coupon for COUPON rewards. STORE_ACCESS_DENIED for staff of clubs not carrying the card.",
    args: { input: t.arg({ type: RedeemRewardInput, required: true }) },
    errors: {
      types: [ValidationError, ConflictError, NotFoundError, LoyaltyRuleError, InsufficientPointsError],
    },
    resolve: (_r, { input }, ctx) =>
      redeemReward(ctx, ctx.secrets.session, {
        rewardId: rowId(input.rewardId, "Reward"),
        cardId: optionalRowId(input.cardId, "Card"),
        qr: input.qr,
        clubId: optionalRowId(input.clubId, "Club"),
        idempotencyKey: input.idempotencyKey,
        member: memberRef(input.member),
      }),
  }),
}));
