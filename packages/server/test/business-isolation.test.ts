// Businesses never see each other's customers: a property of the data, not of a list of queries. One program,
// two businesses A and B sharing a member (cards at both, purchases at both, ledger entries, card awards, a
// coupon, activities), plus a member only B knows. Every Query field of the running schema, with a selection
// built from the schema (so fields added later are covered), every export and the points subscription are asked
// as each of A's principals, once naming A's rows and once naming B's; no distinctive value of B may appear in
// any answer, while A's own values do (so the probe reaches the data at all).
import { randomUUID } from "node:crypto";
import {
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
} from "graphql";
import { createClient } from "graphql-ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import type { Mail } from "../src/domain/mail/outbox.js";
import { schema } from "../src/schema/index.js";
import { graphql } from "./gql/index.js";
import { createPartner, createProgram, grantRole, login, type TestApp } from "./helpers.js";
import {
  addClubStaff,
  createClub,
  createLoyaltyCard,
  createMember,
  expectPayload,
  startLoyaltyApp,
  tag,
} from "./loyalty-helpers.js";

let app: TestApp;
const mailbox: Mail[] = [];

interface Business {
  partner: { id: string; apiKey: string };
  club: { id: string };
  card: { id: string; followToken: string };
  reward: string;
  coupon: { id: string; code: string };
  purchase: string;
  /** Values only this business's rows carry. */
  marks: string[];
}
let program: { id: string; secretKey: string };
let shared: { id: string; externalId: string; email: string };
let bOnly: { id: string; externalId: string; email: string };
let A: Business;
let B: Business;
/** A's principals: its key, a partner user, club staff and a club manager. */
const principals: Record<string, string> = {};

const PURCHASE = graphql(`
  mutation IsolationPurchase($input: RecordPurchaseInput!) {
    recordPurchase(input: $input) { __typename ... on RecordPurchasePayload { purchase { id } } ... on Error { code message } }
  }
`);

async function business(name: string, mark: string, member: { id: string }, price: string): Promise<Business> {
  const partner = await createPartner(app, program.id, { name, externalId: `${mark}-ext` });
  const club = await createClub(app, partner.id, `${mark} club`);
  // QR_ONLY: a PUBLIC card is in every logged-in caller's public card list, by design.
  const card = await createLoyaltyCard(app, [club.id], { design: { name: `${mark} card` }, visibility: "QR_ONLY" });
  await expectPayload(app, "followCard", "FollowCardInput", "FollowCardPayload", "created", {
    followToken: card.followToken,
    member: { id: member.id },
  });
  const qr = await expectPayload(app, "memberQr", "MemberQrInput", "MemberQrPayload", "payload", {
    member: { id: member.id },
  });
  await expectPayload(app, "awardPoints", "AwardPointsInput", "AwardPointsPayload", "replayed", {
    cardId: card.id,
    qr: qr.payload,
    clubId: club.id,
    idempotencyKey: randomUUID(),
    purchaseAmount: price,
  });
  const reward = await expectPayload(app, "createReward", "CreateRewardInput", "CreateRewardPayload", "reward { id }", {
    cardId: card.id,
    title: `${mark} reward`,
    pointsCost: 10,
  });
  const redeemed = await expectPayload(
    app,
    "redeemReward",
    "RedeemRewardInput",
    "RedeemRewardPayload",
    "coupon { id code }",
    { rewardId: reward.reward.id, member: { id: member.id }, idempotencyKey: randomUUID() },
  );
  const purchase = await app.gql(PURCHASE, {
    input: {
      programId: program.id,
      partnerId: partner.id,
      receiptId: `${mark}-receipt`,
      memberId: member.id,
      basket: { datePurchased: new Date().toISOString(), items: [{ sku: `${mark}-SKU`, price, quantity: 1 }] },
    },
  });
  const bought = purchase.data?.recordPurchase;
  if (bought?.__typename !== "RecordPurchasePayload") throw new Error(JSON.stringify(purchase));
  return {
    partner,
    club,
    card,
    reward: reward.reward.id,
    coupon: redeemed.coupon,
    purchase: bought.purchase.id,
    marks: [name, `${mark} club`, `${mark} card`, `${mark} reward`, `${mark}-SKU`, `${mark}-receipt`, price],
  };
}

beforeAll(async () => {
  app = await startLoyaltyApp(mailbox);
  program = await createProgram(app, { name: `Isolation ${tag()}` });
  const t = tag();
  shared = { ...(await createMember(app, program.id, `shared-${t}@example.com`)), email: `shared-${t}@example.com` };
  bOnly = {
    ...(await createMember(app, program.id, `zeta-only-${t}@example.com`)),
    email: `zeta-only-${t}@example.com`,
  };
  A = await business("Alpha Bakery", "alpha", shared, "31.17");
  B = await business("Zeta Shoes", "zeta", shared, "8093.41");
  // B's own customer: follows only B's card and bought only at B.
  await expectPayload(app, "followCard", "FollowCardInput", "FollowCardPayload", "created", {
    followToken: B.card.followToken,
    member: { id: bOnly.id },
  });
  B.marks.push(bOnly.email, bOnly.externalId, shared.email, B.coupon.code);
  A.marks.push(A.coupon.code);

  const email = (who: string) => `${who}-${t}@alpha.example`;
  await grantRole(app, { email: email("user"), role: "PARTNER_USER", programId: program.id, partnerId: A.partner.id });
  await addClubStaff(app, A.club.id, email("staff"));
  await addClubStaff(app, A.club.id, email("manager"), "CLUB_MANAGER");
  principals.partnerKey = A.partner.apiKey;
  for (const who of ["user", "staff", "manager"]) principals[who] = await login(app, mailbox, email(who));
}, 120_000);

afterAll(async () => {
  await app?.close();
});

// Building calls from the schema ------------------------------------------------------------------------------

type Flavour = "A" | "B";
/** Row ids by the type they name: what an `id`-like argument is given. */
function idsFor(f: Flavour): Record<string, string[]> {
  const x = f === "A" ? A : B;
  const members = f === "A" ? [shared.id] : [shared.id, bOnly.id];
  return {
    Program: [program.id],
    Partner: [x.partner.id],
    Club: [x.club.id],
    Card: [x.card.id],
    Reward: [x.reward],
    Coupon: [x.coupon.id],
    Purchase: [x.purchase],
    Member: members,
  };
}

/** The id an argument named like `cardId` or a root field `card(id:)` gets. */
function idArg(field: string, arg: string, f: Flavour): string | undefined {
  const ids = idsFor(f);
  const typeName = (s: string) => Object.keys(ids).find((t) => t.toLowerCase() === s.toLowerCase());
  const named = arg === "id" ? typeName(field) : typeName(arg.replace(/Id$/, ""));
  return named ? ids[named]![0] : undefined;
}

function inputValue(type: GraphQLInputType, name: string, field: string, f: Flavour): unknown {
  if (isNonNullType(type)) return inputValue(type.ofType, name, field, f);
  if (isListType(type)) {
    if (name === "ids") return Object.values(idsFor(f)).flat();
    const one = inputValue(type.ofType, name, field, f);
    return one === undefined ? undefined : [one];
  }
  if (isInputObjectType(type)) {
    const out: Record<string, unknown> = {};
    const fields = Object.values(type.getFields());
    // oneOf inputs (a member by id or external id): the first field that can be filled.
    for (const input of fields) {
      if (!isNonNullType(input.type) && !type.isOneOf && !/Id$|^from$|^to$|^interval$/.test(input.name)) continue;
      const v = inputValue(input.type, input.name, field, f);
      if (v !== undefined) out[input.name] = v;
      if (type.isOneOf && v !== undefined) break;
    }
    return out;
  }
  if (isEnumType(type)) return type.getValues()[0]!.value;
  if (isScalarType(type)) {
    if (type.name === "ID") return idArg(field, name, f);
    if (type.name === "DateTime") return name === "to" ? new Date(Date.now() + 86_400_000) : new Date(0);
    if (type.name === "Int") return name === "first" ? 5 : 1;
    if (type.name === "String")
      return name === "externalId"
        ? f === "A"
          ? shared.externalId
          : bOnly.externalId
        : name === "code"
          ? B.coupon.code
          : "x";
    if (type.name === "Boolean") return false;
  }
  return undefined;
}

/** Arguments for a field: required ones filled (or null: the field is skipped), `first` on connections. */
function argsFor(field: GraphQLField<unknown, unknown>, f: Flavour): Record<string, unknown> | null {
  const out: Record<string, unknown> = {};
  for (const arg of field.args as readonly GraphQLArgument[]) {
    if (!isNonNullType(arg.type) && arg.name !== "first" && !/Id$/.test(arg.name)) continue;
    const v = inputValue(arg.type, arg.name, field.name, f);
    if (v === undefined) {
      if (isNonNullType(arg.type)) return null;
      continue;
    }
    out[arg.name] = v;
  }
  return out;
}

const literal = (v: unknown): string =>
  v instanceof Date
    ? JSON.stringify(v.toISOString())
    : Array.isArray(v)
      ? `[${v.map(literal).join(", ")}]`
      : v !== null && typeof v === "object"
        ? `{ ${Object.entries(v)
            .map(([k, x]) => `${k}: ${literal(x)}`)
            .join(", ")} }`
        : typeof v === "string" && /^[A-Z_]+$/.test(v) && v !== B.coupon.code
          ? v
          : JSON.stringify(v);

/** A generous selection of a type, `depth` levels deep (fragments on every possible type of abstract ones). */
function selection(type: GraphQLNamedType, depth: number, f: Flavour): string {
  if (isInterfaceType(type) || isUnionType(type)) {
    if (depth === 0) return "__typename";
    const possible = schema.getPossibleTypes(type);
    return `__typename ${possible.map((p) => `... on ${p.name} { ${selection(p, depth - 1, f)} }`).join(" ")}`;
  }
  if (!isObjectType(type)) return "";
  const parts = ["__typename"];
  for (const field of Object.values(type.getFields())) {
    const named = getNamedType(field.type);
    const args = argsFor(field, f);
    if (args === null) continue;
    const argText = Object.keys(args).length
      ? `(${Object.entries(args)
          .map(([k, v]) => `${k}: ${literal(v)}`)
          .join(", ")})`
      : "";
    if (isScalarType(named) || isEnumType(named)) parts.push(`${field.name}${argText}`);
    else if (depth > 0) parts.push(`${field.name}${argText} { ${selection(named, depth - 1, f)} }`);
  }
  return parts.join(" ");
}

/** One query per root field and flavour, at the deepest selection the server's limits accept. */
async function ask(fieldName: string, f: Flavour, key: string): Promise<string> {
  const field = schema.getQueryType()!.getFields()[fieldName]!;
  const args = argsFor(field, f);
  if (args === null) return "";
  const argText = Object.keys(args).length
    ? `(${Object.entries(args)
        .map(([k, v]) => `${k}: ${literal(v)}`)
        .join(", ")})`
    : "";
  const named = getNamedType(field.type);
  for (const depth of [4, 3, 2, 1]) {
    const sel = isScalarType(named) || isEnumType(named) ? "" : `{ ${selection(named, depth, f)} }`;
    const res = await app.gql(`{ ${fieldName}${argText} ${sel} }`, {}, key);
    const code = res.errors?.[0]?.extensions?.code;
    if (code === "QUERY_TOO_COMPLEX" || code === "QUERY_TOO_DEEP" || code === "QUERY_TOO_BROAD" || res.status === 400)
      if (depth > 1) continue;
    return JSON.stringify(res);
  }
  return "";
}

const leaks = (text: string, marks: string[]) => marks.filter((m) => text.includes(m));

describe("business A's principals never see business B's data", () => {
  const queryFields = Object.keys(schema.getQueryType()!.getFields()).filter((n) => !n.startsWith("__"));

  for (const who of ["partnerKey", "user", "staff", "manager"]) {
    it(`through every query, as A's ${who}`, async () => {
      let seen = "";
      const answered: string[] = [];
      for (const name of queryFields) {
        for (const f of ["A", "B"] as const) {
          const text = await ask(name, f, principals[who]!);
          expect(leaks(text, B.marks), `${name} (${f}'s ids) as ${who}: ${text.slice(0, 2000)}`).toEqual([]);
          if (text.includes('"data":{') && !text.includes('"errors"')) answered.push(name);
          seen += text;
        }
      }
      // The probe reaches data: A's own card is visible to every one of A's principals.
      expect(seen).toContain("alpha card");
      expect(new Set(answered).size).toBeGreaterThan(10);
    });

    it(`through every export, as A's ${who}`, async () => {
      for (const file of ["members.csv", "transactions.csv", "redemptions.csv"]) {
        for (const cardId of [undefined, A.card.id, B.card.id]) {
          const url = new URL(`/export/${file}`, app.graphqlUrl);
          url.searchParams.set("programId", program.id);
          if (cardId) url.searchParams.set("cardId", cardId);
          const res = await fetch(url, { headers: { authorization: `Bearer ${principals[who]}` } });
          const text = await res.text();
          expect(leaks(text, B.marks), `${file} ${cardId ?? ""} as ${who}`).toEqual([]);
        }
      }
    });
  }

  it("through the points subscription, as A's partner key and partner user", async () => {
    const SUB = `subscription ($f: LiveFilter!) { pointsAwarded(filter: $f) { ${selection(
      schema.getType("PointsEvent")!,
      2,
      "A",
    )} } }`;
    const clients = ["partnerKey", "user"].map((who) =>
      createClient({
        url: app.graphqlUrl.replace("http", "ws"),
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${principals[who]}` },
      }),
    );
    try {
      const streams = clients.map((c) => c.iterate({ query: SUB, variables: { f: { programId: program.id } } }));
      const listening = app.events.listenerCount();
      const firsts = streams.map((s) => s.next());
      while (app.events.listenerCount() < listening + 2) await new Promise((r) => setTimeout(r, 20));
      // B's purchase first, then A's: each subscriber's first event must be A's, carrying nothing of B.
      for (const [x, mark, price] of [
        [B, "zeta", "7001.93"],
        [A, "alpha", "12.34"],
      ] as const) {
        const res = await app.gql(PURCHASE, {
          input: {
            programId: program.id,
            partnerId: x.partner.id,
            receiptId: `${mark}-live-${tag()}`,
            memberId: shared.id,
            basket: { datePurchased: new Date().toISOString(), items: [{ sku: `${mark}-SKU`, price, quantity: 1 }] },
          },
        });
        expect(res.data?.recordPurchase?.__typename).toBe("RecordPurchasePayload");
      }
      for (const first of firsts) {
        const text = JSON.stringify((await first).value);
        expect(text).toContain("alpha-live-");
        expect(leaks(text, [...B.marks, "zeta-live-", "7001.93"])).toEqual([]);
      }
      await Promise.all(streams.map((s) => s.return?.()));
    } finally {
      await Promise.all(clients.map((c) => c.dispose()));
    }
  });
});
