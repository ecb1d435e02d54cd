// Rewards and redemptions through the public API: who manages and sees rewards, the partner disable/delete
// cascade, redemption at the counter and by the member, balances and stock under concurrency, stamp cards.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Mail } from "../src/domain/mail/outbox.js";
import { graphql } from "./gql/index.js";
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
  startLoyaltyApp,
  tag,
} from "./loyalty-helpers.js";
import {
  cardLedger,
  createReward,
  createRewardCall,
  follow,
  fund,
  redeem,
  rewardsOf,
  rowOf,
  stamp,
  updateReward,
} from "./loyalty-reward-helpers.js";

let app: TestApp;
const mailbox: Mail[] = [];
let w: LoyaltyWorld;

beforeAll(async () => {
  app = await startLoyaltyApp(mailbox);
  w = await loyaltyWorld(app, mailbox, { loyalty: { couponValidityDays: 30 } });
});

afterAll(async () => {
  await app?.close();
});

const setPartnerStatus = async (partnerId: string, status: "ENABLED" | "DISABLED") => {
  const res = await app.gql(
    `mutation ($id: ID!, $s: PartnerStatus!) { setPartnerStatus(input: { partner: { id: $id }, status: $s }) { __typename } }`,
    { id: partnerId, s: status },
  );
  expect(res.data.setPartnerStatus.__typename).toBe("SetPartnerStatusPayload");
};

describe("managing rewards", () => {
  it("needs points on a loyalty card and none on a stamp card, and a coherent window", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ cardId: w.loyaltyCard.id, title: "No cost" }, "pointsCost"],
      [{ cardId: w.stampCard.id, title: "Priced stamps", pointsCost: 10 }, "pointsCost"],
      [
        {
          cardId: w.loyaltyCard.id,
          title: "Backwards",
          pointsCost: 10,
          startsAt: "2026-02-01T00:00:00Z",
          endsAt: "2026-01-01T00:00:00Z",
        },
        "endsAt",
      ],
      [
        { cardId: w.loyaltyCard.id, title: "Instant coupon", pointsCost: 10, kind: "INSTANT", couponValidityDays: 3 },
        "couponValidityDays",
      ],
      [{ cardId: w.loyaltyCard.id, title: "Negative stock", pointsCost: 10, stock: -1 }, "stock"],
      [{ cardId: w.loyaltyCard.id, title: "Zero days", pointsCost: 10, couponValidityDays: 0 }, "couponValidityDays"],
      [{ cardId: w.loyaltyCard.id, title: "Free", pointsCost: 0 }, "pointsCost"],
      [{ cardId: w.loyaltyCard.id, title: " ", pointsCost: 10 }, "title"],
    ];
    for (const [input, path] of cases) {
      const { result } = await createRewardCall(app, input);
      expect(result?.__typename, JSON.stringify(input)).toBe("ValidationError");
      expect(result?.issues.map((i: { path: string }) => i.path)).toContain(path);
    }
    const stamp = await createReward(app, w.stampCard.id, { title: "Free cake" });
    expect(stamp).toMatchObject({
      kind: "COUPON",
      pointsCost: null,
      cost: 5,
      stock: null,
      status: "ACTIVE",
      available: true,
      effectiveCouponValidityDays: null,
    });
  });

  it("is for the card's owners: staff are refused, other partners lack permission, strangers find nothing", async () => {
    const input = { cardId: w.loyaltyCard.id, title: "Muffin", pointsCost: 50 };
    expect((await createRewardCall(app, input, w.partner.apiKey)).result?.__typename).toBe("CreateRewardPayload");
    expect((await createRewardCall(app, input, w.program.secretKey)).result?.__typename).toBe("CreateRewardPayload");
    expect((await createRewardCall(app, input, w.staff.token)).code).toBe("FORBIDDEN");
    expect((await createRewardCall(app, input, w.manager.token)).code).toBe("FORBIDDEN");
    const other = await createPartner(app, w.program.id, { name: `Other ${tag()}` });
    expect((await createRewardCall(app, input, other.apiKey)).code).toBe("INSUFFICIENT_PARTNER_PERMISSIONS");
    const elsewhere = await loyaltyWorld(app, mailbox);
    expect((await createRewardCall(app, input, elsewhere.program.secretKey)).code).toBe("NOT_FOUND");
    expect((await createRewardCall(app, input, w.member.token)).code).toBe("NOT_FOUND");
    expect((await createRewardCall(app, input, null)).code).toBe("UNAUTHENTICATED");
    expect((await createRewardCall(app, { ...input, cardId: "not-an-id" })).code).toBe("NOT_FOUND");

    const reward = await createReward(app, w.loyaltyCard.id, { title: "Bagel", pointsCost: 80 });
    expect((await updateReward(app, { rewardId: reward.id, stock: 3 }, w.staff.token)).code).toBe("FORBIDDEN");
    expect((await updateReward(app, { rewardId: reward.id, stock: 3 }, other.apiKey)).code).toBe(
      "INSUFFICIENT_PARTNER_PERMISSIONS",
    );
    const updated = await updateReward(app, { rewardId: reward.id, stock: 3, couponValidityDays: 2 }, w.partner.apiKey);
    expect(updated.result?.reward).toMatchObject({
      stock: 3,
      couponValidityDays: 2,
      effectiveCouponValidityDays: 2,
      pointsCost: 80,
    });
    const cleared = await updateReward(app, { rewardId: reward.id, couponValidityDays: null, stock: null });
    expect(cleared.result?.reward).toMatchObject({
      stock: null,
      couponValidityDays: null,
      effectiveCouponValidityDays: 30,
    });
    expect((await updateReward(app, { rewardId: reward.id, pointsCost: null })).result?.__typename).toBe(
      "ValidationError",
    );
  });

  it("shows owners and the staff of the card's clubs every reward; staff of other clubs nothing", async () => {
    const card = await createLoyaltyCard(app, [w.clubs[1].id]);
    const active = await createReward(app, card.id, { title: "Active", pointsCost: 10 });
    const inactive = await createReward(app, card.id, { title: "Inactive", pointsCost: 10, status: "INACTIVE" });
    const soldOut = await createReward(app, card.id, { title: "Sold out", pointsCost: 10, stock: 0 });
    const later = await createReward(app, card.id, {
      title: "Later",
      pointsCost: 10,
      startsAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    const all = [active.id, inactive.id, soldOut.id, later.id];

    const seen = await rewardsOf(app, card.id, w.partner.apiKey);
    expect(Array.isArray(seen) && seen.map((r) => r.id)).toEqual(all);
    expect(Array.isArray(seen) && seen.map((r) => r.available)).toEqual([true, false, false, false]);
    expect(
      Array.isArray(seen) &&
        ((await rewardsOf(app, card.id, w.partner.apiKey, true)) as { id: string }[]).map((r) => r.id),
    ).toEqual([active.id]);

    // clubs[1] carries the card; w.staff works in clubs[0] only.
    const riverside = `riverside-${tag()}@example.com`;
    await addClubStaff(app, w.clubs[1].id, riverside);
    expect(
      ((await rewardsOf(app, card.id, await login(app, mailbox, riverside))) as { id: string }[]).map((r) => r.id),
    ).toEqual(all);
    expect(await rewardsOf(app, card.id, w.staff.token)).toEqual([]);
    // A member who does not follow the card sees nothing either.
    expect(await rewardsOf(app, card.id, w.member.token)).toEqual([]);
  });
});

const RESUME_REWARD = graphql(`
  mutation ResumeRewardInTest($id: ID!) {
    resumeReward(input: { rewardId: $id }) {
      __typename
      ... on ResumeRewardPayload { reward { id suspendedAt available } }
      ... on Error { code }
    }
  }
`);
const RESUMES = graphql(`
  query RewardResumesInTest($p: ID!) {
    auditLog(programId: $p, filter: { action: "reward.resume" }) { nodes { targetId } }
  }
`);

describe("a partner's disable and delete", () => {
  it("suspends its rewards in the same write; enabling leaves them suspended until each is resumed (audited)", async () => {
    const world = await loyaltyWorld(app, mailbox);
    const coupon = await createReward(app, world.loyaltyCard.id, { title: "Coffee", pointsCost: 10 });
    const stamp = await createReward(app, world.stampCard.id, { title: "Cake" });
    const available = async () =>
      (
        (await rewardsOf(app, world.loyaltyCard.id, ADMIN_KEY)) as { available: boolean; suspendedAt: string | null }[]
      )[0]!;

    await setPartnerStatus(world.partner.id, "DISABLED");
    expect(await available()).toMatchObject({ available: false, suspendedAt: expect.any(String) });
    // A reward added while the partner is disabled starts suspended.
    const added = await createReward(app, world.loyaltyCard.id, { title: "Added while disabled", pointsCost: 10 });
    expect(added).toMatchObject({ available: false, suspendedAt: expect.any(String) });
    // Suspended rewards cannot be redeemed, whoever asks (the member's own redemption here: no staff of a disabled partner can act).
    const refused = await redeem(
      app,
      {
        rewardId: coupon.id,
        member: { external: { programId: world.program.id, externalId: world.member.externalId } },
      },
      world.program.secretKey,
    );
    expect(refused.result).toMatchObject({ __typename: "LoyaltyRuleError", code: "REWARD_UNAVAILABLE" });
    const audit = await app.gql(
      `query ($p: ID!) { auditLog(programId: $p, filter: { action: "partner.disable" }) { totalCount } }`,
      { p: world.program.id },
    );
    expect(audit.data.auditLog.totalCount).toBe(1);

    // Resuming while the partner is still disabled is refused.
    expect((await app.gql(RESUME_REWARD, { id: coupon.id })).data?.resumeReward).toMatchObject({
      code: "CARD_INACTIVE",
    });

    await setPartnerStatus(world.partner.id, "ENABLED");
    // CrowdTwist's rule: re-enabling a partner does not re-enable its rewards.
    expect(await available()).toMatchObject({ available: false, suspendedAt: expect.any(String) });
    const stillSuspended = await redeem(
      app,
      {
        rewardId: added.id,
        member: { external: { programId: world.program.id, externalId: world.member.externalId } },
      },
      world.program.secretKey,
    );
    expect(stillSuspended.result).toMatchObject({ __typename: "LoyaltyRuleError", code: "REWARD_UNAVAILABLE" });
    // Another business of the program may not resume them; the partner itself resumes each one.
    const other = await createPartner(app, world.program.id, { name: "Other business" });
    const foreign = await app.gql(RESUME_REWARD, { id: coupon.id }, other.apiKey);
    expect(foreign.errors?.[0]?.extensions?.code).toBe("INSUFFICIENT_PARTNER_PERMISSIONS");
    expect(foreign.data?.resumeReward ?? null).toBeNull();
    for (const id of [coupon.id, stamp.id, added.id]) {
      const resumed = (await app.gql(RESUME_REWARD, { id }, world.partner.apiKey)).data?.resumeReward;
      expect(resumed).toMatchObject({ __typename: "ResumeRewardPayload", reward: { id, suspendedAt: null } });
    }
    expect(await available()).toMatchObject({ available: true, suspendedAt: null });
    const stampRow = (
      (await rewardsOf(app, world.stampCard.id, ADMIN_KEY)) as { id: string; available: boolean }[]
    ).find((r) => r.id === stamp.id);
    expect(stampRow?.available).toBe(true);
    const resumes = await app.gql(RESUMES, { p: world.program.id });
    expect(resumes.data?.auditLog?.nodes.map((n) => n?.targetId).sort()).toEqual(
      [coupon.id, stamp.id, added.id].map(rowOf).sort(),
    );
    // Resumed; past the suspension, the balance decides.
    const afterEnable = await redeem(
      app,
      {
        rewardId: added.id,
        member: { external: { programId: world.program.id, externalId: world.member.externalId } },
      },
      world.program.secretKey,
    );
    expect(afterEnable.result).toMatchObject({ __typename: "InsufficientPointsError", balance: 0, requested: 10 });

    await app.gql(`mutation ($id: ID!) { deletePartner(input: { partner: { id: $id } }) { __typename } }`, {
      id: world.partner.id,
    });
    const rows = await app.database.prisma.reward.findMany({ where: { card: { partnerId: rowOf(world.partner.id) } } });
    expect(rows.length).toBe(3);
    expect(rows.every((r) => r.suspendedAt !== null)).toBe(true);
    // Deleted partners stay suspended: enabling is refused (the partner is gone), nothing is lifted.
    const enable = await app.gql(
      `mutation ($id: ID!) { setPartnerStatus(input: { partner: { id: $id }, status: ENABLED }) { __typename ... on Error { code } } }`,
      { id: world.partner.id },
    );
    expect(enable.data?.setPartnerStatus?.code ?? enable.errors?.[0]?.extensions?.code).toBe("PARTNER_NOT_FOUND");
  });
});

describe("a member's own redemption", () => {
  it("is for COUPON rewards: INSTANT rewards are handed over by staff", async () => {
    const instant = await createReward(app, w.loyaltyCard.id, { title: "Cookie", pointsCost: 1, kind: "INSTANT" });
    const res = await redeem(app, { rewardId: instant.id }, w.member.token);
    expect(res.result).toMatchObject({ __typename: "ValidationError", code: "VALIDATION_FAILED" });
    expect(res.result?.issues[0].path).toBe("qr");
  });

  it("is for the member themselves: another member of the program cannot redeem for them", async () => {
    const reward = await createReward(app, w.loyaltyCard.id, { title: "Tea", pointsCost: 1 });
    const other = await loggedInMember(app, mailbox, w.program.id);
    const res = await redeem(app, { rewardId: reward.id, member: { id: w.member.id } }, other.token);
    expect(res.result).toMatchObject({ __typename: "NotFoundError" });
    // Program staff cannot either (without a QR they are not acting at the counter).
    expect(
      (await redeem(app, { rewardId: reward.id, member: { id: w.member.id } }, w.staff.token)).result,
    ).toMatchObject({ __typename: "NotFoundError" });
    // Their own: past the checks, the balance is what is missing.
    expect((await redeem(app, { rewardId: reward.id }, w.member.token)).result).toMatchObject({
      __typename: "InsufficientPointsError",
      balance: 0,
      requested: 1,
    });
  });
});

describe("staff of another club", () => {
  it("are refused with STORE_ACCESS_DENIED", async () => {
    const club = await createClub(app, (await createPartner(app, w.program.id, { name: `Neighbour ${tag()}` })).id);
    const email = `neighbour-${tag()}@example.com`;
    await addClubStaff(app, club.id, email);
    const token = await login(app, mailbox, email);
    const reward = await createReward(app, w.loyaltyCard.id, { title: "Scone", pointsCost: 1 });
    // The QR is checked after the club: any payload shows the refusal.
    const res = await redeem(app, { rewardId: reward.id, qr: "pgq1.x.y" }, token);
    expect(res.code).toBe("STORE_ACCESS_DENIED");
    expect(res.result ?? null).toBeNull();
  });
});

describe("redemption at the counter", () => {
  it("debits the card balance, issues a coupon, and is idempotent on its key", async () => {
    const member = await loggedInMember(app, mailbox, w.program.id);
    expect(await fund(app, w, member, 500)).toBe(500);
    const reward = await createReward(app, w.loyaltyCard.id, { title: "Flat white", pointsCost: 200 });
    const idempotencyKey = randomUUID();
    const qr = await memberQr(app, member, w.program.id);
    const first = await redeem(
      app,
      { rewardId: reward.id, cardId: w.loyaltyCard.id, qr, idempotencyKey },
      w.staff.token,
    );
    expect(first.result).toMatchObject({
      __typename: "RedeemRewardPayload",
      balance: 300,
      replayed: false,
      redemption: { cost: 200, club: { id: w.clubs[0].id }, member: { id: member.id }, reward: { id: reward.id } },
      coupon: { title: "Flat white", status: "ISSUED", member: { id: member.id }, reward: { id: reward.id } },
    });
    expect(first.result?.redemption.coupon.id).toBe(first.result?.coupon.id);
    // The card's default validity (30 days) applies.
    expect(new Date(first.result?.coupon.expiresAt).getTime() - new Date(first.result?.coupon.issuedAt).getTime()).toBe(
      30 * 86_400_000,
    );

    const again = await redeem(
      app,
      { rewardId: reward.id, cardId: w.loyaltyCard.id, qr, idempotencyKey },
      w.staff.token,
    );
    expect(again.result).toMatchObject({
      replayed: true,
      balance: 300,
      redemption: { id: first.result?.redemption.id },
      coupon: { code: first.result?.coupon.code },
    });
    // The same QR for another redemption is refused; the same key for another reward is a conflict.
    expect((await redeem(app, { rewardId: reward.id, qr }, w.staff.token)).result).toMatchObject({
      __typename: "LoyaltyRuleError",
      code: "QR_ALREADY_USED",
    });
    const other = await createReward(app, w.loyaltyCard.id, { title: "Cortado", pointsCost: 1 });
    expect(
      (
        await redeem(
          app,
          { rewardId: other.id, qr: await memberQr(app, member, w.program.id), idempotencyKey },
          w.staff.token,
        )
      ).result,
    ).toMatchObject({ __typename: "ConflictError" });
    // The reward is on another card than the one named.
    expect(
      (
        await redeem(
          app,
          { rewardId: reward.id, cardId: w.stampCard.id, qr: await memberQr(app, member, w.program.id) },
          w.staff.token,
        )
      ).result?.__typename,
    ).toBe("NotFoundError");

    const ledger = await cardLedger(app, member.id, w.loyaltyCard.id);
    expect(ledger.map((e) => [e.type, e.source, e.points])).toEqual([
      ["EARN", "STAFF", 500],
      ["REDEEM", "STAFF", -200],
    ]);
    const activity = await app.database.prisma.activity.findFirstOrThrow({ where: { id: ledger[1]!.activityId! } });
    expect(activity).toMatchObject({
      type: "REWARD_REDEEMED",
      points: -200,
      rewardId: rowOf(reward.id),
      couponId: rowOf(first.result?.coupon.id),
      clubId: rowOf(w.clubs[0].id),
      actorType: "USER",
    });
    const audit = await app.gql(
      `query ($p: ID!, $m: String!) { auditLog(programId: $p, filter: { action: "loyalty.redeemReward", targetId: $m }) { totalCount } }`,
      { p: w.program.id, m: rowOf(member.id) },
    );
    expect(audit.data.auditLog.totalCount).toBe(1);
  });

  it("refuses too small a balance with the balance and the cost, and writes nothing", async () => {
    const member = await loggedInMember(app, mailbox, w.program.id);
    await fund(app, w, member, 99);
    const reward = await createReward(app, w.loyaltyCard.id, { title: "Big breakfast", pointsCost: 100, stock: 5 });
    const res = await redeem(
      app,
      { rewardId: reward.id, qr: await memberQr(app, member, w.program.id) },
      w.staff.token,
    );
    expect(res.result).toMatchObject({
      __typename: "InsufficientPointsError",
      code: "INSUFFICIENT_POINTS",
      balance: 99,
      requested: 100,
    });
    expect((await cardLedger(app, member.id, w.loyaltyCard.id)).length).toBe(1);
    expect((await app.database.prisma.reward.findUniqueOrThrow({ where: { id: rowOf(reward.id) } })).stock).toBe(5);
  });

  it("hands over INSTANT rewards without a coupon", async () => {
    const member = await loggedInMember(app, mailbox, w.program.id);
    await fund(app, w, member, 20);
    const reward = await createReward(app, w.loyaltyCard.id, { title: "Biscotti", pointsCost: 20, kind: "INSTANT" });
    const res = await redeem(
      app,
      { rewardId: reward.id, qr: await memberQr(app, member, w.program.id) },
      w.staff.token,
    );
    expect(res.result).toMatchObject({
      __typename: "RedeemRewardPayload",
      balance: 0,
      coupon: null,
      redemption: { coupon: null, cost: 20 },
    });
  });

  it("never overspends a balance or a stock under concurrent redemptions", async () => {
    const member = await loggedInMember(app, mailbox, w.program.id);
    await fund(app, w, member, 300);
    const reward = await createReward(app, w.loyaltyCard.id, { title: "Limited mug", pointsCost: 100, stock: 2 });
    const qrs = await Promise.all(Array.from({ length: 10 }, () => memberQr(app, member, w.program.id)));
    const results = await Promise.all(qrs.map((qr) => redeem(app, { rewardId: reward.id, qr }, w.staff.token)));
    const outcomes = results.map((r) => (r.result?.__typename === "RedeemRewardPayload" ? "ok" : r.result?.code));
    expect(outcomes.filter((o) => o === "ok")).toHaveLength(2);
    expect(outcomes.every((o) => o === "ok" || o === "OUT_OF_STOCK")).toBe(true);
    expect((await app.database.prisma.reward.findUniqueOrThrow({ where: { id: rowOf(reward.id) } })).stock).toBe(0);
    const ledger = await cardLedger(app, member.id, w.loyaltyCard.id);
    expect(ledger.reduce((n, e) => n + e.points, 0)).toBe(100);
    expect(await app.database.prisma.redemption.count({ where: { rewardId: rowOf(reward.id) } })).toBe(2);

    // Unlimited stock: the balance left (100, enough for 3 refills of 30) is the limit.
    const unlimited = await createReward(app, w.loyaltyCard.id, { title: "Refill", pointsCost: 30 });
    const qrs2 = await Promise.all(Array.from({ length: 10 }, () => memberQr(app, member, w.program.id)));
    const results2 = await Promise.all(qrs2.map((qr) => redeem(app, { rewardId: unlimited.id, qr }, w.staff.token)));
    const outcomes2 = results2.map((r) => (r.result?.__typename === "RedeemRewardPayload" ? "ok" : r.result?.code));
    expect(outcomes2.filter((o) => o === "ok")).toHaveLength(3);
    expect(outcomes2.filter((o) => o === "INSUFFICIENT_POINTS")).toHaveLength(7);
    expect((await cardLedger(app, member.id, w.loyaltyCard.id)).reduce((n, e) => n + e.points, 0)).toBe(10);
  });

  it("never oversells a stock to different members redeeming at the same time", async () => {
    const members: LoyaltyMember[] = [];
    for (let i = 0; i < 6; i++) members.push(await loggedInMember(app, mailbox, w.program.id));
    for (const m of members) await fund(app, w, m, 100);
    const reward = await createReward(app, w.loyaltyCard.id, { title: "Last two scarves", pointsCost: 100, stock: 2 });
    const qrs = await Promise.all(members.map((m) => memberQr(app, m, w.program.id)));
    const results = await Promise.all(qrs.map((qr) => redeem(app, { rewardId: reward.id, qr }, w.staff.token)));
    const outcomes = results.map((r) => (r.result?.__typename === "RedeemRewardPayload" ? "ok" : r.result?.code));
    expect(outcomes.filter((o) => o === "ok")).toHaveLength(2);
    expect(outcomes.filter((o) => o === "OUT_OF_STOCK")).toHaveLength(4);
    expect((await app.database.prisma.reward.findUniqueOrThrow({ where: { id: rowOf(reward.id) } })).stock).toBe(0);
    // Those refused kept their points.
    const balances = await Promise.all(
      members.map(async (m) => (await cardLedger(app, m.id, w.loyaltyCard.id)).reduce((n, e) => n + e.points, 0)),
    );
    expect(balances.sort()).toEqual([0, 0, 100, 100, 100, 100]);
  });
});

describe("stamp cards", () => {
  it("pay a full card for a reward; stamps beyond it stay", async () => {
    const member = await loggedInMember(app, mailbox, w.program.id);
    await follow(app, member, w.stampCard.id);
    const reward = await createReward(app, w.stampCard.id, { title: "Free sandwich", kind: "INSTANT" });
    await stamp(app, w, member, 4);
    const short = await redeem(
      app,
      { rewardId: reward.id, qr: await memberQr(app, member, w.program.id) },
      w.staff.token,
    );
    expect(short.result).toMatchObject({ __typename: "InsufficientPointsError", balance: 4, requested: 5 });
    await stamp(app, w, member, 3);
    const full = await redeem(
      app,
      { rewardId: reward.id, qr: await memberQr(app, member, w.program.id) },
      w.staff.token,
    );
    expect(full.result).toMatchObject({ __typename: "RedeemRewardPayload", balance: 2, redemption: { cost: 5 } });
    expect((await cardLedger(app, member.id, w.stampCard.id)).at(-1)).toMatchObject({ type: "REDEEM", points: -5 });
  });
});

describe("a member's own redemption of a COUPON reward", () => {
  it("debits their balance (ledger source MEMBER, no actor) and gives them the coupon", async () => {
    const member = await loggedInMember(app, mailbox, w.program.id);
    await fund(app, w, member, 50);
    const reward = await createReward(app, w.loyaltyCard.id, { title: "App-only muffin", pointsCost: 40 });
    const idempotencyKey = randomUUID();
    const res = await redeem(app, { rewardId: reward.id, idempotencyKey }, member.token);
    expect(res.result).toMatchObject({
      __typename: "RedeemRewardPayload",
      balance: 10,
      coupon: { status: "ISSUED" },
      redemption: { club: null },
    });
    expect((await redeem(app, { rewardId: reward.id, idempotencyKey }, member.token)).result).toMatchObject({
      replayed: true,
      coupon: { id: res.result?.coupon.id },
    });
    const ledger = await cardLedger(app, member.id, w.loyaltyCard.id);
    expect(ledger.at(-1)).toMatchObject({ type: "REDEEM", source: "MEMBER", points: -40 });
    const activity = await app.database.prisma.activity.findFirstOrThrow({ where: { id: ledger.at(-1)!.activityId! } });
    expect(activity).toMatchObject({ type: "REWARD_REDEEMED", actorType: null, actorId: null, clubId: null });
  });
});
