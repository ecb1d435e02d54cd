// Games through the public API: configuration rules, who plays, play limits per period (also under
// concurrency), prizes through the ledger and coupon paths (several coupons per win, stock), idempotent plays,
// replaced prizes, and games of a disabled partner.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Mail } from "../src/domain/mail/outbox.js";
import { graphql } from "./gql/index.js";
import { ADMIN_KEY, createPartner, type TestApp } from "./helpers.js";
import {
  createLoyaltyCard,
  type LoyaltyMember,
  type LoyaltyWorld,
  loggedInMember,
  loyaltyWorld,
  mutate,
  startLoyaltyApp,
  tag,
} from "./loyalty-helpers.js";
import { COUPON_FIELDS, cardLedger, createReward, follow, rowOf } from "./loyalty-reward-helpers.js";

let app: TestApp;
const mailbox: Mail[] = [];
let w: LoyaltyWorld;

beforeAll(async () => {
  app = await startLoyaltyApp(mailbox);
  w = await loyaltyWorld(app, mailbox, { loyalty: { couponValidityDays: 14 } });
  await follow(app, w.member, w.loyaltyCard.id);
  await follow(app, w.member, w.stampCard.id);
});

afterAll(async () => {
  await app?.close();
});

const GAME_FIELDS =
  "id title status playLimit playPeriod prizes { position type label weight points couponCount reward { id } }";
const PLAY_FIELDS = `replayed play { id prizeType prizeLabel points coupons { id } game { id } member { id } } coupons { ${COUPON_FIELDS} }`;

const createGameCall = (input: Record<string, unknown>, key: string | null = ADMIN_KEY) =>
  mutate(app, "createGame", "CreateGameInput", `... on CreateGamePayload { game { ${GAME_FIELDS} } }`, input, key);
const updateGame = (input: Record<string, unknown>, key: string | null = ADMIN_KEY) =>
  mutate(app, "updateGame", "UpdateGameInput", `... on UpdateGamePayload { game { ${GAME_FIELDS} } }`, input, key);
const play = (gameId: string, key: string | null, extra: Record<string, unknown> = {}) =>
  mutate(
    app,
    "playGame",
    "PlayGameInput",
    `... on PlayGamePayload { ${PLAY_FIELDS} } ... on LoyaltyRuleError { retryAt } ... on ConflictError { path }`,
    { gameId, idempotencyKey: randomUUID(), ...extra },
    key,
  );

const RESUME_GAME = graphql(`
  mutation ResumeGameInTest($id: ID!) {
    resumeGame(input: { gameId: $id }) {
      __typename
      ... on ResumeGamePayload { game { id suspendedAt } }
      ... on Error { code }
    }
  }
`);
const GAME_RESUMES = graphql(`
  query GameResumesInTest($p: ID!) { auditLog(programId: $p, filter: { action: "game.resume" }) { totalCount } }
`);

async function createGame(
  cardId: string,
  input: Record<string, unknown>,
): Promise<{ id: string } & Record<string, any>> {
  const { res, result } = await createGameCall({
    cardId,
    title: `Wheel ${tag()}`,
    playLimit: 1,
    playPeriod: "DAY",
    ...input,
  });
  if (result?.__typename !== "CreateGamePayload") throw new Error(`createGame failed: ${JSON.stringify(res)}`);
  return result.game;
}

const points = (n: number, weight = 1) => ({ type: "POINTS", label: `${n} points`, weight, points: n });

describe("configuring games", () => {
  it("checks every prize against its type and the card", async () => {
    const reward = await createReward(app, w.loyaltyCard.id, { title: "Free latte", pointsCost: 100 });
    const instant = await createReward(app, w.loyaltyCard.id, { title: "Cookie now", pointsCost: 10, kind: "INSTANT" });
    const foreign = await createReward(app, w.stampCard.id, { title: "Stamp cake" });
    const cases: [unknown[], string][] = [
      [[], "prizes"],
      [[{ type: "POINTS", label: "no points", weight: 1 }], "prizes.0.points"],
      [[points(5, 0)], "prizes.0.weight"],
      [[{ type: "COUPON", label: "no reward", weight: 1 }], "prizes.0.rewardId"],
      [[points(5), { type: "COUPON", label: "instant", weight: 1, rewardId: instant.id }], "prizes.1.rewardId"],
      [[{ type: "COUPON", label: "other card", weight: 1, rewardId: foreign.id }], "prizes.0.rewardId"],
      [[{ type: "COUPON", label: "zero", weight: 1, rewardId: reward.id, couponCount: 0 }], "prizes.0.couponCount"],
      [[{ type: "NOTHING", label: "nothing", weight: 1, points: 3 }], "prizes.0.points"],
    ];
    for (const [prizes, path] of cases) {
      const { result } = await createGameCall({
        cardId: w.loyaltyCard.id,
        title: "Bad",
        playLimit: 1,
        playPeriod: "DAY",
        prizes,
      });
      expect(result?.__typename, JSON.stringify(prizes)).toBe("ValidationError");
      expect(result?.issues.map((i: { path: string }) => i.path)).toContain(path);
    }
    expect(
      (
        await createGameCall({
          cardId: w.loyaltyCard.id,
          title: "Bad",
          playLimit: 0,
          playPeriod: "DAY",
          prizes: [points(1)],
        })
      ).result?.__typename,
    ).toBe("ValidationError");

    // An INSTANT reward cannot become a prize, and a prize's reward cannot become INSTANT.
    await createGame(w.loyaltyCard.id, {
      prizes: [{ type: "COUPON", label: "latte", weight: 1, rewardId: reward.id }],
    });
    const change = await mutate(app, "updateReward", "UpdateRewardInput", "", { rewardId: reward.id, kind: "INSTANT" });
    expect(change.result?.issues?.[0]?.path).toBe("kind");
  });

  it("is for the card's owners; partnerGames lists a partner's games for its owners", async () => {
    const input = {
      cardId: w.loyaltyCard.id,
      title: "Owners only",
      playLimit: 1,
      playPeriod: "WEEK",
      prizes: [points(1)],
    };
    expect((await createGameCall(input, w.staff.token)).code).toBe("FORBIDDEN");
    const other = await createPartner(app, w.program.id, { name: `Other ${tag()}` });
    expect((await createGameCall(input, other.apiKey)).code).toBe("INSUFFICIENT_PARTNER_PERMISSIONS");
    expect((await createGameCall(input, w.member.token)).code).toBe("NOT_FOUND");
    const made = await createGameCall(input, w.partner.apiKey);
    expect(made.result?.game).toMatchObject({
      title: "Owners only",
      playPeriod: "WEEK",
      prizes: [{ position: 0, type: "POINTS", points: 1, couponCount: 1 }],
    });

    const list = (key: string) =>
      app.gql(
        `query ($p: ID!) { partnerGames(partnerId: $p, first: 100) { totalCount nodes { id } } }`,
        { p: w.partner.id },
        key,
      );
    const mine = await list(w.partner.apiKey);
    expect(mine.data.partnerGames.nodes.map((n: { id: string }) => n.id)).toContain(made.result?.game.id);
    expect(mine.data.partnerGames.totalCount).toBe(mine.data.partnerGames.nodes.length);
    expect((await list(other.apiKey)).errors?.[0]?.extensions?.code).toBe("INSUFFICIENT_PARTNER_PERMISSIONS");
    expect((await list(w.staff.token)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await list((await loyaltyWorld(app, mailbox)).program.secretKey)).errors?.[0]?.extensions?.code).toBe(
      "PARTNER_NOT_FOUND",
    );
  });
});

describe("playing", () => {
  it("needs a member following the card; managers and the card's partner may play for a member", async () => {
    const card = await createLoyaltyCard(app, [w.clubs[0].id]);
    const game = await createGame(card.id, { playLimit: 10, prizes: [points(3)] });
    expect((await play(game.id, w.member.token)).result?.__typename).toBe("NotFoundError");
    expect((await play(game.id, w.staff.token, { member: { id: w.member.id } })).result?.__typename).toBe(
      "NotFoundError",
    );
    await follow(app, w.member, card.id);
    const own = await play(game.id, w.member.token);
    expect(own.result).toMatchObject({
      __typename: "PlayGamePayload",
      replayed: false,
      play: { prizeType: "POINTS", prizeLabel: "3 points", points: 3, coupons: [] },
    });
    expect((await play(game.id, w.partner.apiKey, { member: { id: w.member.id } })).result?.__typename).toBe(
      "PlayGamePayload",
    );
    expect(
      (
        await play(game.id, w.program.secretKey, {
          member: { external: { programId: w.program.id, externalId: w.member.externalId } },
        })
      ).result?.__typename,
    ).toBe("PlayGamePayload");
    // Without naming a member, a partner (no member itself) plays for nobody.
    expect((await play(game.id, w.partner.apiKey)).result?.__typename).toBe("NotFoundError");
    const stranger = await loggedInMember(app, mailbox, w.program.id);
    expect((await play(game.id, stranger.token, { member: { id: w.member.id } })).result?.__typename).toBe(
      "NotFoundError",
    );
    expect((await play(game.id, stranger.token)).result?.__typename).toBe("NotFoundError");

    // Each win went to the card balance through the ledger (source GAME), with a GAME_PLAYED activity.
    const ledger = await cardLedger(app, w.member.id, card.id);
    expect(ledger.map((e) => [e.type, e.source, e.points, e.partnerId])).toEqual([
      ["EARN", "GAME", 3, null],
      ["EARN", "GAME", 3, null],
      ["EARN", "GAME", 3, null],
    ]);
    expect(await app.database.prisma.activity.count({ where: { cardId: rowOf(card.id), type: "GAME_PLAYED" } })).toBe(
      3,
    );
    expect(ledger.every((e) => e.activityId !== null)).toBe(true);
  });

  it("stops at the play limit until the next period in the program's time zone", async () => {
    const game = await createGame(w.loyaltyCard.id, { playLimit: 2, playPeriod: "DAY", prizes: [points(1)] });
    expect((await play(game.id, w.member.token)).result?.__typename).toBe("PlayGamePayload");
    expect((await play(game.id, w.member.token)).result?.__typename).toBe("PlayGamePayload");
    const third = await play(game.id, w.member.token);
    expect(third.result).toMatchObject({ __typename: "LoyaltyRuleError", code: "PLAY_LIMIT_REACHED" });
    // retryAt: the next midnight in Europe/Vilnius (the program's time zone).
    const retryAt = new Date(third.result!.retryAt);
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

    // Another member has their own limit.
    const other = await loggedInMember(app, mailbox, w.program.id);
    await follow(app, other, w.loyaltyCard.id);
    expect((await play(game.id, other.token)).result?.__typename).toBe("PlayGamePayload");

    // Yesterday's plays (moved back a day: the passage of time) do not count today.
    await app.database.prisma.gamePlay.updateMany({
      where: { gameId: rowOf(game.id), memberId: rowOf(w.member.id) },
      data: { createdAt: new Date(Date.now() - 86_400_000 - 60_000) },
    });
    expect((await play(game.id, w.member.token)).result?.__typename).toBe("PlayGamePayload");
  });

  it("never exceeds the limit under concurrent plays", async () => {
    const member = await loggedInMember(app, mailbox, w.program.id);
    await follow(app, member, w.loyaltyCard.id);
    const game = await createGame(w.loyaltyCard.id, { playLimit: 3, playPeriod: "MONTH", prizes: [points(5)] });
    const results = await Promise.all(Array.from({ length: 10 }, () => play(game.id, member.token)));
    const kinds = results.map((r) => (r.result?.__typename === "PlayGamePayload" ? "won" : r.result?.code));
    expect(kinds.filter((k) => k === "won")).toHaveLength(3);
    expect(kinds.filter((k) => k === "PLAY_LIMIT_REACHED")).toHaveLength(7);
    expect((await cardLedger(app, member.id, w.loyaltyCard.id)).reduce((n, e) => n + e.points, 0)).toBe(15);
  });

  it("is idempotent on the key: a retry returns the same play and coupons", async () => {
    const reward = await createReward(app, w.loyaltyCard.id, { title: "Espresso", pointsCost: 50 });
    const game = await createGame(w.loyaltyCard.id, {
      playLimit: 1,
      prizes: [{ type: "COUPON", label: "Espresso", weight: 1, rewardId: reward.id }],
    });
    const idempotencyKey = randomUUID();
    const first = await play(game.id, w.member.token, { idempotencyKey });
    const again = await play(game.id, w.member.token, { idempotencyKey });
    expect(first.result?.replayed).toBe(false);
    expect(again.result).toMatchObject({ replayed: true, play: { id: first.result?.play.id } });
    expect(again.result?.coupons.map((c: { code: string }) => c.code)).toEqual(
      first.result?.coupons.map((c: { code: string }) => c.code),
    );
    // Concurrent retries of one key: one play.
    const key2 = randomUUID();
    const other = await createGame(w.loyaltyCard.id, { playLimit: 5, prizes: [points(1)] });
    const racing = await Promise.all(
      Array.from({ length: 5 }, () => play(other.id, w.member.token, { idempotencyKey: key2 })),
    );
    expect(new Set(racing.map((r) => r.result?.play?.id)).size).toBe(1);
    expect(await app.database.prisma.gamePlay.count({ where: { gameId: rowOf(other.id) } })).toBe(1);
    // The same key for another game is a conflict.
    expect((await play(other.id, w.member.token, { idempotencyKey })).result).toMatchObject({
      __typename: "ConflictError",
      path: "idempotencyKey",
    });
  });
});

describe("prizes", () => {
  it("issue several coupons per win through the coupon path, with the reward's title and validity, taking stock", async () => {
    const member = await loggedInMember(app, mailbox, w.program.id);
    await follow(app, member, w.loyaltyCard.id);
    const reward = await createReward(app, w.loyaltyCard.id, {
      title: "Croissant",
      pointsCost: 40,
      stock: 7,
      couponValidityDays: 3,
    });
    const game = await createGame(w.loyaltyCard.id, {
      playLimit: 10,
      prizes: [{ type: "COUPON", label: "3 croissants", weight: 1, rewardId: reward.id, couponCount: 3 }],
    });
    const won = await play(game.id, member.token);
    expect(won.result?.play).toMatchObject({ prizeType: "COUPON", prizeLabel: "3 croissants", points: null });
    const coupons = won.result?.coupons as {
      code: string;
      title: string;
      status: string;
      issuedAt: string;
      expiresAt: string;
      game: { id: string };
      reward: { id: string };
    }[];
    expect(coupons).toHaveLength(3);
    expect(new Set(coupons.map((c) => c.code)).size).toBe(3);
    for (const c of coupons) {
      expect(c).toMatchObject({
        title: "Croissant",
        status: "ISSUED",
        game: { id: game.id },
        reward: { id: reward.id },
      });
      expect(new Date(c.expiresAt).getTime() - new Date(c.issuedAt).getTime()).toBe(3 * 86_400_000);
    }
    expect(won.result?.play.coupons).toHaveLength(3);
    const stock = async () =>
      (await app.database.prisma.reward.findUniqueOrThrow({ where: { id: rowOf(reward.id) } })).stock;
    expect(await stock()).toBe(4);
    expect((await play(game.id, member.token)).result?.coupons).toHaveLength(3);
    expect(await stock()).toBe(1);
    // One left, three needed: the only prize cannot be given, so the play is refused and does not count.
    expect((await play(game.id, member.token)).result).toMatchObject({
      __typename: "LoyaltyRuleError",
      code: "OUT_OF_STOCK",
    });
    expect(await stock()).toBe(1);
    expect(
      await app.database.prisma.gamePlay.count({ where: { gameId: rowOf(game.id), memberId: rowOf(member.id) } }),
    ).toBe(2);
  });

  it("never give more coupons than in stock when members play at the same time", async () => {
    const members: LoyaltyMember[] = [];
    for (let i = 0; i < 5; i++) members.push(await loggedInMember(app, mailbox, w.program.id));
    for (const m of members) await follow(app, m, w.loyaltyCard.id);
    const reward = await createReward(app, w.loyaltyCard.id, { title: "Cinema ticket", pointsCost: 500, stock: 4 });
    const game = await createGame(w.loyaltyCard.id, {
      playLimit: 1,
      prizes: [{ type: "COUPON", label: "2 tickets", weight: 1, rewardId: reward.id, couponCount: 2 }],
    });
    const results = await Promise.all(members.map((m) => play(game.id, m.token)));
    const outcomes = results.map((r) =>
      r.result?.__typename === "PlayGamePayload" ? r.result.coupons.length : r.result?.code,
    );
    expect(outcomes.filter((o) => o === 2)).toHaveLength(2);
    expect(outcomes.filter((o) => o === "OUT_OF_STOCK")).toHaveLength(3);
    expect((await app.database.prisma.reward.findUniqueOrThrow({ where: { id: rowOf(reward.id) } })).stock).toBe(0);
    expect(await app.database.prisma.coupon.count({ where: { rewardId: rowOf(reward.id) } })).toBe(4);
  });

  it("whose coupons cannot be issued are left out of the draw", async () => {
    const member = await loggedInMember(app, mailbox, w.program.id);
    await follow(app, member, w.loyaltyCard.id);
    const soldOut = await createReward(app, w.loyaltyCard.id, { title: "Sold out", pointsCost: 40, stock: 0 });
    const inactive = await createReward(app, w.loyaltyCard.id, {
      title: "Inactive",
      pointsCost: 40,
      status: "INACTIVE",
    });
    const game = await createGame(w.loyaltyCard.id, {
      playLimit: 20,
      prizes: [
        { type: "COUPON", label: "sold out", weight: 1000, rewardId: soldOut.id },
        { type: "COUPON", label: "inactive", weight: 1000, rewardId: inactive.id },
        { type: "NOTHING", label: "Try again", weight: 1 },
      ],
    });
    for (let i = 0; i < 5; i++)
      expect((await play(game.id, member.token)).result?.play).toMatchObject({
        prizeType: "NOTHING",
        prizeLabel: "Try again",
        points: null,
        coupons: [],
      });
  });

  it("on a stamp card add stamps", async () => {
    const game = await createGame(w.stampCard.id, {
      playLimit: 1,
      prizes: [{ type: "POINTS", label: "2 stamps", weight: 1, points: 2 }],
    });
    expect((await play(game.id, w.member.token)).result?.play.points).toBe(2);
    expect((await cardLedger(app, w.member.id, w.stampCard.id)).at(-1)).toMatchObject({ source: "GAME", points: 2 });
  });

  it("replaced as a whole leave past plays with what they won", async () => {
    const member = await loggedInMember(app, mailbox, w.program.id);
    await follow(app, member, w.loyaltyCard.id);
    const game = await createGame(w.loyaltyCard.id, { playLimit: 5, prizes: [points(7)] });
    const before = await play(game.id, member.token);
    const updated = await updateGame({
      gameId: game.id,
      title: "New wheel",
      prizes: [{ type: "NOTHING", label: "Nothing", weight: 2 }, points(1, 3)],
    });
    expect(updated.result?.game).toMatchObject({
      title: "New wheel",
      prizes: [
        { position: 0, type: "NOTHING", weight: 2 },
        { position: 1, type: "POINTS", points: 1, weight: 3 },
      ],
    });
    const old = await app.gql(
      `query ($id: ID!) { node(id: $id) { ... on GamePlay { prizeType prizeLabel points } } }`,
      { id: before.result?.play.id },
      member.token,
    );
    expect(old.data.node).toEqual({ prizeType: "POINTS", prizeLabel: "7 points", points: 7 });
    expect((await updateGame({ gameId: game.id, prizes: [] })).result?.__typename).toBe("ValidationError");
    expect((await updateGame({ gameId: game.id, title: "x" }, w.staff.token)).code).toBe("FORBIDDEN");
  });
});

describe("availability", () => {
  it("inactive, unstarted or ended games cannot be played and members do not see them", async () => {
    const inactive = await createGame(w.loyaltyCard.id, { status: "INACTIVE", prizes: [points(1)] });
    const later = await createGame(w.loyaltyCard.id, {
      startsAt: new Date(Date.now() + 3_600_000).toISOString(),
      prizes: [points(1)],
    });
    const ended = await createGame(w.loyaltyCard.id, {
      startsAt: "2020-01-01T00:00:00Z",
      endsAt: "2020-02-01T00:00:00Z",
      prizes: [points(1)],
    });
    for (const g of [inactive, later, ended])
      expect((await play(g.id, w.member.token)).result).toMatchObject({
        __typename: "LoyaltyRuleError",
        code: "GAME_UNAVAILABLE",
      });
    const games = async (key: string) => {
      const res = await app.gql(
        `query ($c: ID!) { node(id: $c) { ... on Card { games(first: 100) { totalCount nodes { id } } } } }`,
        { c: w.loyaltyCard.id },
        key,
      );
      return (res.data.node.games.nodes as { id: string }[]).map((n) => n.id);
    };
    const seenByMember = await games(w.member.token);
    const seenByStaff = await games(w.staff.token);
    for (const g of [inactive, later, ended]) {
      expect(seenByMember).not.toContain(g.id);
      expect(seenByStaff).toContain(g.id);
    }
  });

  it("a disabled partner's games cannot be played; enabling it leaves them suspended until resumed", async () => {
    const world = await loyaltyWorld(app, mailbox);
    await follow(app, world.member, world.loyaltyCard.id);
    const game = await createGame(world.loyaltyCard.id, { playLimit: 5, prizes: [points(1)] });
    const status = (s: string) =>
      app.gql(
        `mutation ($id: ID!, $s: PartnerStatus!) { setPartnerStatus(input: { partner: { id: $id }, status: $s }) { __typename } }`,
        { id: world.partner.id, s },
      );
    await status("DISABLED");
    expect((await play(game.id, world.member.token)).result).toMatchObject({
      __typename: "LoyaltyRuleError",
      code: "CARD_INACTIVE",
    });
    await status("ENABLED");
    expect((await play(game.id, world.member.token)).result).toMatchObject({
      __typename: "LoyaltyRuleError",
      code: "GAME_UNAVAILABLE",
    });
    const resumed = await app.gql(RESUME_GAME, { id: game.id }, world.partner.apiKey);
    expect(resumed.data?.resumeGame).toMatchObject({ __typename: "ResumeGamePayload", game: { suspendedAt: null } });
    expect((await play(game.id, world.member.token)).result?.__typename).toBe("PlayGamePayload");
    const audit = await app.gql(GAME_RESUMES, { p: world.program.id });
    expect(audit.data?.auditLog?.totalCount).toBe(1);
  });
});
