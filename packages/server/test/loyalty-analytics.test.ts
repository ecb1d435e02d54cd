// loyaltyStats through GraphQL on a small known dataset built with the public mutations (follows, views, staff
// awards and stamps, redemptions by staff, partner and member): exact figures per program, card and club,
// popular rewards, scoping for owners, partners, staff and members, and time-zone bucketing at a day boundary.
import { createClient } from "@partnergraph/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Mail } from "../src/domain/mail/outbox.js";
import { ADMIN_KEY, createPartner, type TestApp } from "./helpers.js";
import {
  addStamps,
  awardPoints,
  expectPayload,
  type LoyaltyMember,
  type LoyaltyWorld,
  loggedInMember,
  loyaltyWorld,
  memberQr,
  startLoyaltyApp,
  tag,
} from "./loyalty-helpers.js";
import { createReward, redeem as redeemReward } from "./loyalty-reward-helpers.js";

let app: TestApp;
const mailbox: Mail[] = [];
beforeAll(async () => {
  app = await startLoyaltyApp(mailbox);
});
afterAll(async () => {
  await app?.close();
});

const VALUES = "cardViews newFollowers pointsIssued pointsRedeemed stampsCollected activeMembers redemptions";
const STATS = `query ($i: LoyaltyStatsInput!) { loyaltyStats(input: $i) { buckets { start values { ${VALUES} } } totals { ${VALUES} } popularRewards { reward { id title } redemptions } } }`;

async function stats(input: Record<string, unknown>, key: string = ADMIN_KEY) {
  const res = await app.gql(STATS, { i: input }, key);
  if (res.errors) return { code: res.errors[0]!.extensions?.code as string };
  return res.data.loyaltyStats as {
    buckets: { start: string; values: Record<string, number | null> }[];
    totals: Record<string, number | null>;
    popularRewards: { reward: { id: string; title: string }; redemptions: number }[];
  };
}

const values = (v: Partial<Record<string, number | null>>) => ({
  cardViews: 0,
  newFollowers: 0,
  pointsIssued: 0,
  pointsRedeemed: 0,
  stampsCollected: 0,
  activeMembers: 0,
  redemptions: 0,
  ...v,
});
const clubValues = (v: Partial<Record<string, number | null>>) => values({ cardViews: null, newFollowers: null, ...v });

const redeem = (input: Record<string, unknown>, key: string) => redeemReward(app, input, key);

function ok<T extends { result?: Record<string, any> | undefined; res: unknown }>(
  call: T,
  typename: string,
): NonNullable<T["result"]> {
  if (call.result?.__typename !== typename) throw new Error(`expected ${typename}: ${JSON.stringify(call.res)}`);
  return call.result as NonNullable<T["result"]>;
}

describe("loyaltyStats on a known dataset", () => {
  let w: LoyaltyWorld;
  let m2: LoyaltyMember;
  let m3: LoyaltyMember;
  let coffee: { id: string };
  let cake: { id: string };
  let range: { from: string; to: string; interval: string };

  beforeAll(async () => {
    w = await loyaltyWorld(app, mailbox, { program: { timezone: "Europe/Vilnius" } });
    const riverside = w.clubs[1];
    const m = w.member;
    m2 = await loggedInMember(app, mailbox, w.program.id);
    m3 = await loggedInMember(app, mailbox, w.program.id);
    const program = w.program.id;
    const follow = (member: LoyaltyMember, cardId: string) =>
      expectPayload(app, "followCard", "FollowCardInput", "FollowCardPayload", "created", { cardId }, member.token);
    const view = (member: LoyaltyMember, cardId: string) =>
      expectPayload(
        app,
        "recordCardView",
        "RecordCardViewInput",
        "RecordCardViewPayload",
        "card { id }",
        { cardId },
        member.token,
      );

    // Follows (3) and views (4).
    await follow(m, w.loyaltyCard.id);
    await follow(m2, w.loyaltyCard.id);
    await follow(m, w.stampCard.id);
    await view(m, w.loyaltyCard.id);
    await view(m, w.loyaltyCard.id);
    await view(m2, w.loyaltyCard.id);
    await view(m, w.stampCard.id);

    // Points: staff in Old Town award M 10 and M2 20 (a purchase at 1 point per unit); the partner awards M 30 and
    // M3 5 in Riverside (M3 follows the card by being awarded: a 4th follow).
    ok(
      await awardPoints(app, w.staff.token, {
        cardId: w.loyaltyCard.id,
        qr: await memberQr(app, m, program),
        points: 10,
      }),
      "AwardPointsPayload",
    );
    ok(
      await awardPoints(app, w.staff.token, {
        cardId: w.loyaltyCard.id,
        qr: await memberQr(app, m2, program),
        purchaseAmount: "20",
      }),
      "AwardPointsPayload",
    );
    ok(
      await awardPoints(app, w.partner.apiKey, {
        cardId: w.loyaltyCard.id,
        qr: await memberQr(app, m, program),
        points: 30,
        clubId: riverside.id,
      }),
      "AwardPointsPayload",
    );
    ok(
      await awardPoints(app, w.partner.apiKey, {
        cardId: w.loyaltyCard.id,
        qr: await memberQr(app, m3, program),
        points: 5,
        clubId: riverside.id,
      }),
      "AwardPointsPayload",
    );
    // Stamps: staff in Old Town add one, then one more, to M.
    ok(
      await addStamps(app, w.staff.token, { cardId: w.stampCard.id, qr: await memberQr(app, m, program), stamps: 1 }),
      "AddStampsPayload",
    );
    ok(
      await addStamps(app, w.staff.token, { cardId: w.stampCard.id, qr: await memberQr(app, m, program), stamps: 1 }),
      "AddStampsPayload",
    );

    // Redemptions: Coffee (15) by staff for M in Old Town and by the partner for M2 in Riverside; Cake (5) three
    // times by M in the app (no club).
    coffee = await createReward(app, w.loyaltyCard.id, { title: "Coffee", pointsCost: 15 });
    cake = await createReward(app, w.loyaltyCard.id, { title: "Cake", pointsCost: 5 });
    ok(
      await redeem({ rewardId: coffee.id, qr: await memberQr(app, m, program) }, w.staff.token),
      "RedeemRewardPayload",
    );
    ok(
      await redeem({ rewardId: coffee.id, member: { id: m2.id }, clubId: riverside.id }, w.partner.apiKey),
      "RedeemRewardPayload",
    );
    for (let i = 0; i < 3; i++) ok(await redeem({ rewardId: cake.id }, m.token), "RedeemRewardPayload");

    const now = Date.now();
    range = {
      from: new Date(now - 2 * 86_400_000).toISOString(),
      to: new Date(now + 86_400_000).toISOString(),
      interval: "DAY",
    };
  });

  /** The buckets' additive figures add up to the totals, and every bucket is a local midnight in Vilnius. */
  function consistent(s: Awaited<ReturnType<typeof stats>>) {
    if ("code" in s) throw new Error(s.code);
    for (const key of ["pointsIssued", "pointsRedeemed", "stampsCollected", "redemptions"]) {
      expect(
        s.buckets.reduce((n, b) => n + (b.values[key] ?? 0), 0),
        key,
      ).toBe(s.totals[key]);
    }
    for (const b of s.buckets)
      expect(
        new Intl.DateTimeFormat("en-GB", {
          timeZone: "Europe/Vilnius",
          hour: "2-digit",
          minute: "2-digit",
          hourCycle: "h23",
        }).format(new Date(b.start)),
      ).toBe("00:00");
    return s;
  }

  it("counts the whole program", async () => {
    const s = consistent(await stats({ programId: w.program.id, ...range }));
    expect(s.buckets.length).toBeGreaterThanOrEqual(3);
    expect(s.totals).toEqual(
      values({
        cardViews: 4,
        newFollowers: 4,
        pointsIssued: 65,
        pointsRedeemed: 45,
        stampsCollected: 2,
        activeMembers: 3,
        redemptions: 5,
      }),
    );
    expect(s.popularRewards).toEqual([
      { reward: { id: cake.id, title: "Cake" }, redemptions: 3 },
      { reward: { id: coffee.id, title: "Coffee" }, redemptions: 2 },
    ]);
    expect(((await stats({ programId: w.program.id, ...range, topRewards: 1 })) as any).popularRewards).toHaveLength(1);
    // The partner's figures are the program's (it is the only partner), asked by partnerId alone.
    expect(((await stats({ partnerId: w.partner.id, ...range })) as any).totals).toEqual(s.totals);
  });

  it("counts one card", async () => {
    const loyalty = consistent(await stats({ programId: w.program.id, cardId: w.loyaltyCard.id, ...range }));
    expect(loyalty.totals).toEqual(
      values({ cardViews: 3, newFollowers: 3, pointsIssued: 65, pointsRedeemed: 45, activeMembers: 3, redemptions: 5 }),
    );
    const stamp = consistent(await stats({ programId: w.program.id, cardId: w.stampCard.id, ...range }));
    expect(stamp.totals).toEqual(values({ cardViews: 1, newFollowers: 1, stampsCollected: 2, activeMembers: 1 }));
    expect(stamp.popularRewards).toEqual([]);
  });

  it("counts what happened in one club", async () => {
    const [oldTown, riverside] = w.clubs;
    const old = consistent(await stats({ programId: w.program.id, clubId: oldTown.id, ...range }));
    expect(old.totals).toEqual(
      clubValues({ pointsIssued: 30, pointsRedeemed: 15, stampsCollected: 2, activeMembers: 2, redemptions: 1 }),
    );
    expect(old.popularRewards).toEqual([{ reward: { id: coffee.id, title: "Coffee" }, redemptions: 1 }]);
    const river = consistent(await stats({ programId: w.program.id, clubId: riverside.id, ...range }));
    expect(river.totals).toEqual(
      clubValues({ pointsIssued: 35, pointsRedeemed: 15, activeMembers: 3, redemptions: 1 }),
    );
    // A club and a card together: the stamp card in Old Town.
    expect(
      ((await stats({ programId: w.program.id, clubId: oldTown.id, cardId: w.stampCard.id, ...range })) as any).totals,
    ).toEqual(clubValues({ stampsCollected: 2, activeMembers: 1 }));
  });

  it("gives staff only their clubs' figures", async () => {
    const [oldTown, riverside] = w.clubs;
    const mine = clubValues({
      pointsIssued: 30,
      pointsRedeemed: 15,
      stampsCollected: 2,
      activeMembers: 2,
      redemptions: 1,
    });
    for (const key of [w.staff.token, w.manager.token]) {
      expect(((await stats({ programId: w.program.id, ...range }, key)) as any).totals).toEqual(mine);
      expect(((await stats({ programId: w.program.id, clubId: oldTown.id, ...range }, key)) as any).totals).toEqual(
        mine,
      );
      expect(
        ((await stats({ programId: w.program.id, cardId: w.loyaltyCard.id, ...range }, key)) as any).totals,
      ).toEqual(clubValues({ pointsIssued: 30, pointsRedeemed: 15, activeMembers: 2, redemptions: 1 }));
      expect(await stats({ programId: w.program.id, clubId: riverside.id, ...range }, key)).toEqual({
        code: "STORE_ACCESS_DENIED",
      });
      expect(await stats({ partnerId: w.partner.id, ...range }, key)).toEqual({ code: "FORBIDDEN" });
    }
  });

  it("refuses members, other partners and strangers", async () => {
    const rival = await createPartner(app, w.program.id, { name: "Rival Coffee" });
    const elsewhere = await loyaltyWorld(app, mailbox);
    expect(await stats({ programId: w.program.id, ...range }, w.member.token)).toEqual({ code: "NOT_FOUND" });
    expect(await stats({ partnerId: w.partner.id, ...range }, rival.apiKey)).toEqual({
      code: "INSUFFICIENT_PARTNER_PERMISSIONS",
    });
    expect(await stats({ programId: w.program.id, cardId: w.loyaltyCard.id, ...range }, rival.apiKey)).toEqual({
      code: "INSUFFICIENT_PARTNER_PERMISSIONS",
    });
    expect(await stats({ programId: w.program.id, clubId: w.clubs[0].id, ...range }, rival.apiKey)).toEqual({
      code: "INSUFFICIENT_PARTNER_PERMISSIONS",
    });
    // A partner asking for the program gets its own cards: the rival has none.
    expect(((await stats({ programId: w.program.id, ...range }, rival.apiKey)) as any).totals).toEqual(values({}));
    expect(await stats({ programId: w.program.id, ...range }, elsewhere.program.secretKey)).toEqual({
      code: "NOT_FOUND",
    });
    expect(await stats({ programId: w.program.id, cardId: elsewhere.loyaltyCard.id, ...range })).toEqual({
      code: "NOT_FOUND",
    });
    expect(await stats({ programId: w.program.id, ...range }, null as never)).toEqual({ code: "UNAUTHENTICATED" });
    expect(await stats({ ...range })).toEqual({ code: "VALIDATION_FAILED" });
    expect(await stats({ programId: w.program.id, from: range.to, to: range.from, interval: "DAY" })).toEqual({
      code: "VALIDATION_FAILED",
    });
    expect(
      await stats({
        programId: w.program.id,
        from: "2020-01-01T00:00:00Z",
        to: "2025-01-01T00:00:00Z",
        interval: "HOUR",
      }),
    ).toEqual({ code: "VALIDATION_FAILED" });
  });
});

describe("time-zone bucketing", () => {
  it("puts activity on either side of local midnight in different days, whatever the UTC date", async () => {
    const w = await loyaltyWorld(app, mailbox, { program: { timezone: "Europe/Vilnius" } });
    const res = await app.gql(`mutation ($i: ImportMembersInput!) { importMembers(input: $i) { __typename } }`, {
      i: { programId: w.program.id, csv: "externalId\nTZ-1\nTZ-2\n" },
    });
    expect(res.data.importMembers.__typename).toBe("ImportReport");
    // Vilnius is UTC+2 in March: 21:30Z is 23:30 on the 1st, 22:30Z is 00:30 on the 2nd (both March 1st in UTC).
    const csv = [
      "externalId,memberExternalId,points,cardId,occurredAt",
      `B-1,TZ-1,7,${w.loyaltyCard.id},2025-03-01T21:30:00Z`,
      `B-2,TZ-2,11,${w.loyaltyCard.id},2025-03-01T22:30:00Z`,
      `B-3,TZ-2,3,${w.stampCard.id},2025-03-01T21:59:59.999Z`,
    ].join("\n");
    const imported = await app.gql(
      `mutation ($i: ImportTransactionsInput!) { importTransactions(input: $i) { ... on ImportReport { applied } } }`,
      { i: { programId: w.program.id, csv } },
    );
    expect(imported.data.importTransactions.applied).toBe(3);

    const s = await stats({
      programId: w.program.id,
      from: "2025-03-01T00:00:00+02:00",
      to: "2025-03-03T00:00:00+02:00",
      interval: "DAY",
    });
    if ("code" in s) throw new Error(s.code);
    expect(s.buckets).toEqual([
      // Imported entries are activity (IMPORTED) and make their members follow the card (FOLLOW at the first entry).
      {
        start: "2025-02-28T22:00:00.000Z",
        values: values({ newFollowers: 2, pointsIssued: 7, stampsCollected: 3, activeMembers: 2 }),
      },
      { start: "2025-03-01T22:00:00.000Z", values: values({ newFollowers: 1, pointsIssued: 11, activeMembers: 1 }) },
    ]);
    expect(s.totals).toEqual(values({ newFollowers: 3, pointsIssued: 18, stampsCollected: 3, activeMembers: 2 }));

    // By hour: the local hours 23:00 and 00:00 (with the 21:59:59.999Z stamp entry in 23:00).
    const hours = await stats({
      programId: w.program.id,
      from: "2025-03-01T23:00:00+02:00",
      to: "2025-03-02T01:00:00+02:00",
      interval: "HOUR",
    });
    if ("code" in hours) throw new Error(hours.code);
    expect(hours.buckets.map((b) => [b.start, b.values.pointsIssued, b.values.stampsCollected])).toEqual([
      ["2025-03-01T21:00:00.000Z", 7, 3],
      ["2025-03-01T22:00:00.000Z", 11, 0],
    ]);
    // A week starts on Monday in the program's time zone: Monday 2025-03-03 00:00 Vilnius.
    const weeks = await stats({
      programId: w.program.id,
      from: "2025-02-20T00:00:00Z",
      to: "2025-03-09T00:00:00Z",
      interval: "WEEK",
    });
    if ("code" in weeks) throw new Error(weeks.code);
    expect(weeks.buckets.map((b) => [b.start, b.values.pointsIssued])).toEqual([
      ["2025-02-16T22:00:00.000Z", 0],
      ["2025-02-23T22:00:00.000Z", 18],
      ["2025-03-02T22:00:00.000Z", 0],
    ]);
  });
});

describe("through the SDK", () => {
  it("imports staff and transactions and reads loyaltyStats with typed results", async () => {
    const w = await loyaltyWorld(app, mailbox);
    const owner = createClient({ url: app.graphqlUrl, apiKey: w.program.secretKey });
    const staff = await owner.ImportStaff({
      input: { programId: w.program.id, csv: `email,club,role\nnew-barista-${tag()}@example.com,Riverside,STAFF` },
    });
    expect(staff.importStaff).toMatchObject({ __typename: "ImportReport", applied: 1, rejected: [] });
    await owner.ImportMembers({ input: { programId: w.program.id, csv: "externalId\nSDK-1\n" } });
    const bad = await owner.ImportTransactions({
      input: {
        programId: w.program.id,
        csv: "externalId,memberExternalId,points,occurredAt\nS-1,SDK-1,lots,2025-01-01\n",
        dryRun: true,
      },
    });
    if (bad.importTransactions.__typename !== "ImportReport") throw new Error(bad.importTransactions.__typename);
    expect(bad.importTransactions.rejected).toEqual([
      { line: 2, column: "points", code: "INVALID_VALUE", message: 'points must be a whole number, got "lots"' },
    ]);
    // A CSV sent inline is a JSON body: past MAX_BODY_BYTES it is refused before it is read (uploads: 5 MiB).
    await expect(
      owner.ImportProducts({ input: { programId: w.program.id, csv: "x".repeat(1024 * 1024 + 1) } }),
    ).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
    await owner.ImportTransactions({
      input: {
        programId: w.program.id,
        csv: `externalId,memberExternalId,points,cardId,occurredAt\nS-2,SDK-1,9,${w.loyaltyCard.id},2025-01-15`,
      },
    });
    const { loyaltyStats } = await owner.LoyaltyStats({
      input: { programId: w.program.id, from: "2025-01-01T00:00:00Z", to: "2025-02-01T00:00:00Z", interval: "MONTH" },
    });
    expect(loyaltyStats.totals).toEqual({
      cardViews: 0,
      newFollowers: 1,
      pointsIssued: 9,
      pointsRedeemed: 0,
      stampsCollected: 0,
      activeMembers: 1,
      redemptions: 0,
    });
    expect(loyaltyStats.buckets.map((b) => b.start)).toEqual(["2024-12-31T22:00:00.000Z", "2025-01-31T22:00:00.000Z"]);
  });
});
