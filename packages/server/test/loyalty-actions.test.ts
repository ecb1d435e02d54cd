// Staff actions at the counter through GraphQL: awarding points and adding stamps with a member's QR, in a club,
// idempotently, within daily limits; stamp completion and roll-over; club scoping; QR replay refusal.
import { decodeGlobalID } from "@pothos/plugin-relay";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serverSecret } from "../src/domain/auth/secrets.js";
import { signMemberQr } from "../src/domain/loyalty/qr.js";
import type { Mail } from "../src/domain/mail/outbox.js";
import { createPartner, login, type TestApp, testSealer } from "./helpers.js";
import {
  addClubStaff,
  addStamps,
  awardPoints,
  createClub,
  createLoyaltyCard,
  createStampCard,
  type LoyaltyMember,
  type LoyaltyWorld,
  loggedInMember,
  loyaltyWorld,
  memberQr,
  mutate,
  startLoyaltyApp,
  tag,
} from "./loyalty-helpers.js";

let app: TestApp;
const mailbox: Mail[] = [];
let w: LoyaltyWorld;
let secret: Buffer;

beforeAll(async () => {
  app = await startLoyaltyApp(mailbox);
  w = await loyaltyWorld(app, mailbox, {
    loyalty: { pointsPerCurrencyUnit: "1.5", pointsPerVisit: 10, minimumPurchase: "2" },
  });
  secret = await serverSecret(app.database.prisma, testSealer(), "session-signing");
});
afterAll(async () => {
  await app?.close();
});

const rowId = (globalId: string) => decodeGlobalID(globalId).id;
/** A QR payload signed like memberQr's, but valid for `ttlMs` from now (negative: already expired). */
const qrValidFor = (world: LoyaltyWorld, member: { id: string }, ttlMs: number) =>
  signMemberQr(
    secret,
    { programId: rowId(world.program.id), memberId: rowId(member.id) },
    Date.now() + ttlMs - 5 * 60_000,
  ).payload;
const freshMember = (world: LoyaltyWorld = w) => loggedInMember(app, mailbox, world.program.id);
const cardsOf = async (member: LoyaltyMember) =>
  (
    await app.gql(
      `{ viewer { members { cards(first: 20) { totalCount nodes { card { id } balance stamps { current fullCards completed stampsRequired } } } } } }`,
      {},
      member.token,
    )
  ).data.viewer.members[0].cards;
const historyOf = async (member: LoyaltyMember) =>
  (await app.gql(`{ viewer { members { activities(first: 50) { nodes { type points } } } } }`, {}, member.token)).data
    .viewer.members[0].activities.nodes as { type: string; points: number | null }[];

describe("awardPoints", () => {
  it("awards a purchase through the card's rules, makes the member follow, and records the activity", async () => {
    const m = await freshMember();
    const qr = await memberQr(app, m, w.program.id);
    // 12.30 × 1.5 = 18.45 → 18 (NATURAL), + 10 per visit.
    const { result } = await awardPoints(app, w.staff.token, { cardId: w.loyaltyCard.id, qr, purchaseAmount: "12.30" });
    expect(result).toMatchObject({
      __typename: "AwardPointsPayload",
      pointsAwarded: 28,
      balance: 28,
      replayed: false,
      member: { id: m.id },
      card: { id: w.loyaltyCard.id },
    });
    expect(result!.activity).toMatchObject({
      type: "POINTS_AWARDED",
      points: 28,
      amount: "12.3",
      club: { id: w.clubs[0].id },
    });
    const fixed = await awardPoints(app, w.staff.token, {
      cardId: w.loyaltyCard.id,
      qr: await memberQr(app, m, w.program.id),
      points: 50,
    });
    expect(fixed.result).toMatchObject({ pointsAwarded: 50, balance: 78 });
    expect((await cardsOf(m)).nodes).toEqual([{ card: { id: w.loyaltyCard.id }, balance: 78, stamps: null }]);
    expect(await historyOf(m)).toEqual([
      { type: "POINTS_AWARDED", points: 50 },
      { type: "POINTS_AWARDED", points: 28 },
      { type: "FOLLOW", points: null },
    ]);
    // The program's own points are untouched: card points live on the card.
    expect((await app.gql(`query ($id: ID!) { member(id: $id) { balance } }`, { id: m.id })).data.member.balance).toBe(
      0,
    );
    const audit = await app.gql(`query ($p: ID!) { auditLog(programId: $p, first: 100) { nodes { action } } }`, {
      p: w.program.id,
    });
    expect(
      (audit.data.auditLog.nodes as { action: string }[]).filter((n) => n.action === "loyalty.awardPoints").length,
    ).toBeGreaterThanOrEqual(2);
  });

  it("refuses purchases below the minimum or earning nothing, writing nothing and leaving the QR usable", async () => {
    const m = await freshMember();
    const qr = await memberQr(app, m, w.program.id);
    const below = await awardPoints(app, w.staff.token, { cardId: w.loyaltyCard.id, qr, purchaseAmount: "1.99" });
    expect(below.result).toMatchObject({
      __typename: "ValidationError",
      issues: [{ path: "purchaseAmount", message: "is below the card's minimum purchase of 2" }],
    });
    const both = await awardPoints(app, w.staff.token, {
      cardId: w.loyaltyCard.id,
      qr,
      purchaseAmount: "5",
      points: 3,
    });
    expect(both.result).toMatchObject({ __typename: "ValidationError", issues: [{ path: "purchaseAmount" }] });
    const onStamps = await awardPoints(app, w.staff.token, { cardId: w.stampCard.id, qr, points: 3 });
    expect(onStamps.result).toMatchObject({ __typename: "ValidationError", issues: [{ path: "cardId" }] });
    expect((await cardsOf(m)).totalCount).toBe(0);
    expect(
      (await awardPoints(app, w.staff.token, { cardId: w.loyaltyCard.id, qr, purchaseAmount: "2" })).result,
    ).toMatchObject({ pointsAwarded: 13 });
  });

  it("rounds once, on the whole amount, in the program's rounding mode (worked examples)", async () => {
    const world = await loyaltyWorld(app, mailbox, { loyalty: { pointsPerCurrencyUnit: "1.5", pointsPerVisit: 10 } });
    const examples: [string, string, number][] = [
      ["NATURAL", "12.30", 28], // 18.45 → 18
      ["UP", "12.30", 29], // 18.45 → 19
      ["DOWN", "12.30", 28], // 18.45 → 18
      ["NATURAL", "3.30", 15], // 4.95 → 5
      ["UP", "3.30", 15],
      ["DOWN", "3.30", 14], // 4.95 → 4
      ["NATURAL", "0.33", 10], // 0.495 → 0: the visit bonus alone
      ["UP", "0.01", 11], // 0.015 → 1
    ];
    for (const [mode, amount, points] of examples) {
      await app.gql(
        `mutation ($p: ID!, $m: RoundingMode!) { configureProgram(input: { programId: $p, roundingMode: $m }) { __typename } }`,
        { p: world.program.id, m: mode },
      );
      const qr = await memberQr(app, world.member, world.program.id);
      const { result } = await awardPoints(app, world.program.secretKey, {
        cardId: world.loyaltyCard.id,
        qr,
        purchaseAmount: amount,
      });
      expect(result?.pointsAwarded, `${mode} ${amount}`).toBe(points);
    }
    const noVisit = await createLoyaltyCard(app, [world.clubs[0].id], { pointsPerCurrencyUnit: "0.1" });
    await app.gql(
      `mutation ($p: ID!) { configureProgram(input: { programId: $p, roundingMode: DOWN }) { __typename } }`,
      { p: world.program.id },
    );
    const nothing = await awardPoints(app, world.program.secretKey, {
      cardId: noVisit.id,
      qr: await memberQr(app, world.member, world.program.id),
      purchaseAmount: "9.99",
    });
    expect(nothing.result).toMatchObject({
      __typename: "ValidationError",
      issues: [{ path: "purchaseAmount", message: "earns no points on this card" }],
    });
  });
});

describe("club scoping", () => {
  it("lets staff act only on cards of their clubs (STORE_ACCESS_DENIED otherwise)", async () => {
    const riversideOnly = await createLoyaltyCard(app, [w.clubs[1].id]);
    const qr = await memberQr(app, w.member, w.program.id);
    expect((await awardPoints(app, w.staff.token, { cardId: riversideOnly.id, qr, points: 1 })).code).toBe(
      "STORE_ACCESS_DENIED",
    );
    expect(
      (await addStamps(app, w.manager.token, { cardId: w.stampCard.id, qr, clubId: w.clubs[1].id, stamps: 1 })).code,
    ).toBe("STORE_ACCESS_DENIED");
    const rival = await createPartner(app, w.program.id, { name: `Rival ${tag()}` });
    const rivalStaff = `rival-${tag()}@example.com`;
    await addClubStaff(app, (await createClub(app, rival.id)).id, rivalStaff);
    expect(
      (await awardPoints(app, await login(app, mailbox, rivalStaff), { cardId: w.loyaltyCard.id, qr, points: 1 })).code,
    ).toBe("STORE_ACCESS_DENIED");
    expect((await awardPoints(app, rival.apiKey, { cardId: w.loyaltyCard.id, qr, points: 1 })).code).toBe(
      "INSUFFICIENT_PARTNER_PERMISSIONS",
    );
    expect((await awardPoints(app, w.member.token, { cardId: w.loyaltyCard.id, qr, points: 1 })).code).toBe(
      "NOT_FOUND",
    );
    // Owners may name any of the card's clubs, but no other.
    expect(
      (await awardPoints(app, w.partner.apiKey, { cardId: riversideOnly.id, qr, points: 1, clubId: w.clubs[0].id }))
        .result,
    ).toMatchObject({ __typename: "ValidationError", issues: [{ path: "clubId" }] });
    // Staff of both clubs must say where they are.
    const both = `both-${tag()}@example.com`;
    await addClubStaff(app, w.clubs[0].id, both);
    await addClubStaff(app, w.clubs[1].id, both);
    const token = await login(app, mailbox, both);
    expect((await awardPoints(app, token, { cardId: w.loyaltyCard.id, qr, points: 1 })).result).toMatchObject({
      __typename: "ValidationError",
      issues: [{ path: "clubId" }],
    });
    expect(
      (await awardPoints(app, token, { cardId: w.loyaltyCard.id, qr, points: 1, clubId: w.clubs[1].id })).result,
    ).toMatchObject({ pointsAwarded: 1, activity: { club: { id: w.clubs[1].id } } });
  });

  it("stops a disabled or deleted partner's staff, and its cards refuse every action", async () => {
    const world = await loyaltyWorld(app, mailbox);
    const status = (s: string) =>
      app.gql(
        `mutation ($id: ID!, $s: PartnerStatus!) { setPartnerStatus(input: { partner: { id: $id }, status: $s }) { __typename } }`,
        { id: world.partner.id, s },
      );
    await status("DISABLED");
    const qr = await memberQr(app, world.member, world.program.id);
    expect((await awardPoints(app, world.staff.token, { cardId: world.loyaltyCard.id, qr, points: 1 })).code).toBe(
      "NOT_FOUND",
    );
    expect(
      (await awardPoints(app, world.program.secretKey, { cardId: world.loyaltyCard.id, qr, points: 1 })).result,
    ).toMatchObject({ __typename: "LoyaltyRuleError", code: "CARD_INACTIVE" });
    await status("ENABLED");
    expect(
      (await awardPoints(app, world.staff.token, { cardId: world.loyaltyCard.id, qr, points: 1 })).result,
    ).toMatchObject({ pointsAwarded: 1 });
    await mutate(app, "updateCard", "UpdateCardInput", "", { cardId: world.stampCard.id, status: "INACTIVE" });
    expect(
      (await addStamps(app, world.staff.token, { cardId: world.stampCard.id, qr, stamps: 1 })).result,
    ).toMatchObject({ code: "CARD_INACTIVE" });
    await app.gql(`mutation ($id: ID!) { deletePartner(input: { partner: { id: $id } }) { __typename } }`, {
      id: world.partner.id,
    });
    expect((await awardPoints(app, world.staff.token, { cardId: world.loyaltyCard.id, qr, points: 1 })).code).toBe(
      "NOT_FOUND",
    );
    expect(
      (
        await awardPoints(app, world.program.secretKey, {
          cardId: world.loyaltyCard.id,
          qr: await memberQr(app, world.member, world.program.id),
          points: 1,
        })
      ).result,
    ).toMatchObject({ code: "CARD_INACTIVE" });
  });
});

describe("member QR", () => {
  it("works once per action kind: a second award is refused, stamps on the same scan are not", async () => {
    const m = await freshMember();
    const qr = await memberQr(app, m, w.program.id);
    expect(
      (await awardPoints(app, w.staff.token, { cardId: w.loyaltyCard.id, qr, points: 5 })).result?.pointsAwarded,
    ).toBe(5);
    expect((await awardPoints(app, w.staff.token, { cardId: w.loyaltyCard.id, qr, points: 5 })).result).toMatchObject({
      __typename: "LoyaltyRuleError",
      code: "QR_ALREADY_USED",
    });
    expect((await addStamps(app, w.staff.token, { cardId: w.stampCard.id, qr, stamps: 1 })).result).toMatchObject({
      stampsAdded: 1,
    });
    expect((await addStamps(app, w.staff.token, { cardId: w.stampCard.id, qr, stamps: 1 })).result).toMatchObject({
      code: "QR_ALREADY_USED",
    });
    expect((await cardsOf(m)).nodes.map((n: { balance: number }) => n.balance)).toEqual([5, 1]);
  });

  it("refuses expired, tampered and foreign payloads", async () => {
    const m = await freshMember();
    const expired = qrValidFor(w, m, -1000);
    expect(
      (await awardPoints(app, w.staff.token, { cardId: w.loyaltyCard.id, qr: expired, points: 1 })).result,
    ).toMatchObject({ code: "QR_EXPIRED" });
    const genuine = await memberQr(app, m, w.program.id);
    const [prefix, body, mac] = genuine.split(".");
    const claims = JSON.parse(Buffer.from(body!, "base64url").toString());
    const forged = `${prefix}.${Buffer.from(JSON.stringify({ ...claims, e: claims.e + 3_600_000 })).toString("base64url")}.${mac}`;
    for (const qr of [forged, `${genuine}x`, "not a qr", `${prefix}.${body}`]) {
      expect(
        (await awardPoints(app, w.staff.token, { cardId: w.loyaltyCard.id, qr, points: 1 })).result,
        qr,
      ).toMatchObject({ __typename: "LoyaltyRuleError", code: "QR_INVALID" });
    }
    const elsewhere = await loyaltyWorld(app, mailbox);
    const foreign = await memberQr(app, elsewhere.member, elsewhere.program.id);
    expect(
      (await awardPoints(app, w.staff.token, { cardId: w.loyaltyCard.id, qr: foreign, points: 1 })).result,
    ).toMatchObject({ code: "QR_INVALID" });
    expect((await cardsOf(m)).totalCount).toBe(0);
    expect(
      (await awardPoints(app, w.staff.token, { cardId: w.loyaltyCard.id, qr: genuine, points: 1 })).result,
    ).toMatchObject({ pointsAwarded: 1 });
  });
});

describe("idempotent staff actions", () => {
  it("replays a retry (even with a fresh scan or after the QR expired) and awards once; another request under the key is a CONFLICT", async () => {
    const m = await freshMember();
    const qr = qrValidFor(w, m, 1500);
    const idempotencyKey = `till-7-${tag()}`;
    const first = await awardPoints(app, w.staff.token, {
      cardId: w.loyaltyCard.id,
      qr,
      purchaseAmount: "20",
      idempotencyKey,
    });
    expect(first.result).toMatchObject({ pointsAwarded: 40, balance: 40, replayed: false });
    await new Promise((r) => setTimeout(r, 1600));
    const retry = await awardPoints(app, w.staff.token, {
      cardId: w.loyaltyCard.id,
      qr,
      purchaseAmount: "20",
      idempotencyKey,
    });
    expect(retry.result).toMatchObject({
      pointsAwarded: 40,
      balance: 40,
      replayed: true,
      activity: { id: first.result!.activity.id },
    });
    const rescanned = await awardPoints(app, w.manager.token, {
      cardId: w.loyaltyCard.id,
      qr: await memberQr(app, m, w.program.id),
      purchaseAmount: "20",
      idempotencyKey,
    });
    expect(rescanned.result).toMatchObject({ replayed: true, activity: { id: first.result!.activity.id } });
    const other = await awardPoints(app, w.staff.token, {
      cardId: w.loyaltyCard.id,
      qr: await memberQr(app, m, w.program.id),
      purchaseAmount: "21",
      idempotencyKey,
    });
    expect(other.result).toMatchObject({ __typename: "ConflictError", code: "CONFLICT", path: "idempotencyKey" });
    // A key used for an award cannot be replayed as stamps by someone without access to the card either.
    const riversideStaff = `riverside-${tag()}@example.com`;
    await addClubStaff(app, w.clubs[1].id, riversideStaff);
    const onlyOldTown = await createLoyaltyCard(app, [w.clubs[0].id]);
    const keyed = `shared-${tag()}`;
    await awardPoints(app, w.staff.token, {
      cardId: onlyOldTown.id,
      qr: await memberQr(app, m, w.program.id),
      points: 2,
      idempotencyKey: keyed,
    });
    expect(
      (
        await awardPoints(app, await login(app, mailbox, riversideStaff), {
          cardId: onlyOldTown.id,
          qr: await memberQr(app, m, w.program.id),
          points: 2,
          idempotencyKey: keyed,
        })
      ).code,
    ).toBe("STORE_ACCESS_DENIED");
    expect((await cardsOf(m)).nodes.map((n: { balance: number }) => n.balance).sort()).toEqual([2, 40]);
  });

  it("settles concurrent retries on one award", async () => {
    const m = await freshMember();
    const qr = await memberQr(app, m, w.program.id);
    const idempotencyKey = `burst-${tag()}`;
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        addStamps(app, w.staff.token, { cardId: w.stampCard.id, qr, stamps: 2, idempotencyKey }),
      ),
    );
    expect(results.map((r) => r.result?.__typename)).toEqual(Array(6).fill("AddStampsPayload"));
    expect(new Set(results.map((r) => r.result!.activity.id)).size).toBe(1);
    expect(results.filter((r) => !r.result!.replayed)).toHaveLength(1);
    expect((await cardsOf(m)).nodes[0]).toMatchObject({ balance: 2 });
  });
});

describe("daily limits", () => {
  it("caps staff actions per member and per staff member per day, also under concurrency", async () => {
    const world = await loyaltyWorld(app, mailbox, {
      loyalty: { memberDailyActionLimit: 2, staffDailyActionLimit: 4 },
    });
    const m = await freshMember(world);
    const attempts = await Promise.all(
      Array.from({ length: 5 }, async () =>
        awardPoints(app, world.staff.token, {
          cardId: world.loyaltyCard.id,
          qr: await memberQr(app, m, world.program.id),
          points: 1,
        }),
      ),
    );
    const refused = attempts.filter((a) => a.result?.__typename === "LoyaltyRuleError");
    expect(attempts.filter((a) => a.result?.__typename === "AwardPointsPayload")).toHaveLength(2);
    expect(refused).toHaveLength(3);
    const tomorrow = (await app.gql(`query ($id: ID!) { program(id: $id) { timezone } }`, { id: world.program.id }))
      .data.program.timezone;
    expect(tomorrow).toBe("Europe/Vilnius");
    for (const r of refused) {
      expect(r.result).toMatchObject({ code: "DAILY_LIMIT_REACHED" });
      // The limit resets at the next midnight in the program's time zone (Vilnius: UTC+2 or +3).
      const retryAt = new Date(r.result!.retryAt as string);
      expect(retryAt.getTime()).toBeGreaterThan(Date.now());
      expect(retryAt.getTime() - Date.now()).toBeLessThanOrEqual(86_400_000);
      expect(
        new Intl.DateTimeFormat("en-GB", {
          timeZone: "Europe/Vilnius",
          hour: "2-digit",
          minute: "2-digit",
          hourCycle: "h23",
        }).format(retryAt),
      ).toBe("00:00");
    }
    expect((await cardsOf(m)).nodes[0].balance).toBe(2);

    // The staff member has 2 actions left today, whoever the member: 4 concurrent tries for 4 members, 2 pass.
    const others = await Promise.all(Array.from({ length: 4 }, () => freshMember(world)));
    const staffTries = await Promise.all(
      others.map(async (o) =>
        awardPoints(app, world.staff.token, {
          cardId: world.loyaltyCard.id,
          qr: await memberQr(app, o, world.program.id),
          points: 1,
        }),
      ),
    );
    expect(staffTries.filter((a) => a.result?.__typename === "AwardPointsPayload")).toHaveLength(2);
    expect(staffTries.filter((a) => a.result?.code === "DAILY_LIMIT_REACHED")).toHaveLength(2);
    // Another staff member is not limited by the first one's count.
    const other = others.find((_, i) => staffTries[i]!.result?.code === "DAILY_LIMIT_REACHED")!;
    expect(
      (
        await awardPoints(app, world.manager.token, {
          cardId: world.loyaltyCard.id,
          qr: await memberQr(app, other, world.program.id),
          points: 1,
        })
      ).result,
    ).toMatchObject({ pointsAwarded: 1 });
  });
});

describe("stamps", () => {
  it("rolls over onto a new card (NEW_CARD), counting full cards and completions", async () => {
    const card = await createStampCard(app, [w.clubs[0].id], {
      stampsRequired: 3,
      stampsPerPurchase: 2,
      minimumPurchase: "4",
    });
    const m = await freshMember();
    const add = async (input: Record<string, unknown>) =>
      (await addStamps(app, w.staff.token, { cardId: card.id, qr: await memberQr(app, m, w.program.id), ...input }))
        .result;
    expect(await add({ purchaseAmount: "3.99" })).toMatchObject({
      __typename: "ValidationError",
      issues: [{ path: "purchaseAmount" }],
    });
    expect(await add({ purchaseAmount: "4" })).toMatchObject({
      stampsRequested: 2,
      stampsAdded: 2,
      completedCard: false,
      progress: { stampsRequired: 3, current: 2, fullCards: 0, completed: 0 },
    });
    expect(await add({ purchaseAmount: "10" })).toMatchObject({
      stampsAdded: 2,
      completedCard: true,
      progress: { current: 1, fullCards: 1, completed: 1 },
    });
    expect(await add({ stamps: 5 })).toMatchObject({
      stampsAdded: 5,
      completedCard: true,
      progress: { current: 0, fullCards: 3, completed: 3 },
    });
    // A full-card redemption writes −stampsRequired to the card's ledger.
    await redeemFullCard(m, card.id, 3);
    expect((await cardsOf(m)).nodes[0]).toMatchObject({
      balance: 6,
      stamps: { current: 0, fullCards: 2, completed: 3 },
    });
  });

  it("holds at a full card (HOLD) until it is redeemed", async () => {
    const card = await createStampCard(app, [w.clubs[0].id], { stampsRequired: 4, afterCompletion: "HOLD" });
    const m = await freshMember();
    const add = async (stamps: number) =>
      (await addStamps(app, w.staff.token, { cardId: card.id, qr: await memberQr(app, m, w.program.id), stamps }))
        .result;
    expect(await add(3)).toMatchObject({
      stampsAdded: 3,
      completedCard: false,
      progress: { current: 3, fullCards: 0 },
    });
    expect(await add(3)).toMatchObject({
      stampsRequested: 3,
      stampsAdded: 1,
      completedCard: true,
      progress: { current: 0, fullCards: 1, completed: 1 },
    });
    expect(await add(1)).toMatchObject({ __typename: "LoyaltyRuleError", code: "CARD_FULL" });
    await redeemFullCard(m, card.id, 4);
    expect(await add(2)).toMatchObject({ stampsAdded: 2, progress: { current: 2, fullCards: 0, completed: 1 } });
  });

  it("caps stamps at the daily stamp limit and then refuses until tomorrow", async () => {
    const card = await createStampCard(app, [w.clubs[0].id], { stampsRequired: 10, dailyStampLimit: 3 });
    const m = await freshMember();
    const add = async (stamps: number) =>
      (await addStamps(app, w.staff.token, { cardId: card.id, qr: await memberQr(app, m, w.program.id), stamps }))
        .result;
    expect(await add(2)).toMatchObject({ stampsAdded: 2 });
    expect(await add(2)).toMatchObject({ stampsRequested: 2, stampsAdded: 1, progress: { current: 3 } });
    const refused = await add(1);
    expect(refused).toMatchObject({ __typename: "LoyaltyRuleError", code: "DAILY_LIMIT_REACHED" });
    expect(new Date(refused!.retryAt as string).getTime()).toBeGreaterThan(Date.now());
    const other = await freshMember();
    expect(
      (
        await addStamps(app, w.staff.token, {
          cardId: card.id,
          qr: await memberQr(app, other, w.program.id),
          stamps: 3,
        })
      ).result,
    ).toMatchObject({ stampsAdded: 3 });
  });
});

/** A full-card redemption at the counter (redeemReward of one of the stamp card's rewards): −stampsRequired on its ledger. */
async function redeemFullCard(member: LoyaltyMember, cardId: string, stampsRequired: number) {
  const reward = await mutate(
    app,
    "createReward",
    "CreateRewardInput",
    "... on CreateRewardPayload { reward { id } }",
    { cardId, title: `Full card ${tag()}` },
  );
  const qr = await memberQr(app, member, w.program.id);
  const { result } = await mutate(
    app,
    "redeemReward",
    "RedeemRewardInput",
    "... on RedeemRewardPayload { redemption { cost } }",
    { rewardId: reward.result?.reward.id, qr, idempotencyKey: `redeem-${tag()}` },
    w.staff.token,
  );
  expect(result?.redemption?.cost).toBe(stampsRequired);
}
