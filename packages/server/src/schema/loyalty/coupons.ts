// Coupons: the Coupon type, lists for owners and staff (and a member's own, on Member.coupons), redemption
// at the counter and cancellation.

import { ConflictError, LoyaltyRuleError, NotFoundError, ValidationError } from "../../domain/kernel/errors.js";
import { couponStatus } from "../../domain/loyalty/coupon-codes.js";
import { cancelCoupon, redeemCoupon } from "../../domain/loyalty/coupons.js";
import { type CouponListFilter, couponList, memberCouponList, visibleCoupons } from "../../domain/loyalty/scope.js";
import type { Coupon } from "../../generated/prisma/client.js";
import { CouponStatus } from "../../generated/prisma/enums.js";
import { builder, connectionComplexity } from "../builder.js";
import { connectionWhere } from "../connections.js";
import { optionalRowId, rowId } from "../ids.js";
import { loadVisibleClubs } from "./club-loader.js";
import { ClubRef } from "./clubs.js";

export const CouponStatusEnum = builder.enumType(CouponStatus, {
  name: "CouponStatus",
  description:
    "ISSUED: can be redeemed once. EXPIRED: an issued coupon past its expiresAt. REDEEMED: used at the counter. CANCELLED: withdrawn by the card's owner.",
});

export const CouponRef = builder.prismaNode("Coupon", {
  id: { field: "id" },
  nullable: true,
  description: "A one-time code a member shows at the counter, issued by a redemption or a game win.",
  findUnique: (id, ctx) => ({ id, AND: [visibleCoupons(ctx.principal)] }),
  fields: (t) => ({
    code: t.exposeString("code", {
      description:
        "Two groups of five upper-case letters and digits without look-alikes, e.g. K7QX2-MRD9T; unique in the program.",
    }),
    title: t.exposeString("title", { description: "The reward's title when the coupon was issued." }),
    status: t.field({
      type: CouponStatusEnum,
      select: { status: true, expiresAt: true },
      resolve: (c) => couponStatus(c),
    }),
    issuedAt: t.expose("issuedAt", { type: "DateTime" }),
    expiresAt: t.expose("expiresAt", {
      type: "DateTime",
      nullable: true,
      description: "issuedAt + the reward's couponValidityDays (else the card's) × 24 hours; null: never expires.",
    }),
    redeemedAt: t.expose("redeemedAt", { type: "DateTime", nullable: true }),
    redeemedClub: t.loadable({
      type: ClubRef,
      nullable: true,
      description:
        "The club it was redeemed in, when the caller may see clubs (null too when an owner redeemed it naming none).",
      load: (ids: string[], ctx) => loadVisibleClubs(ctx, ids),
      resolve: (c) => c.redeemedClubId,
    }),
    cancelledAt: t.expose("cancelledAt", { type: "DateTime", nullable: true }),
    card: t.relation("card"),
    reward: t.relation("reward", { nullable: true }),
    game: t.relation("game", { nullable: true, description: "The game whose win issued it." }),
    member: t.relation("member"),
  }),
});

export const CouponConnection = builder.connectionObject(
  { type: CouponRef, name: "CouponConnection" },
  { name: "CouponEdge" },
);

const memberCouponsWhere = connectionWhere((args: { status?: CouponStatus | null }, ctx) =>
  memberCouponList(ctx.principal, args.status),
);
const couponsWhere = connectionWhere(
  (
    args: {
      filter: CouponListFilter;
    },
    ctx,
  ) =>
    couponList(ctx.principal, {
      programId: rowId(args.filter.programId, "Program"),
      cardId: optionalRowId(args.filter.cardId, "Card"),
      memberId: optionalRowId(args.filter.memberId, "Member"),
      status: args.filter.status ?? null,
      code: args.filter.code ?? null,
    }),
);

builder.prismaObjectField("Member", "coupons", (t) =>
  t.relatedConnection("coupons", {
    cursor: "id",
    complexity: connectionComplexity,
    totalCount: true,
    args: { status: t.arg({ type: CouponStatusEnum }) },
    description:
      "The member's coupons the caller may see (the member: all; owners and staff: their cards'), newest first.",
    query: (args, ctx) => ({
      where: memberCouponsWhere(args, ctx),
      orderBy: { id: "desc" },
    }),
  }),
);

const CouponFilter = builder.inputType("CouponFilter", {
  fields: (t) => ({
    programId: t.id({ required: true }),
    cardId: t.id(),
    memberId: t.id(),
    status: t.field({ type: CouponStatusEnum }),
    code: t.string({ description: "As typed: case, spaces and dashes do not matter." }),
  }),
});

builder.queryFields((t) => ({
  coupons: t.prismaConnection(
    {
      type: "Coupon",
      cursor: "id",
      complexity: connectionComplexity,
      description:
        "Coupons of the cards the caller owns or works on as staff (and the caller's own as a member), newest first.",
      args: { filter: t.arg({ type: CouponFilter, required: true }) },
      totalCount: (_p, args, ctx) => ctx.prisma.coupon.count({ where: couponsWhere(args, ctx) }),
      resolve: (query, _r, args, ctx) =>
        ctx.prisma.coupon.findMany({
          ...query,
          where: couponsWhere(args, ctx),
          orderBy: { id: "desc" },
        }),
    },
    CouponConnection,
  ),
}));

const RedeemCouponInput = builder.inputType("RedeemCouponInput", {
  fields: (t) => ({
    code: t.string({ required: true, description: "As typed or scanned: case, spaces and dashes do not matter." }),
    clubId: t.id({
      description: "The club it is redeemed in; needed by staff working in several clubs that carry the card.",
    }),
    idempotencyKey: t.string({
      description:
        "Optional: a retry with the same key returns the original redemption instead of COUPON_ALREADY_USED.",
    }),
  }),
});
const CancelCouponInput = builder.inputType("CancelCouponInput", {
  fields: (t) => ({ couponId: t.id({ required: true }) }),
});

const RedeemCouponPayload = builder.objectRef<{ coupon: Coupon; replayed: boolean }>("RedeemCouponPayload").implement({
  fields: (t) => ({
    coupon: t.field({ type: CouponRef, resolve: (p) => p.coupon }),
    replayed: t.exposeBoolean("replayed"),
  }),
});
const CancelCouponPayload = builder.objectRef<{ coupon: Coupon }>("CancelCouponPayload").implement({
  fields: (t) => ({ coupon: t.field({ type: CouponRef, resolve: (p) => p.coupon }) }),
});

builder.mutationFields((t) => ({
  redeemCoupon: t.field({
    type: RedeemCouponPayload,
    description:
      "Use a coupon at the counter, once (staff of a club carrying its card, or its owners). The code is looked up in the caller's programs. A second use is COUPON_ALREADY_USED; also COUPON_EXPIRED, COUPON_CANCELLED; STORE_ACCESS_DENIED for staff of other clubs.",
    args: { input: t.arg({ type: RedeemCouponInput, required: true }) },
    errors: {
      types: [ValidationError, ConflictError, NotFoundError, LoyaltyRuleError],
    },
    resolve: (_r, { input }, ctx) =>
      redeemCoupon(ctx, {
        code: input.code,
        clubId: optionalRowId(input.clubId, "Club"),
        idempotencyKey: input.idempotencyKey,
      }),
  }),
  cancelCoupon: t.field({
    type: CancelCouponPayload,
    description:
      "Withdraw an issued (or expired) coupon (the card's owners). Points spent on it are not returned. Cancelling twice changes nothing; a redeemed coupon is COUPON_ALREADY_USED.",
    args: { input: t.arg({ type: CancelCouponInput, required: true }) },
    errors: {
      types: [ValidationError, NotFoundError, LoyaltyRuleError],
    },
    resolve: async (_r, { input }, ctx) => ({ coupon: await cancelCoupon(ctx, rowId(input.couponId, "Coupon")) }),
  }),
}));
