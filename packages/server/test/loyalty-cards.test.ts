// Loyalty and stamp cards through GraphQL: creation with validated rules and design, updates, club assignment,
// and who sees which card (owners everything, staff their clubs' cards, members public cards).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Mail } from "../src/domain/mail/outbox.js";
import { ADMIN_KEY, createPartner, createProgram, type TestApp } from "./helpers.js";
import {
  createClub,
  createLoyaltyCard,
  createStampCard,
  type LoyaltyWorld,
  loyaltyWorld,
  mutate,
  startLoyaltyApp,
  tag,
} from "./loyalty-helpers.js";

let app: TestApp;
const mailbox: Mail[] = [];
let w: LoyaltyWorld;

beforeAll(async () => {
  app = await startLoyaltyApp(mailbox);
  w = await loyaltyWorld(app, mailbox);
});
afterAll(async () => {
  await app?.close();
});

const CARD = `type name design { name description backgroundColor textColor logoUrl } visibility status followToken partnerName partner { id } clubs { id }
  minimumPurchase couponValidityDays memberDailyActionLimit staffDailyActionLimit loyalty { pointsPerCurrencyUnit pointsPerVisit } stamp { stampsRequired stampsPerPurchase dailyStampLimit afterCompletion }`;
const createLoyalty = (input: Record<string, unknown>, key: string = ADMIN_KEY) =>
  mutate(
    app,
    "createLoyaltyCard",
    "CreateLoyaltyCardInput",
    `... on CreateLoyaltyCardPayload { card { id ${CARD} } }`,
    { clubIds: [w.clubs[0].id], design: { name: "Coffee points" }, ...input },
    key,
  );
const createStamps = (input: Record<string, unknown>, key: string = ADMIN_KEY) =>
  mutate(
    app,
    "createStampCard",
    "CreateStampCardInput",
    `... on CreateStampCardPayload { card { id ${CARD} } }`,
    { clubIds: [w.clubs[0].id], design: { name: "Coffee stamps" }, stampsRequired: 8, ...input },
    key,
  );
const update = (input: Record<string, unknown>, key: string = ADMIN_KEY) =>
  mutate(
    app,
    "updateCard",
    "UpdateCardInput",
    `... on UpdateCardPayload { card { id ${CARD} } } ... on ConflictError { path }`,
    input,
    key,
  );
const issues = (r: Record<string, any> | undefined) =>
  r?.__typename === "ValidationError" ? (r.issues as { path: string }[]).map((i) => i.path).sort() : r;
const node = async (id: string, key: string) =>
  (
    await app.gql(
      `query ($id: ID!) { node(id: $id) { ... on Card { id followToken partner { id } partnerName } } }`,
      { id },
      key,
    )
  ).data.node;
const cardIds = async (query: string, vars: Record<string, unknown>, key: string) => {
  const res = await app.gql(query, vars, key);
  expect(res.errors).toBeUndefined();
  const c = Object.values(res.data)[0] as { totalCount: number; nodes: { id: string }[] };
  expect(c.totalCount).toBe(c.nodes.length);
  return c.nodes.map((n) => n.id);
};
const CARDS = `query ($f: CardFilter) { cards(filter: $f, first: 100) { totalCount nodes { id } } }`;
const PUBLIC = `query ($p: ID!, $t: CardType) { publicCards(programId: $p, type: $t, first: 100) { totalCount nodes { id } } }`;

describe("creating cards", () => {
  it("stores a loyalty card's rules and design, with defaults", async () => {
    const { result } = await createLoyalty({
      design: {
        name: " Coffee points ",
        description: "Earn on every cup",
        backgroundColor: "#1a2b3c",
        textColor: "#FFFFFF",
        logoUrl: "https://cdn.example/logo.png",
      },
      visibility: "QR_ONLY",
      pointsPerCurrencyUnit: "1.5",
      pointsPerVisit: 10,
      minimumPurchase: "2.50",
      couponValidityDays: 30,
      memberDailyActionLimit: 3,
      staffDailyActionLimit: 100,
      clubIds: [w.clubs[0].id, w.clubs[1].id, w.clubs[0].id],
    });
    expect(result).toMatchObject({
      __typename: "CreateLoyaltyCardPayload",
      card: {
        type: "LOYALTY",
        name: "Coffee points",
        design: {
          name: "Coffee points",
          description: "Earn on every cup",
          backgroundColor: "#1A2B3C",
          textColor: "#FFFFFF",
          logoUrl: "https://cdn.example/logo.png",
        },
        visibility: "QR_ONLY",
        status: "ACTIVE",
        followToken: expect.stringMatching(/^[\w-]{24}$/),
        partner: { id: w.partner.id },
        minimumPurchase: "2.5",
        couponValidityDays: 30,
        memberDailyActionLimit: 3,
        staffDailyActionLimit: 100,
        loyalty: { pointsPerCurrencyUnit: "1.5", pointsPerVisit: 10 },
        stamp: null,
      },
    });
    expect((result!.card.clubs as { id: string }[]).map((c) => c.id).sort()).toEqual(
      [w.clubs[0].id, w.clubs[1].id].sort(),
    );
    const minimal = await createLoyalty({}, w.partner.apiKey);
    expect(minimal.result?.card).toMatchObject({
      visibility: "PUBLIC",
      status: "ACTIVE",
      couponValidityDays: null,
      minimumPurchase: null,
      loyalty: { pointsPerCurrencyUnit: null, pointsPerVisit: null },
    });
  });

  it("stores a stamp card's rules, with defaults", async () => {
    const { result } = await createStamps(
      { stampsRequired: 10, stampsPerPurchase: 2, dailyStampLimit: 4, afterCompletion: "HOLD", minimumPurchase: "3" },
      w.program.secretKey,
    );
    expect(result?.card).toMatchObject({
      type: "STAMP",
      loyalty: null,
      stamp: { stampsRequired: 10, stampsPerPurchase: 2, dailyStampLimit: 4, afterCompletion: "HOLD" },
      minimumPurchase: "3",
    });
    const defaults = await createStamps({});
    expect(defaults.result?.card.stamp).toEqual({
      stampsRequired: 8,
      stampsPerPurchase: 1,
      dailyStampLimit: null,
      afterCompletion: "NEW_CARD",
    });
  });

  it("refuses bad rules, designs and clubs field by field, writing nothing", async () => {
    const before = await cardIds(CARDS, { f: { partnerId: w.partner.id } }, ADMIN_KEY);
    const bad = await createLoyalty({
      design: { name: "", backgroundColor: "red", textColor: "#12345", logoUrl: "ftp://cdn.example/logo.png" },
      pointsPerCurrencyUnit: "-1",
      pointsPerVisit: -5,
      minimumPurchase: "1.23456",
      couponValidityDays: 0,
      memberDailyActionLimit: 0,
    });
    expect(issues(bad.result)).toEqual([
      "couponValidityDays",
      "design.backgroundColor",
      "design.logoUrl",
      "design.name",
      "design.textColor",
      "memberDailyActionLimit",
      "minimumPurchase",
      "pointsPerCurrencyUnit",
      "pointsPerVisit",
    ]);
    expect(
      issues((await createStamps({ stampsRequired: 0, stampsPerPurchase: 0, dailyStampLimit: 0 })).result),
    ).toEqual(["dailyStampLimit", "stampsPerPurchase", "stampsRequired"]);
    expect(issues((await createStamps({ clubIds: [] })).result)).toEqual(["clubIds"]);
    const other = await createPartner(app, w.program.id, { name: `Other ${tag()}` });
    const otherClub = await createClub(app, other.id);
    expect(issues((await createLoyalty({ clubIds: [w.clubs[0].id, otherClub.id] })).result)).toEqual(["clubIds"]);
    const stranger = await createProgram(app, { name: "Elsewhere" });
    expect((await createLoyalty({}, stranger.secretKey)).code).toBe("NOT_FOUND");
    expect((await createLoyalty({ clubIds: ["not-an-id"] })).code).toBe("NOT_FOUND");
    expect(await cardIds(CARDS, { f: { partnerId: w.partner.id } }, ADMIN_KEY)).toEqual(before);
  });

  it("is for the program's managers and the partner only", async () => {
    const other = await createPartner(app, w.program.id, { name: `Rival ${tag()}` });
    expect((await createLoyalty({}, other.apiKey)).code).toBe("INSUFFICIENT_PARTNER_PERMISSIONS");
    expect((await createStamps({}, w.manager.token)).code).toBe("FORBIDDEN");
    expect((await createStamps({}, w.staff.token)).code).toBe("FORBIDDEN");
    expect((await createStamps({}, w.member.token)).code).toBe("NOT_FOUND");
  });
});

describe("updating cards", () => {
  it("changes only what is given, clears with null, and refuses rules of the other type", async () => {
    const card = await createLoyaltyCard(app, [w.clubs[0].id], {
      design: { name: "Before", description: "Old", backgroundColor: "#000000" },
      minimumPurchase: "5",
      couponValidityDays: 10,
    });
    const changed = await update(
      {
        cardId: card.id,
        design: { name: "After", backgroundColor: null },
        minimumPurchase: null,
        pointsPerVisit: 3,
        status: "INACTIVE",
      },
      w.partner.apiKey,
    );
    expect(changed.result?.card).toMatchObject({
      name: "After",
      design: { name: "After", description: "Old", backgroundColor: null },
      minimumPurchase: null,
      couponValidityDays: 10,
      status: "INACTIVE",
      loyalty: { pointsPerCurrencyUnit: "1", pointsPerVisit: 3 },
    });
    expect(issues((await update({ cardId: card.id, design: { name: null }, visibility: null })).result)).toEqual([
      "design.name",
      "visibility",
    ]);
    expect(issues((await update({ cardId: card.id, stampsRequired: 4, afterCompletion: "HOLD" })).result)).toEqual([
      "afterCompletion",
      "stampsRequired",
    ]);
    expect(issues((await update({ cardId: card.id, design: { logoUrl: "javascript:alert(1)" } })).result)).toEqual([
      "design.logoUrl",
    ]);
    expect((await update({ cardId: card.id, status: "ACTIVE" }, w.staff.token)).code).toBe("FORBIDDEN");
    expect((await update({ cardId: card.id, status: "ACTIVE" }, w.member.token)).code).toBe("NOT_FOUND");
  });

  it("rotates the follow token on request", async () => {
    const card = await createStampCard(app, [w.clubs[0].id]);
    const rotated = await update({ cardId: card.id, rotateFollowToken: true });
    expect(rotated.result?.card.followToken).toMatch(/^[\w-]{24}$/);
    expect(rotated.result?.card.followToken).not.toBe(card.followToken);
    const kept = await update({ cardId: card.id, stampsRequired: 6 });
    expect(kept.result?.card).toMatchObject({
      followToken: rotated.result?.card.followToken,
      stamp: { stampsRequired: 6 },
    });
  });

  it("replaces a card's clubs; staff of a removed club lose the card at once", async () => {
    // QR_ONLY: staff could otherwise still open it as a public card.
    const card = await createLoyaltyCard(app, [w.clubs[0].id, w.clubs[1].id], { visibility: "QR_ONLY" });
    const staffCards = () => cardIds(CARDS, {}, w.staff.token);
    expect(await staffCards()).toContain(card.id);
    const set = (clubIds: string[], key: string = ADMIN_KEY) =>
      mutate(
        app,
        "setCardClubs",
        "SetCardClubsInput",
        "... on SetCardClubsPayload { card { clubs { id } } }",
        { cardId: card.id, clubIds },
        key,
      );
    expect((await set([w.clubs[1].id], w.partner.apiKey)).result?.card.clubs).toEqual([{ id: w.clubs[1].id }]);
    expect(await staffCards()).not.toContain(card.id);
    expect(await node(card.id, w.staff.token)).toBeNull();
    const other = await createPartner(app, w.program.id, { name: `Else ${tag()}` });
    expect(issues((await set([(await createClub(app, other.id)).id])).result)).toEqual(["clubIds"]);
    expect(issues((await set([])).result)).toEqual(["clubIds"]);
    expect((await set([w.clubs[0].id], w.manager.token)).code).toBe("FORBIDDEN");
    expect((await set([w.clubs[0].id, w.clubs[1].id])).result?.card.clubs).toHaveLength(2);
    expect(await staffCards()).toContain(card.id);
  });
});

describe("seeing cards", () => {
  it("owners see everything including the follow token; staff their clubs' cards without it", async () => {
    const onlyRiverside = await createLoyaltyCard(app, [w.clubs[1].id]);
    expect(await node(w.loyaltyCard.id, w.partner.apiKey)).toMatchObject({
      followToken: w.loyaltyCard.followToken,
      partner: { id: w.partner.id },
    });
    expect(await node(w.loyaltyCard.id, w.program.secretKey)).toMatchObject({ followToken: w.loyaltyCard.followToken });
    expect(await node(w.loyaltyCard.id, w.staff.token)).toMatchObject({
      followToken: null,
      partner: null,
      partnerName: expect.stringMatching(/^Coffee/),
    });
    const staffCards = await cardIds(CARDS, {}, w.staff.token);
    expect(staffCards).toEqual(expect.arrayContaining([w.loyaltyCard.id, w.stampCard.id]));
    expect(staffCards).not.toContain(onlyRiverside.id);
    // Cards of another club reach staff only through a club of their own.
    expect(await cardIds(CARDS, { f: { clubId: w.clubs[1].id } }, w.staff.token)).not.toContain(onlyRiverside.id);
    expect(await cardIds(CARDS, { f: { clubId: w.clubs[1].id } }, w.partner.apiKey)).toContain(onlyRiverside.id);
    expect(await cardIds(CARDS, { f: { type: "STAMP", partnerId: w.partner.id } }, ADMIN_KEY)).toContain(
      w.stampCard.id,
    );
    expect(await cardIds(CARDS, { f: { type: "STAMP", partnerId: w.partner.id } }, ADMIN_KEY)).not.toContain(
      w.loyaltyCard.id,
    );
    const other = await createPartner(app, w.program.id, { name: `Peer ${tag()}` });
    expect(await cardIds(CARDS, {}, other.apiKey)).toEqual([]);
    expect(await cardIds(CARDS, {}, w.member.token)).toEqual([]);
    const clubCards = await app.gql(
      `query ($id: ID!) { node(id: $id) { ... on Club { cards(first: 50) { totalCount nodes { id } } } } }`,
      { id: w.clubs[1].id },
      w.partner.apiKey,
    );
    expect((clubCards.data.node.cards.nodes as { id: string }[]).map((n) => n.id)).toContain(onlyRiverside.id);
  });

  it("lists public, active cards of enabled partners for anyone logged in, members included", async () => {
    const world = await loyaltyWorld(app, mailbox);
    const qrOnly = await createLoyaltyCard(app, [world.clubs[0].id], { visibility: "QR_ONLY" });
    const inactive = await createStampCard(app, [world.clubs[0].id], { status: "INACTIVE" });
    const listed = (key: string, type?: string) => cardIds(PUBLIC, { p: world.program.id, t: type }, key);
    expect(await listed(world.member.token)).toEqual([world.loyaltyCard.id, world.stampCard.id]);
    expect(await listed(world.member.token, "STAMP")).toEqual([world.stampCard.id]);
    expect(await listed(w.member.token)).toEqual([world.loyaltyCard.id, world.stampCard.id]);
    expect(await listed(w.partner.apiKey)).toEqual([world.loyaltyCard.id, world.stampCard.id]);
    expect((await app.gql(PUBLIC, { p: world.program.id }, null)).errors?.[0]?.extensions?.code).toBe(
      "UNAUTHENTICATED",
    );
    // Members open public cards by id, never QR_ONLY or inactive ones they do not follow; and see no token.
    expect(await node(world.loyaltyCard.id, world.member.token)).toMatchObject({ followToken: null, partner: null });
    expect(await node(qrOnly.id, world.member.token)).toBeNull();
    expect(await node(inactive.id, world.member.token)).toBeNull();

    await app.gql(
      `mutation ($id: ID!) { setPartnerStatus(input: { partner: { id: $id }, status: DISABLED }) { __typename } }`,
      { id: world.partner.id },
    );
    expect(await listed(world.member.token)).toEqual([]);
    expect(await node(world.loyaltyCard.id, world.member.token)).toBeNull();
    // Its owners still manage the cards of a disabled partner.
    expect(await cardIds(CARDS, { f: { partnerId: world.partner.id } }, world.program.secretKey)).toHaveLength(4);
  });
});
