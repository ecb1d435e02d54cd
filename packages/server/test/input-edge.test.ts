// Issue 13, failure 8: inputs that used to reach the database (or the engine) and come back as a masked
// INTERNAL_SERVER_ERROR are refused at the edge with VALIDATION_FAILED and the field's path; errors the
// GraphQL stack raises itself (coercion, cursors, ids, armor's limits) carry a catalogue code.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql } from "./gql/index.js";
import { ADMIN_KEY, createPartner, createProgram, type GqlError, startTestApp, type TestApp } from "./helpers.js";

let app: TestApp;
let programId: string;
let partnerKey: string;

beforeAll(async () => {
  app = await startTestApp();
  const program = await createProgram(app, { pointsPerCurrencyUnit: "2" });
  programId = program.id;
  partnerKey = (await createPartner(app, programId)).apiKey;
  const member = await app.gql(MEMBER, { input: { programId, externalId: "m-1" } });
  expect(member.data.createMember.__typename).toBe("CreateMemberPayload");
});

afterAll(async () => {
  await app?.close();
});

const CREATE_PARTNER = graphql(/* typed-test-document */ `
  mutation EdgeCreatePartner($input: CreatePartnerInput!) { createPartner(input: $input) { __typename } }
`);
const MEMBER = graphql(/* typed-test-document */ `
  mutation EdgeCreateMember($input: CreateMemberInput!) { createMember(input: $input) { __typename } }
`);
const PURCHASE = graphql(/* typed-test-document */ `
  mutation EdgePurchase($input: RecordPurchaseInput!) {
    recordPurchase(input: $input) { __typename ... on Error { code } ... on ValidationError { issues { path message } } }
  }
`);
const PARTNERS = graphql(/* typed-test-document */ `
  query EdgePartners($programId: ID!, $filter: PartnerFilter, $after: String) {
    partners(programId: $programId, filter: $filter, after: $after) { totalCount }
  }
`);
const IMPORT = graphql(/* typed-test-document */ `
  mutation EdgeImport($input: ImportMembersInput!) { importMembers(input: $input) { __typename } }
`);
const PAGE = graphql(
  /* typed-test-document */ `query EdgePage($first: Int) { programs(first: $first) { totalCount } }`,
);
const NODE = graphql(/* typed-test-document */ `query EdgeNode($id: ID!) { node(id: $id) { id } }`);
const VIEWER = graphql(/* typed-test-document */ `query EdgeViewer { viewer { __typename } }`);

/** The one error of a response, which must be VALIDATION_FAILED naming `path` among its issues. */
function expectRefused(errors: GqlError[] | undefined, path: string): void {
  expect(errors).toHaveLength(1);
  expect(errors![0]!.extensions).toMatchObject({
    code: "VALIDATION_FAILED",
    issues: [expect.objectContaining({ path })],
  });
}

const purchase = (item: Record<string, unknown> = {}, basket: Record<string, unknown> = {}) => ({
  input: {
    programId,
    memberExternalId: "m-1",
    receiptId: `r-${Math.random()}`,
    basket: {
      datePurchased: "2026-11-23T10:00:00+02:00",
      items: [{ sku: "A", price: "10", quantity: 1, ...item }],
      ...basket,
    },
  },
});

describe("text PostgreSQL cannot store is refused with the field's path", () => {
  it.each([
    ["a NUL", "Hotel\u0000Neris"],
    ["an unpaired surrogate", "Hotel \ud800"],
  ])("createPartner.name with %s", async (_, name) => {
    const res = await app.gql(CREATE_PARTNER, { input: { programId, name } });
    expectRefused(res.errors, "input.name");
  });

  it("createMember.externalId", async () => {
    const res = await app.gql(MEMBER, { input: { programId, externalId: "m\u00002" } });
    expectRefused(res.errors, "input.externalId");
  });

  it("recordPurchase.receiptId and an item's sku", async () => {
    const receipt = purchase();
    receipt.input.receiptId = "r\u0000";
    expectRefused((await app.gql(PURCHASE, receipt)).errors, "input.receiptId");
    expectRefused((await app.gql(PURCHASE, purchase({ sku: "A\u0000" }))).errors, "input.basket.items.0.sku");
  });

  it("a NUL key or value anywhere in customData", async () => {
    for (const customData of [{ "\u0000": 1 }, { a: { b: ["x\u0000"] } }]) {
      expectRefused((await app.gql(PURCHASE, purchase({ customData }))).errors, "input.basket.items.0.customData");
    }
  });

  it("a search filter, and an import's CSV", async () => {
    expectRefused((await app.gql(PARTNERS, { programId, filter: { search: "\u0000" } })).errors, "filter.search");
    const res = await app.gql(IMPORT, { input: { programId, csv: "externalId\nm\u00003\n" } });
    expectRefused(res.errors, "input.csv");
  });

  it("while ordinary text (accents, emoji) is stored", async () => {
    const res = await app.gql(MEMBER, { input: { programId, externalId: "Šventė 😀" } });
    expect(res.errors).toBeUndefined();
    expect(res.data.createMember.__typename).toBe("CreateMemberPayload");
  });
});

describe("numbers and dates beyond what the columns hold", () => {
  it("a price of 2,000,000,000 (4,000,000,000 points: beyond GraphQL Int and the ledger) is a typed refusal", async () => {
    const res = await app.gql(PURCHASE, purchase({ price: "2000000000" }));
    expect(res.errors).toBeUndefined();
    expect(res.data.recordPurchase).toMatchObject({
      __typename: "ValidationError",
      code: "VALIDATION_FAILED",
      issues: [expect.objectContaining({ path: expect.stringContaining("price") })],
    });
  });

  it.each(["0000-01-01T00:00:00Z", "0001-01-01T00:00:00Z", "1899-12-31T23:59:59Z"])(
    "datePurchased %s",
    async (datePurchased) => {
      const res = await app.gql(PURCHASE, purchase({}, { datePurchased }));
      expect(res.errors).toBeUndefined();
      expect(res.data.recordPurchase).toMatchObject({ __typename: "ValidationError", code: "VALIDATION_FAILED" });
    },
  );

  it("an Int beyond 32 bits is a coded coercion error naming the variable's path", async () => {
    const res = await app.gql(PAGE, { first: 2 ** 31 });
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: "VALIDATION_FAILED", issues: [{ path: "first" }] });
  });
});

describe("ids and cursors", () => {
  it.each([
    ["a type with no UUID", Buffer.from("Partner:not-a-uuid").toString("base64")],
    ["no type", Buffer.from("not-an-id").toString("base64")],
    ["not base64", "%%%"],
  ])("node(id:) with %s is VALIDATION_FAILED, never an internal error", async (_, id) => {
    expectRefused((await app.gql(NODE, { id })).errors, "id");
  });

  it("a cursor that is not one of ours", async () => {
    const res = await app.gql(PARTNERS, { programId, after: "not-a-cursor" });
    expect(res.errors?.[0]?.extensions?.code).toBe("VALIDATION_FAILED");
  });
});

describe("errors the GraphQL stack raises itself carry a code", () => {
  const codeOf = async (query: string, variables?: Record<string, unknown>) =>
    (await app.gql(query, variables, partnerKey)).errors?.map((e) => e.extensions?.code);

  it("parse, validation, operation choice and variable coercion", async () => {
    expect(await codeOf("{ viewer { ")).toEqual(["GRAPHQL_PARSE_FAILED"]);
    expect(await codeOf("{ nope }")).toEqual(["GRAPHQL_VALIDATION_FAILED"]);
    expect(await codeOf("query A { __typename } query B { __typename }")).toEqual(["OPERATION_RESOLUTION_FAILURE"]);
    expect(await codeOf("query($id: ID!) { node(id: $id) { id } }", {})).toEqual(["VALIDATION_FAILED"]);
    expect(await codeOf("query($n: Int) { programs(first: $n) { totalCount } }", { n: "x" })).toEqual([
      "VALIDATION_FAILED",
    ]);
  });

  it("graphql-armor's alias, directive and token limits", async () => {
    const aliases = `{ ${Array.from({ length: 21 }, (_, i) => `a${i}: viewer { __typename }`).join(" ")} }`;
    expect(await codeOf(aliases)).toEqual(["GRAPHQL_PARSE_FAILED"]);
    expect(await codeOf(`{ __typename ${"@include(if: true) ".repeat(21)}}`)).toEqual(["GRAPHQL_PARSE_FAILED"]);
    expect(await codeOf(`{ ${"__typename ".repeat(3001)}}`)).toEqual(["GRAPHQL_PARSE_FAILED"]);
    // Within the limits the same document runs.
    expect((await app.gql(VIEWER, {}, ADMIN_KEY)).errors).toBeUndefined();
  });
});

describe("REST routes use the same rules", () => {
  it.each(["0000-01-01T00:00:00Z", "0001-01-01T00:00:00Z", "9999-12-31T23:00:00-05:00"])(
    "transactions.csv?from=%s is 400 VALIDATION_FAILED",
    async (from) => {
      const url = `${app.url}/export/transactions.csv?${new URLSearchParams({ programId, from })}`;
      const res = await fetch(url, { headers: { authorization: `Bearer ${ADMIN_KEY}` } });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: { code: "VALIDATION_FAILED", issues: [{ path: "from" }] } });
    },
  );

  it.each([
    ["date_purchased", { date_purchased: "0001-01-01T00:00:00Z" }, "invalid_date"],
    ["a NUL in a sku", { items: [{ sku: "A\u0000", price: 10, quantity: 1 }] }, "invalid"],
    [
      "a price earning more points than a 32-bit integer",
      { items: [{ sku: "A", price: 2e9, quantity: 1 }] },
      "invalid_amount",
    ],
  ])("POST /receipt/points with %s is 400 in the reference's shape", async (_, body, reason) => {
    const res = await fetch(`${app.url}/receipt/points`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-ct-authorization": `CTApiKey ${partnerKey}` },
      body: JSON.stringify({
        date_purchased: "2026-11-23T10:00:00Z",
        items: [{ sku: "A", price: 10, quantity: 1 }],
        ...body,
      }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { reason } });
  });
});
