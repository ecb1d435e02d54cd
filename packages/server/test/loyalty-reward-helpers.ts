// Fixtures and calls for reward, coupon and game tests, all through the public API.
import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { ADMIN_KEY, type TestApp } from "./helpers.js";
import {
  addStamps,
  awardPoints,
  expectPayload,
  type LoyaltyMember,
  type LoyaltyWorld,
  memberQr,
  mutate,
} from "./loyalty-helpers.js";

export const COUPON_FIELDS =
  "id code title status issuedAt expiresAt redeemedAt redeemedClub { id } cancelledAt card { id } reward { id } game { id } member { id }";
export const REWARD_FIELDS =
  "id title kind pointsCost cost stock startsAt endsAt status suspendedAt couponValidityDays effectiveCouponValidityDays available";
const RULE = "... on LoyaltyRuleError { retryAt }";
const ERRORS = `${RULE} ... on InsufficientPointsError { balance requested } ... on ConflictError { path }`;

export async function createReward(
  app: TestApp,
  cardId: string,
  input: Record<string, unknown> = {},
  key: string = ADMIN_KEY,
): Promise<{ id: string } & Record<string, any>> {
  const r = await expectPayload(
    app,
    "createReward",
    "CreateRewardInput",
    "CreateRewardPayload",
    `reward { ${REWARD_FIELDS} }`,
    { cardId, title: "Free coffee", ...input },
    key,
  );
  return r.reward;
}

export const createRewardCall = (app: TestApp, input: Record<string, unknown>, key: string | null = ADMIN_KEY) =>
  mutate(
    app,
    "createReward",
    "CreateRewardInput",
    `... on CreateRewardPayload { reward { ${REWARD_FIELDS} } }`,
    input,
    key,
  );

export const updateReward = (app: TestApp, input: Record<string, unknown>, key: string | null = ADMIN_KEY) =>
  mutate(
    app,
    "updateReward",
    "UpdateRewardInput",
    `... on UpdateRewardPayload { reward { ${REWARD_FIELDS} } }`,
    input,
    key,
  );

/** redeemReward with a fresh idempotency key unless one is given. */
export const redeem = (app: TestApp, input: Record<string, unknown>, key: string | null) =>
  mutate(
    app,
    "redeemReward",
    "RedeemRewardInput",
    `... on RedeemRewardPayload { balance replayed redemption { id cost club { id } member { id } reward { id } coupon { id } } coupon { ${COUPON_FIELDS} } } ${ERRORS}`,
    { idempotencyKey: randomUUID(), ...input },
    key,
  );

export const redeemCoupon = (app: TestApp, input: Record<string, unknown>, key: string | null) =>
  mutate(
    app,
    "redeemCoupon",
    "RedeemCouponInput",
    `... on RedeemCouponPayload { replayed coupon { ${COUPON_FIELDS} } } ${RULE} ... on ConflictError { path }`,
    input,
    key,
  );

export const cancelCoupon = (app: TestApp, couponId: string, key: string | null = ADMIN_KEY) =>
  mutate(
    app,
    "cancelCoupon",
    "CancelCouponInput",
    `... on CancelCouponPayload { coupon { ${COUPON_FIELDS} } } ${RULE}`,
    { couponId },
    key,
  );

/** A card's rewards as the caller sees them (ids and availability), or the error code. */
export async function rewardsOf(
  app: TestApp,
  cardId: string,
  key: string | null,
  onlyAvailable?: boolean,
): Promise<{ id: string; available: boolean; suspendedAt: string | null }[] | string> {
  const res = await app.gql(
    `query ($c: ID!, $o: Boolean) { rewards(cardId: $c, onlyAvailable: $o, first: 50) { totalCount nodes { id available suspendedAt } } }`,
    { c: cardId, o: onlyAvailable },
    key,
  );
  if (res.errors?.length) return String(res.errors[0]!.extensions?.code);
  expect(res.data.rewards.totalCount).toBe(res.data.rewards.nodes.length);
  return res.data.rewards.nodes;
}

/** Ledger entries of a member's card balance, oldest first (read straight from the database: what the API wrote). */
export async function cardLedger(app: TestApp, memberId: string, cardId: string) {
  return app.database.prisma.ledgerEntry.findMany({
    where: { memberId: rowOf(memberId), cardId: rowOf(cardId) },
    orderBy: { id: "asc" },
  });
}

/** The row id inside a Relay global id. */
export function rowOf(globalId: string): string {
  return Buffer.from(globalId, "base64").toString("utf8").split(":").slice(1).join(":");
}

/** The member follows the card (their own session). */
export async function follow(app: TestApp, member: LoyaltyMember, cardId: string): Promise<void> {
  await expectPayload(app, "followCard", "FollowCardInput", "FollowCardPayload", "created", { cardId }, member.token);
}

/** Staff of clubs[0] award points on a loyalty card (the world's, unless another is named); the balance after. */
export async function fund(
  app: TestApp,
  w: LoyaltyWorld,
  member: LoyaltyMember,
  points: number,
  cardId = w.loyaltyCard.id,
): Promise<number> {
  const { res, result } = await awardPoints(app, w.staff.token, {
    cardId,
    qr: await memberQr(app, member, w.program.id),
    points,
  });
  if (result?.__typename !== "AwardPointsPayload") throw new Error(`awardPoints failed: ${JSON.stringify(res)}`);
  return result.balance as number;
}

/** Staff of clubs[0] add stamps on the world's stamp card. */
export async function stamp(app: TestApp, w: LoyaltyWorld, member: LoyaltyMember, stamps: number): Promise<void> {
  const { res, result } = await addStamps(app, w.staff.token, {
    cardId: w.stampCard.id,
    qr: await memberQr(app, member, w.program.id),
    stamps,
  });
  if (result?.__typename !== "AddStampsPayload") throw new Error(`addStamps failed: ${JSON.stringify(res)}`);
}
