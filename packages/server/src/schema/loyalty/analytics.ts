// loyaltyStats: the business dashboard's figures per bucket, with totals and popular rewards. Thin: decode ids,
// call the domain.
import { type LoyaltyStats, type LoyaltyStatsValues, loyaltyStats } from "../../domain/loyalty/analytics.js";
import { builder } from "../builder.js";
import { optionalRowId } from "../ids.js";
import { StatsIntervalEnum } from "../referrals/analytics.js";
import { RewardRef } from "./rewards.js";

const clubNull = " Null when the figures are a club's (views and follows happen on a card, not in a club).";

const ValuesRef = builder.objectRef<LoyaltyStatsValues>("LoyaltyStatsValues").implement({
  fields: (t) => ({
    cardViews: t.exposeInt("cardViews", {
      nullable: true,
      description: `Times the cards were viewed (CARD_VIEW activities).${clubNull}`,
    }),
    newFollowers: t.exposeInt("newFollowers", {
      nullable: true,
      description: `Follows of the cards (a member who unfollows and follows again counts again).${clubNull}`,
    }),
    pointsIssued: t.exposeInt("pointsIssued", {
      description: "Points credited to loyalty card balances (awards, game prizes, imports).",
    }),
    pointsRedeemed: t.exposeInt("pointsRedeemed", {
      description: "Points debited from loyalty card balances by redemptions (REDEEM entries, imported ones included).",
    }),
    stampsCollected: t.exposeInt("stampsCollected", { description: "Stamps credited to stamp card balances." }),
    activeMembers: t.exposeInt("activeMembers", {
      description:
        "Distinct members with any activity (a view, follow, award, stamp, redemption, coupon use, game play or import). In totals: distinct over the whole range, not the sum of the buckets.",
    }),
    redemptions: t.exposeInt("redemptions", { description: "Rewards redeemed." }),
  }),
});

const BucketRef = builder.objectRef<LoyaltyStats["buckets"][number]>("LoyaltyStatsBucket").implement({
  fields: (t) => ({
    start: t.expose("start", {
      type: "DateTime",
      description: "The bucket's first instant (local midnight etc. in the program's time zone).",
    }),
    values: t.field({ type: ValuesRef, resolve: (b) => b }),
  }),
});

const PopularRewardRef = builder.objectRef<LoyaltyStats["popularRewards"][number]>("PopularReward").implement({
  fields: (t) => ({
    reward: t.field({ type: RewardRef, resolve: (r) => r.reward }),
    redemptions: t.exposeInt("redemptions", { description: "Redemptions over the range (in the scope)." }),
  }),
});

const StatsRef = builder.objectRef<LoyaltyStats>("LoyaltyStats").implement({
  fields: (t) => ({
    buckets: t.field({
      type: [BucketRef],
      description: "Every bucket of the range, empty ones included.",
      resolve: (s) => s.buckets,
    }),
    totals: t.field({ type: ValuesRef, description: "Over the whole range.", resolve: (s) => s.totals }),
    popularRewards: t.field({
      type: [PopularRewardRef],
      description: "The most redeemed rewards over the range, most first (ties: oldest reward first).",
      resolve: (s) => s.popularRewards,
    }),
  }),
});

const LoyaltyStatsInput = builder.inputType("LoyaltyStatsInput", {
  description: "Give programId or partnerId (or both); cardId and clubId narrow further.",
  fields: (t) => ({
    programId: t.id(),
    partnerId: t.id({ description: "One partner's cards and clubs (a partner always gets only its own)." }),
    cardId: t.id({ description: "One card." }),
    clubId: t.id({
      description:
        "What happened in one club: staff actions, redemptions and the members involved (staff always get only their clubs').",
    }),
    from: t.field({ type: "DateTime", required: true, description: "Inclusive." }),
    to: t.field({ type: "DateTime", required: true, description: "Exclusive. At most 1000 buckets." }),
    interval: t.field({ type: StatsIntervalEnum, required: true }),
    topRewards: t.int({ description: "How many popular rewards, 1–50 (default 5)." }),
  }),
});

builder.queryFields((t) => ({
  loyaltyStats: t.field({
    type: StatsRef,
    description:
      "Card views, new followers, points issued and redeemed, stamps collected, active members and redemptions per bucket of the program's time zone, with totals and popular rewards. The program's managers and keys: the whole program or any partner, card or club of it; a partner: its own cards and clubs (INSUFFICIENT_PARTNER_PERMISSIONS for others'); staff: the clubs they work in (STORE_ACCESS_DENIED for other clubs and their cards).",
    args: { input: t.arg({ type: LoyaltyStatsInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      loyaltyStats(ctx, {
        programId: optionalRowId(input.programId, "Program"),
        partnerId: optionalRowId(input.partnerId, "Partner"),
        cardId: optionalRowId(input.cardId, "Card"),
        clubId: optionalRowId(input.clubId, "Club"),
        from: input.from,
        to: input.to,
        interval: input.interval,
        topRewards: input.topRewards,
      }),
  }),
}));
