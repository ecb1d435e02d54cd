// Coupons through the public API: validity (the card's default, the reward's own, unlimited), the derived
// EXPIRED status, one-time redemption at the counter (also under concurrency), cancellation, who may redeem
// (STORE_ACCESS_DENIED for staff of other clubs) and who sees coupons.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Mail } from "../src/domain/mail/outbox.js";
import { ADMIN_KEY, createPartner, login, type TestApp } from "./helpers.js";
import {
  addClubStaff,
  createClub,
  createLoyaltyCard,
  type LoyaltyMember,
  type LoyaltyWorld,
  loggedInMember,
  loyaltyWorld,
  memberQr,
  mutate,
  startLoyaltyApp,
  tag,
} from "./loyalty-helpers.js";
import {
  COUPON_FIELDS,
  cancelCoupon,
  createReward,
  fund,
  redeem,
  redeemCoupon,
  rowOf,
  updateReward,
} from "./loyalty-reward-helpers.js";

let app: TestApp;
const mailbox: Mail[] = [];
let w: LoyaltyWorld;
const DAY = 86_400_000;
let statements = 0;

beforeAll(async () => {
  // The outbox poller runs its own statement every second: not part of any request.
  app = await startLoyaltyApp(mailbox, { onQuery: (e) => void (e.query.includes("OutboxEmail") || statements++) });
  w = await loyaltyWorld(app, mailbox, { loyalty: { couponValidityDays: 30 } });
  await fund(app, w, w.member, 10_000);
});

afterAll(async () => {
  await app?.close();
});

/** A coupon of the member's, redeemed from their balance by staff at the counter (clubs[0]). */
async function issue(rewardId: string, member: LoyaltyMember = w.member): Promise<Record<string, any>> {
  const res = await redeem(app, { rewardId, qr: await memberQr(app, member, w.program.id) }, w.staff.token);
  if (res.result?.__typename !== "RedeemRewardPayload")
    throw new Error(`redeemReward failed: ${JSON.stringify(res.res)}`);
  return res.result.coupon;
}

/** Moves a coupon's issue and expiry back in time (the passage of time; the product has no clock to move). */
async function age(couponId: string, ms: number): Promise<void> {
  const c = await app.database.prisma.coupon.findUniqueOrThrow({ where: { id: rowOf(couponId) } });
  await app.database.prisma.coupon.update({
    where: { id: c.id },
    data: {
      issuedAt: new Date(c.issuedAt.getTime() - ms),
      expiresAt: c.expiresAt && new Date(c.expiresAt.getTime() - ms),
    },
  });
}

const couponNode = async (id: string, key: string) =>
  (await app.gql(`query ($id: ID!) { node(id: $id) { ... on Coupon { ${COUPON_FIELDS} } } }`, { id }, key)).data.node;

describe("validity", () => {
  it("comes from the reward, else the card, else is unlimited", async () => {
    const cardDefault = await issue(
      (await createReward(app, w.loyaltyCard.id, { title: "Card default", pointsCost: 10 })).id,
    );
    expect(new Date(cardDefault.expiresAt).getTime() - new Date(cardDefault.issuedAt).getTime()).toBe(30 * DAY);
    const own = await issue(
      (await createReward(app, w.loyaltyCard.id, { title: "Own validity", pointsCost: 10, couponValidityDays: 2 })).id,
    );
    expect(new Date(own.expiresAt).getTime() - new Date(own.issuedAt).getTime()).toBe(2 * DAY);
    expect(own).toMatchObject({
      title: "Own validity",
      status: "ISSUED",
      code: expect.stringMatching(/^[A-HJKMNP-Z2-9]{5}-[A-HJKMNP-Z2-9]{5}$/),
    });

    const unlimitedCard = await createLoyaltyCard(app, [w.clubs[0].id]);
    await fund(app, w, w.member, 100, unlimitedCard.id);
    const unlimited = await issue((await createReward(app, unlimitedCard.id, { title: "Forever", pointsCost: 10 })).id);
    expect(unlimited.expiresAt).toBeNull();
    // Changing the reward's validity later does not change coupons already issued (expiresAt is fixed at issue).
    const reward = await createReward(app, w.loyaltyCard.id, {
      title: "Changed later",
      pointsCost: 10,
      couponValidityDays: 5,
    });
    const before = await issue(reward.id);
    await updateReward(app, { rewardId: reward.id, couponValidityDays: 1 });
    expect((await couponNode(before.id, ADMIN_KEY)).expiresAt).toBe(before.expiresAt);
  });

  it("ends: a coupon past its expiry reads EXPIRED and is refused at the counter", async () => {
    const reward = await createReward(app, w.loyaltyCard.id, { title: "Short", pointsCost: 10, couponValidityDays: 1 });
    const coupon = await issue(reward.id);
    await age(coupon.id, DAY + 1000);
    expect((await couponNode(coupon.id, w.member.token)).status).toBe("EXPIRED");
    const expired = await app.gql(
      `query ($p: ID!, $c: String!) { coupons(filter: { programId: $p, status: EXPIRED, code: $c }) { totalCount nodes { id } } }`,
      { p: w.program.id, c: coupon.code },
    );
    expect(expired.data.coupons.nodes).toEqual([{ id: coupon.id }]);
    const issuedOnly = await app.gql(
      `query ($p: ID!, $c: String!) { coupons(filter: { programId: $p, status: ISSUED, code: $c }) { totalCount } }`,
      { p: w.program.id, c: coupon.code },
    );
    expect(issuedOnly.data.coupons.totalCount).toBe(0);
    expect((await redeemCoupon(app, { code: coupon.code }, w.staff.token)).result).toMatchObject({
      __typename: "LoyaltyRuleError",
      code: "COUPON_EXPIRED",
    });
    // A minute before expiry it still works.
    const fresh = await issue(reward.id);
    await age(fresh.id, DAY - 60_000);
    expect((await redeemCoupon(app, { code: fresh.code }, w.staff.token)).result?.coupon.status).toBe("REDEEMED");
  });
});

describe("redemption at the counter", () => {
  it("works once, whatever the case and spacing of the typed code", async () => {
    const coupon = await issue((await createReward(app, w.loyaltyCard.id, { title: "Once", pointsCost: 10 })).id);
    const typed = ` ${coupon.code.toLowerCase().replace("-", " ")} `;
    const first = await redeemCoupon(app, { code: typed, clubId: w.clubs[0].id }, w.staff.token);
    expect(first.result).toMatchObject({
      __typename: "RedeemCouponPayload",
      replayed: false,
      coupon: { id: coupon.id, status: "REDEEMED", redeemedClub: { id: w.clubs[0].id } },
    });
    expect(first.result?.coupon.redeemedAt).toEqual(expect.any(String));
    expect((await redeemCoupon(app, { code: coupon.code }, w.staff.token)).result).toMatchObject({
      __typename: "LoyaltyRuleError",
      code: "COUPON_ALREADY_USED",
    });
    expect((await redeemCoupon(app, { code: coupon.code }, w.manager.token)).result).toMatchObject({
      code: "COUPON_ALREADY_USED",
    });
    expect(
      await app.database.prisma.activity.count({ where: { couponId: rowOf(coupon.id), type: "COUPON_REDEEMED" } }),
    ).toBe(1);
    // Unknown codes, and strings that cannot be codes, are not found.
    expect((await redeemCoupon(app, { code: "AAAAA-AAAAA" }, w.staff.token)).result?.__typename).toBe("NotFoundError");
    expect((await redeemCoupon(app, { code: "'; select 1" }, w.staff.token)).result?.__typename).toBe("NotFoundError");
  });

  it("with an idempotency key, a retry returns the first redemption", async () => {
    const coupon = await issue((await createReward(app, w.loyaltyCard.id, { title: "Retry", pointsCost: 10 })).id);
    const idempotencyKey = randomUUID();
    expect((await redeemCoupon(app, { code: coupon.code, idempotencyKey }, w.staff.token)).result?.replayed).toBe(
      false,
    );
    expect((await redeemCoupon(app, { code: coupon.code, idempotencyKey }, w.staff.token)).result).toMatchObject({
      replayed: true,
      coupon: { id: coupon.id, status: "REDEEMED" },
    });
    expect(
      (await redeemCoupon(app, { code: coupon.code, idempotencyKey: randomUUID() }, w.staff.token)).result?.code,
    ).toBe("COUPON_ALREADY_USED");
  });

  it("succeeds exactly once when many counters redeem one code at the same time", async () => {
    const coupon = await issue((await createReward(app, w.loyaltyCard.id, { title: "Race", pointsCost: 10 })).id);
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        redeemCoupon(
          app,
          { code: coupon.code, ...(i % 2 ? { idempotencyKey: randomUUID() } : {}) },
          i % 3 ? w.staff.token : w.manager.token,
        ),
      ),
    );
    const outcomes = results.map((r) => (r.result?.__typename === "RedeemCouponPayload" ? "ok" : r.result?.code));
    expect(outcomes.filter((o) => o === "ok")).toHaveLength(1);
    expect(outcomes.filter((o) => o === "COUPON_ALREADY_USED")).toHaveLength(7);
    expect(
      await app.database.prisma.activity.count({ where: { couponId: rowOf(coupon.id), type: "COUPON_REDEEMED" } }),
    ).toBe(1);
  });

  it("is refused to staff of clubs that do not carry the card (STORE_ACCESS_DENIED), and unknown in other programs", async () => {
    const coupon = await issue((await createReward(app, w.loyaltyCard.id, { title: "Guarded", pointsCost: 10 })).id);
    // A club of the same partner that does not carry the card.
    const bare = await createClub(app, w.partner.id, `Kiosk ${tag()}`);
    const kiosk = `kiosk-${tag()}@example.com`;
    await addClubStaff(app, bare.id, kiosk);
    const denied = await redeemCoupon(app, { code: coupon.code }, await login(app, mailbox, kiosk));
    expect(denied.code).toBe("STORE_ACCESS_DENIED");
    // Staff of another partner's club in the same program.
    const neighbour = await createClub(
      app,
      (await createPartner(app, w.program.id, { name: `Neighbour ${tag()}` })).id,
    );
    const next = `next-${tag()}@example.com`;
    await addClubStaff(app, neighbour.id, next);
    const nextToken = await login(app, mailbox, next);
    expect((await redeemCoupon(app, { code: coupon.code }, nextToken)).code).toBe("STORE_ACCESS_DENIED");
    expect((await redeemCoupon(app, { code: coupon.code, clubId: w.clubs[0].id }, nextToken)).code).toBe(
      "STORE_ACCESS_DENIED",
    );
    // Staff of another program do not find it; nor does the member themselves.
    const elsewhere = await loyaltyWorld(app, mailbox);
    expect((await redeemCoupon(app, { code: coupon.code }, elsewhere.staff.token)).result?.__typename).toBe(
      "NotFoundError",
    );
    expect((await redeemCoupon(app, { code: coupon.code }, w.member.token)).result?.__typename).toBe("NotFoundError");
    // Nothing changed.
    expect((await couponNode(coupon.id, ADMIN_KEY)).status).toBe("ISSUED");
    // The card's owner may redeem it (naming no club).
    expect((await redeemCoupon(app, { code: coupon.code }, w.partner.apiKey)).result?.coupon).toMatchObject({
      status: "REDEEMED",
      redeemedClub: null,
    });
  });
});

describe("cancellation", () => {
  it("is for owners; a cancelled coupon is refused at the counter; a used one cannot be cancelled", async () => {
    const reward = await createReward(app, w.loyaltyCard.id, { title: "Cancel me", pointsCost: 10 });
    const coupon = await issue(reward.id);
    expect((await cancelCoupon(app, coupon.id, w.staff.token)).code).toBe("FORBIDDEN");
    expect((await cancelCoupon(app, coupon.id, w.member.token)).code).toBe("NOT_FOUND");
    const cancelled = await cancelCoupon(app, coupon.id, w.partner.apiKey);
    expect(cancelled.result?.coupon).toMatchObject({ status: "CANCELLED", cancelledAt: expect.any(String) });
    expect((await cancelCoupon(app, coupon.id, w.partner.apiKey)).result?.coupon.status).toBe("CANCELLED");
    expect(
      await app.database.prisma.activity.count({ where: { couponId: rowOf(coupon.id), type: "COUPON_CANCELLED" } }),
    ).toBe(1);
    expect((await redeemCoupon(app, { code: coupon.code }, w.staff.token)).result).toMatchObject({
      __typename: "LoyaltyRuleError",
      code: "COUPON_CANCELLED",
    });

    const used = await issue(reward.id);
    await redeemCoupon(app, { code: used.code }, w.staff.token);
    expect((await cancelCoupon(app, used.id)).result).toMatchObject({
      __typename: "LoyaltyRuleError",
      code: "COUPON_ALREADY_USED",
    });
  });
});

describe("who sees coupons", () => {
  it("the member their own; owners and club staff their cards'; others nothing", async () => {
    const member = await loggedInMember(app, mailbox, w.program.id);
    await fund(app, w, member, 100);
    const coupon = await issue(
      (await createReward(app, w.loyaltyCard.id, { title: "Visible", pointsCost: 10 })).id,
      member,
    );
    const list = (key: string) =>
      app.gql(
        `query ($p: ID!, $m: ID!) { coupons(filter: { programId: $p, memberId: $m }) { totalCount nodes { id } } }`,
        { p: w.program.id, m: member.id },
        key,
      );
    for (const key of [ADMIN_KEY, w.program.secretKey, w.partner.apiKey, w.staff.token, member.token]) {
      expect((await list(key)).data.coupons.nodes, key).toEqual([{ id: coupon.id }]);
    }
    const other = await createPartner(app, w.program.id, { name: `Other ${tag()}` });
    expect((await list(other.apiKey)).data.coupons.totalCount).toBe(0);
    expect((await list(w.member.token)).data.coupons.totalCount).toBe(0);
    expect(await couponNode(coupon.id, w.member.token)).toBeNull();

    const own = await app.gql(
      `query ($m: ID!) { node(id: $m) { ... on Member { coupons(first: 10) { totalCount nodes { id status } } } } }`,
      { m: member.id },
      member.token,
    );
    expect(own.data.node.coupons.nodes).toEqual([{ id: coupon.id, status: "ISSUED" }]);
  });
});

describe("lists", () => {
  it("load coupons, rewards and games in a constant number of statements, however long the page (no N+1)", async () => {
    const world = await loyaltyWorld(app, mailbox, { loyalty: { couponValidityDays: 7 } });
    await fund(app, world, world.member, 1000);
    const add = async () => {
      const reward = await createReward(app, world.loyaltyCard.id, {
        title: `Cake ${tag()}`,
        pointsCost: 1,
        stock: 100,
      });
      const res = await redeem(
        app,
        { rewardId: reward.id, qr: await memberQr(app, world.member, world.program.id) },
        world.staff.token,
      );
      await redeemCoupon(app, { code: res.result?.coupon.code }, world.staff.token);
      const prizes = [
        { type: "COUPON", label: "cake", weight: 1, rewardId: reward.id },
        { type: "NOTHING", label: "nothing", weight: 1 },
      ];
      await mutate(app, "createGame", "CreateGameInput", "", {
        cardId: world.loyaltyCard.id,
        title: "Wheel",
        playLimit: 1,
        playPeriod: "DAY",
        prizes,
      });
    };
    const query = `query ($p: ID!, $c: ID!, $partner: ID!, $n: Int) {
      coupons(filter: { programId: $p }, first: $n) { totalCount nodes { code status card { id name } reward { title cost available } member { id } redeemedClub { name } game { id } } }
      rewards(cardId: $c, first: $n) { totalCount nodes { title cost available effectiveCouponValidityDays card { id } } }
      partnerGames(partnerId: $partner, first: $n) { totalCount nodes { title card { id } prizes { label reward { title cost } } } }
    }`;
    const count = async (n: number) => {
      await app.gql(`{ viewer { kind } }`, {}, world.partner.apiKey);
      const before = statements;
      const res = await app.gql(
        query,
        { p: world.program.id, c: world.loyaltyCard.id, partner: world.partner.id, n },
        world.partner.apiKey,
      );
      expect(res.data.coupons.nodes).toHaveLength(n);
      expect(
        res.data.coupons.nodes.every(
          (c: { redeemedClub: { name: string } | null }) => c.redeemedClub?.name === world.clubs[0].name,
        ),
      ).toBe(true);
      expect(res.data.rewards.nodes).toHaveLength(n);
      expect(res.data.partnerGames.nodes).toHaveLength(n);
      return statements - before;
    };
    for (let i = 0; i < 2; i++) await add();
    const small = await count(2);
    expect(small).toBeGreaterThan(0); // the counter is live
    for (let i = 0; i < 6; i++) await add();
    expect(await count(8)).toBe(small);
  });
});
