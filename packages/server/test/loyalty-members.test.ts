// Members through GraphQL: logging in by a member's email, following cards (QR_ONLY only by token), card views,
// the member QR, and a member's cards with balances and history (without N+1 queries).
import { decodeGlobalID } from "@pothos/plugin-relay";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Mail } from "../src/domain/mail/outbox.js";
import { ADMIN_KEY, createPartner, mailedLoginCode, type TestApp } from "./helpers.js";
import {
  addStamps,
  awardPoints,
  createLoyaltyCard,
  createMember,
  createStampCard,
  expectPayload,
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
let statements = 0;

beforeAll(async () => {
  // The outbox poller runs its own statement every second: not part of any request.
  app = await startLoyaltyApp(mailbox, { onQuery: (e) => void (e.query.includes("OutboxEmail") || statements++) });
  w = await loyaltyWorld(app, mailbox);
});
afterAll(async () => {
  await app?.close();
});

const FOLLOW_SELECTION = "... on FollowCardPayload { created follow { card { id } member { id } balance } }";
const follow = (input: Record<string, unknown>, key: string) =>
  mutate(app, "followCard", "FollowCardInput", FOLLOW_SELECTION, input, key);
const unfollow = (input: Record<string, unknown>, key: string) =>
  mutate(
    app,
    "unfollowCard",
    "UnfollowCardInput",
    "... on UnfollowCardPayload { card { id } member { id } }",
    input,
    key,
  );
const view = (input: Record<string, unknown>, key: string) =>
  mutate(app, "recordCardView", "RecordCardViewInput", "... on RecordCardViewPayload { card { id } }", input, key);
const qrFor = (input: Record<string, unknown>, key: string) =>
  mutate(app, "memberQr", "MemberQrInput", "... on MemberQrPayload { payload expiresAt }", input, key);
const MINE = `{ viewer { members { id cards(first: 20) { totalCount nodes { card { id type } balance stamps { current fullCards completed stampsRequired } } } activities(first: 50) { totalCount nodes { type points card { id } } } } } }`;
const mine = async (member: LoyaltyMember) => {
  const res = await app.gql(MINE, {}, member.token);
  expect(res.errors).toBeUndefined();
  return res.data.viewer.members[0] as {
    id: string;
    cards: { totalCount: number; nodes: any[] };
    activities: { totalCount: number; nodes: { type: string; points: number | null; card: { id: string } | null }[] };
  };
};
const requestCode = (email: string) =>
  app.gql(
    `mutation ($e: String!) { requestLoginCode(input: { email: $e }) { __typename ... on RequestLoginCodePayload { expiresAt } } }`,
    { e: email },
    null,
  );
const verify = (email: string, code: string) =>
  app.gql(
    `mutation ($e: String!, $c: String!) { verifyLoginCode(input: { email: $e, code: $c }) { __typename ... on Error { code } } }`,
    { e: email, c: code },
    null,
  );

describe("member login", () => {
  it("logs a member in with an emailed code, creating their account; `viewer.members` lists every member they are", async () => {
    const email = `customer-${tag()}@example.com`;
    const a = await createMember(app, w.program.id, email);
    const other = await loyaltyWorld(app, mailbox);
    const b = await createMember(app, other.program.id, email.toUpperCase());
    const seen = mailbox.length;
    expect((await requestCode(email)).data.requestLoginCode.__typename).toBe("RequestLoginCodePayload");
    const code = await mailedLoginCode(app, mailbox, email, seen);
    const res = await app.gql(
      `mutation ($e: String!, $c: String!) { verifyLoginCode(input: { email: $e, code: $c }) { ... on LoginPayload { token user { email } } } }`,
      { e: email, c: code },
      null,
    );
    const token = res.data.verifyLoginCode.token as string;
    expect(res.data.verifyLoginCode.user.email).toBe(email);
    const viewer = await app.gql(`{ viewer { kind roles { role } members { id externalId } } }`, {}, token);
    expect(viewer.data.viewer).toEqual({
      kind: "USER",
      roles: [],
      members: [
        { id: a.id, externalId: a.externalId },
        { id: b.id, externalId: b.externalId },
      ].sort((x, y) => (decodeGlobalID(x.id).id < decodeGlobalID(y.id).id ? -1 : 1)),
    });
    // A member sees their own record, and no one else's.
    expect((await app.gql(`query ($id: ID!) { member(id: $id) { id } }`, { id: a.id }, token)).data.member).toEqual({
      id: a.id,
    });
    expect(
      (await app.gql(`query ($id: ID!) { member(id: $id) { id } }`, { id: w.member.id }, token)).errors?.[0]?.extensions
        ?.code,
    ).toBe("NOT_FOUND");
  });

  it("answers unknown emails the same way, mails them nothing and lets no code in", async () => {
    const email = `nobody-${tag()}@example.com`;
    const res = await requestCode(email);
    expect(res.data.requestLoginCode).toMatchObject({
      __typename: "RequestLoginCodePayload",
      expiresAt: expect.any(String),
    });
    // Nothing was even queued for the address (the outbox is written in the request's own transaction).
    expect(await app.database.prisma.outboxEmail.count({ where: { to: email } })).toBe(0);
    for (const guess of ["000000", "123456"])
      expect((await verify(email, guess)).data.verifyLoginCode).toEqual({
        __typename: "InvalidLoginCodeError",
        code: "INVALID_LOGIN_CODE",
      });
  });
});

describe("following cards", () => {
  it("follows a PUBLIC card by id once (FOLLOW written once), and unfollows keeping the balance", async () => {
    const m = await loggedInMember(app, mailbox, w.program.id);
    expect((await follow({ cardId: w.loyaltyCard.id }, m.token)).result).toMatchObject({
      created: true,
      follow: { card: { id: w.loyaltyCard.id }, member: { id: m.id }, balance: 0 },
    });
    expect((await follow({ cardId: w.loyaltyCard.id }, m.token)).result).toMatchObject({
      created: false,
      follow: { card: { id: w.loyaltyCard.id } },
    });
    await awardPoints(app, w.staff.token, {
      cardId: w.loyaltyCard.id,
      qr: await memberQr(app, m, w.program.id),
      points: 7,
    });
    expect((await unfollow({ cardId: w.loyaltyCard.id }, m.token)).result).toMatchObject({
      card: { id: w.loyaltyCard.id },
      member: { id: m.id },
    });
    expect((await mine(m)).cards.totalCount).toBe(0);
    expect((await unfollow({ cardId: w.loyaltyCard.id }, m.token)).result).toMatchObject({
      __typename: "NotFoundError",
    });
    expect((await follow({ cardId: w.loyaltyCard.id }, m.token)).result).toMatchObject({
      created: true,
      follow: { balance: 7 },
    });
    expect((await mine(m)).activities.nodes.map((a) => a.type)).toEqual([
      "FOLLOW",
      "UNFOLLOW",
      "POINTS_AWARDED",
      "FOLLOW",
    ]);
  });

  it("reaches QR_ONLY cards only through their token, without revealing them otherwise", async () => {
    const m = await loggedInMember(app, mailbox, w.program.id);
    const hidden = await createStampCard(app, [w.clubs[0].id], { visibility: "QR_ONLY" });
    expect((await follow({ cardId: hidden.id }, m.token)).result).toMatchObject({
      __typename: "NotFoundError",
      code: "NOT_FOUND",
    });
    expect((await follow({ cardId: `${hidden.id.slice(0, -2)}xx` }, m.token)).result).toMatchObject({
      __typename: "NotFoundError",
    });
    expect((await follow({ followToken: "no-such-token" }, m.token)).result).toMatchObject({
      __typename: "NotFoundError",
    });
    expect((await view({ cardId: hidden.id }, m.token)).result).toMatchObject({ __typename: "NotFoundError" });
    expect((await follow({ followToken: hidden.followToken }, m.token)).result).toMatchObject({
      created: true,
      follow: { card: { id: hidden.id } },
    });
    // Following makes the card visible to the member; by id it is now simply "already followed".
    expect((await follow({ cardId: hidden.id }, m.token)).result).toMatchObject({ created: false });
    expect((await app.gql(`query ($id: ID!) { node(id: $id) { id } }`, { id: hidden.id }, m.token)).data.node).toEqual({
      id: hidden.id,
    });
    expect((await follow({ cardId: hidden.id, followToken: hidden.followToken }, m.token)).result).toMatchObject({
      __typename: "ValidationError",
    });
  });

  it("refuses inactive cards, other programs' cards and rotated tokens", async () => {
    const m = await loggedInMember(app, mailbox, w.program.id);
    const card = await createLoyaltyCard(app, [w.clubs[0].id], { visibility: "QR_ONLY" });
    await follow({ followToken: card.followToken }, m.token);
    const rotated = await mutate(
      app,
      "updateCard",
      "UpdateCardInput",
      "... on UpdateCardPayload { card { followToken } }",
      { cardId: card.id, rotateFollowToken: true, status: "INACTIVE" },
    );
    const newToken = rotated.result!.card.followToken as string;
    const stranger = await loggedInMember(app, mailbox, w.program.id);
    expect((await follow({ followToken: card.followToken }, stranger.token)).result).toMatchObject({
      __typename: "NotFoundError",
    });
    expect((await follow({ followToken: newToken }, stranger.token)).result).toMatchObject({
      __typename: "NotFoundError",
    });
    expect((await follow({ cardId: card.id }, m.token)).result).toMatchObject({
      __typename: "LoyaltyRuleError",
      code: "CARD_INACTIVE",
    });
    const elsewhere = await loyaltyWorld(app, mailbox);
    expect((await follow({ cardId: elsewhere.loyaltyCard.id }, m.token)).result).toMatchObject({
      __typename: "NotFoundError",
    });
    expect((await follow({ followToken: elsewhere.stampCard.followToken }, m.token)).result).toMatchObject({
      __typename: "NotFoundError",
    });
  });

  it("lets managers and the card's partner act for a member, and nobody else", async () => {
    const target = await createMember(app, w.program.id, `walk-in-${tag()}@example.com`);
    const ref = { member: { id: target.id } };
    expect((await follow({ cardId: w.stampCard.id, ...ref }, w.program.secretKey)).result).toMatchObject({
      created: true,
      follow: { member: { id: target.id } },
    });
    expect(
      (
        await follow(
          {
            cardId: w.loyaltyCard.id,
            member: { external: { programId: w.program.id, externalId: target.externalId } },
          },
          w.partner.apiKey,
        )
      ).result,
    ).toMatchObject({ created: true });
    const rival = await createPartner(app, w.program.id, { name: `Rival ${tag()}` });
    expect((await follow({ cardId: w.loyaltyCard.id, ...ref }, rival.apiKey)).result).toMatchObject({
      __typename: "NotFoundError",
    });
    expect((await follow({ cardId: w.loyaltyCard.id, ...ref }, w.staff.token)).result).toMatchObject({
      __typename: "NotFoundError",
    });
    expect((await follow({ cardId: w.loyaltyCard.id, ...ref }, w.member.token)).result).toMatchObject({
      __typename: "NotFoundError",
    });
    // A login that is no member of the program has nobody to follow as.
    expect((await follow({ cardId: w.loyaltyCard.id }, w.staff.token)).result).toMatchObject({
      __typename: "NotFoundError",
    });
    expect((await unfollow({ cardId: w.stampCard.id, ...ref }, rival.apiKey)).result).toMatchObject({
      __typename: "NotFoundError",
    });
    expect((await unfollow({ cardId: w.stampCard.id, ...ref }, ADMIN_KEY)).result).toMatchObject({
      member: { id: target.id },
    });
  });
});

describe("card views", () => {
  it("are recorded for the member viewing, and for anyone who may see the card", async () => {
    const m = await loggedInMember(app, mailbox, w.program.id);
    expect((await view({ cardId: w.loyaltyCard.id }, m.token)).result).toMatchObject({
      card: { id: w.loyaltyCard.id },
    });
    expect((await view({ cardId: w.loyaltyCard.id }, w.staff.token)).result).toMatchObject({
      card: { id: w.loyaltyCard.id },
    });
    expect((await view({ cardId: w.loyaltyCard.id, member: { id: m.id } }, w.partner.apiKey)).result).toMatchObject({
      card: { id: w.loyaltyCard.id },
    });
    expect((await mine(m)).activities.nodes).toEqual([
      { type: "CARD_VIEW", points: null, card: { id: w.loyaltyCard.id } },
      { type: "CARD_VIEW", points: null, card: { id: w.loyaltyCard.id } },
    ]);
    expect(
      (
        await app.gql(
          `mutation ($id: ID!) { recordCardView(input: { cardId: $id }) { __typename } }`,
          { id: w.loyaltyCard.id },
          null,
        )
      ).errors?.[0]?.extensions?.code,
    ).toBe("UNAUTHENTICATED");
  });
});

describe("member QR", () => {
  it("is issued to the member themselves and to the program's managers only", async () => {
    const own = await qrFor({ programId: w.program.id }, w.member.token);
    expect(own.result).toMatchObject({ __typename: "MemberQrPayload", payload: expect.stringMatching(/^pgq1\./) });
    expect(new Date(own.result!.expiresAt).getTime() - Date.now()).toBeGreaterThan(4 * 60_000);
    expect((await qrFor({ member: { id: w.member.id } }, w.program.secretKey)).result?.__typename).toBe(
      "MemberQrPayload",
    );
    const elsewhere = await loyaltyWorld(app, mailbox);
    expect((await qrFor({ programId: elsewhere.program.id }, w.member.token)).result).toMatchObject({
      __typename: "NotFoundError",
    });
    expect((await qrFor({ member: { id: w.member.id } }, w.partner.apiKey)).result).toMatchObject({
      __typename: "NotFoundError",
    });
    expect((await qrFor({ member: { id: w.member.id } }, w.staff.token)).result).toMatchObject({
      __typename: "NotFoundError",
    });
    expect((await qrFor({ member: { id: w.member.id } }, elsewhere.program.secretKey)).result).toMatchObject({
      __typename: "NotFoundError",
    });
    expect((await qrFor({}, w.member.token)).result).toMatchObject({ __typename: "ValidationError" });
  });
});

describe("a member's cards", () => {
  it("show points on loyalty cards and stamp progress on stamp cards; partners see only their own cards", async () => {
    const m = await loggedInMember(app, mailbox, w.program.id);
    const rival = await createPartner(app, w.program.id, { name: `Bakery ${tag()}` });
    const bakeryClub = await expectPayload(app, "createClub", "CreateClubInput", "CreateClubPayload", "club { id }", {
      partner: { id: rival.id },
      name: "Bakery",
    });
    const bakeryCard = await createStampCard(app, [bakeryClub.club.id], { stampsRequired: 4 });
    await follow({ cardId: bakeryCard.id }, m.token);
    await awardPoints(app, w.staff.token, {
      cardId: w.loyaltyCard.id,
      qr: await memberQr(app, m, w.program.id),
      points: 12,
    });
    await addStamps(app, w.staff.token, {
      cardId: w.stampCard.id,
      qr: await memberQr(app, m, w.program.id),
      stamps: 7,
    });
    const cards = (await mine(m)).cards;
    expect(cards.nodes).toEqual([
      {
        card: { id: bakeryCard.id, type: "STAMP" },
        balance: 0,
        stamps: { current: 0, fullCards: 0, completed: 0, stampsRequired: 4 },
      },
      { card: { id: w.loyaltyCard.id, type: "LOYALTY" }, balance: 12, stamps: null },
      {
        card: { id: w.stampCard.id, type: "STAMP" },
        balance: 7,
        stamps: { current: 2, fullCards: 1, completed: 1, stampsRequired: 5 },
      },
    ]);
    const asPartner = await app.gql(
      `query ($id: ID!) { member(id: $id) { cards(first: 10) { totalCount nodes { card { id } } } activities(first: 10) { nodes { type card { id } } } } }`,
      { id: m.id },
      w.partner.apiKey,
    );
    expect(asPartner.data.member.cards.nodes.map((n: any) => n.card.id).sort()).toEqual(
      [w.loyaltyCard.id, w.stampCard.id].sort(),
    );
    expect(asPartner.data.member.cards.totalCount).toBe(2);
    expect(asPartner.data.member.activities.nodes.every((n: any) => n.card.id !== bakeryCard.id)).toBe(true);
    const asStaff = await app.gql(
      `query ($id: ID!) { member(id: $id) { cards(first: 10) { totalCount } } }`,
      { id: m.id },
      w.staff.token,
    );
    expect(asStaff.data.member.cards.totalCount).toBe(2);
  });

  it("load balances in a constant number of statements, however many cards (no N+1)", async () => {
    const world = await loyaltyWorld(app, mailbox);
    const m = await loggedInMember(app, mailbox, world.program.id);
    const extra = [];
    for (let i = 0; i < 8; i++)
      extra.push(
        i % 2 ? await createStampCard(app, [world.clubs[0].id]) : await createLoyaltyCard(app, [world.clubs[0].id]),
      );
    const query = `query ($n: Int) { viewer { members { cards(first: $n) { nodes { card { id name partnerName clubs { name } stamp { stampsRequired } } balance stamps { current fullCards } } } } } }`;
    const count = async (n: number) => {
      await app.gql(`{ viewer { kind } }`, {}, m.token);
      const before = statements;
      const res = await app.gql(query, { n }, m.token);
      expect(res.data.viewer.members[0].cards.nodes).toHaveLength(n);
      return statements - before;
    };
    for (const card of extra.slice(0, 2)) await follow({ cardId: card.id }, m.token);
    const small = await count(2);
    for (const card of extra.slice(2)) await follow({ cardId: card.id }, m.token);
    const large = await count(8);
    expect(large).toBe(small);
  });
});
