// Programs and partners through GraphQL over real HTTP: exact money, validation, conflicts, scoping, paging.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql } from "./gql/index.js";
import {
  ADMIN_KEY,
  CREATE_PARTNER,
  CREATE_PROGRAM,
  createCategory,
  createPartner,
  createProgram,
  ofType,
  startTestApp,
  type TestApp,
} from "./helpers.js";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

const PARTNER = graphql(`
  query PartnersPartner($id: ID!) {
    partner(id: $id) { id name externalId category { name } status costPerPoint { amount currency } program { id name } }
  }
`);
const UPDATE_PARTNER = graphql(`
  mutation PartnersUpdatePartner($input: UpdatePartnerInput!) {
    updatePartner(input: $input) {
      __typename
      ... on UpdatePartnerPayload { partner { id name description externalId category { name } status pointConversionRate effectivePointConversionRate costPerPoint { amount } } }
      ... on Error { code message }
      ... on ValidationError { issues { path message } }
      ... on ConflictError { path }
    }
  }
`);
const PARTNERS = graphql(`
  query PartnersPartners($programId: ID!, $first: Int, $after: String, $filter: PartnerFilter) {
    partners(programId: $programId, first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { name externalId }
    }
  }
`);
const VIEWER = graphql(`query PartnersViewer { viewer { kind program { id } partner { id } } }`);
const PROGRAM_COUNT = graphql(`query PartnersProgramCount { programs { totalCount } }`);
const API_KEY_INFO = graphql(
  `query PartnersApiKeyInfo($id: ID!) { partner(id: $id) { apiKey { prefix lastUsedAt } } }`,
);
const API_KEY_FIELDS = graphql(`query PartnersApiKeyFields { __type(name: "ApiKeyInfo") { fields { name } } }`);
const BY_EXTERNAL_ID = graphql(
  `query PartnersByExternalId($p: ID!, $e: String!) { partnerByExternalId(programId: $p, externalId: $e) { id } }`,
);
const NODE = graphql(`query PartnersNode($id: ID!) { node(id: $id) { __typename id ... on Partner { name } } }`);
const NODE_ID = graphql(`query PartnersNodeId($id: ID!) { node(id: $id) { id } }`);
const PROGRAM_PARTNERS = graphql(
  `query PartnersProgramPartners($id: ID!) { program(id: $id) { partners { totalCount nodes { name } } } }`,
);

describe("createProgram", () => {
  it("returns the program and a secret key that authenticates as that program", async () => {
    const { id, secretKey, program } = await createProgram(app, { currency: "eur", pointsPerCurrencyUnit: "2.50" });
    expect(program).toMatchObject({ currency: "EUR", pointsPerCurrencyUnit: "2.5", timezone: "Europe/Vilnius" });
    expect(secretKey).toMatch(/^pgs_/);
    const viewer = await app.gql(VIEWER, {}, secretKey);
    expect(viewer.data.viewer).toEqual({ kind: "PROGRAM_KEY", program: { id }, partner: null });
  });

  it("rejects bad input with every field's issue and writes nothing", async () => {
    const before = await app.gql(PROGRAM_COUNT);
    const res = await app.gql(CREATE_PROGRAM, {
      input: { name: " ", currency: "XXY", pointsPerCurrencyUnit: "1.23456", timezone: "Mars/Olympus" },
    });
    const failure = ofType(res.data.createProgram, "ValidationError");
    expect(failure.code).toBe("VALIDATION_FAILED");
    expect(failure.issues.map((i) => i.path).sort()).toEqual(["currency", "name", "pointsPerCurrencyUnit", "timezone"]);
    const after = await app.gql(PROGRAM_COUNT);
    expect(after.data.programs.totalCount).toBe(before.data.programs.totalCount);
  });

  it("is for platform admins only", async () => {
    const { secretKey } = await createProgram(app);
    const res = await app.gql(
      CREATE_PROGRAM,
      { input: { name: "X", currency: "EUR", pointsPerCurrencyUnit: "1", timezone: "UTC" } },
      secretKey,
    );
    expect(res.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(res.data).toBeNull();
  });

  it("rejects JSON numbers for decimals (floats cannot hold money)", async () => {
    const res = await app.gql(CREATE_PROGRAM, {
      // A number where the schema takes a string: sent as JSON on purpose.
      input: { name: "X", currency: "EUR", pointsPerCurrencyUnit: 2.5 as unknown as string, timezone: "UTC" },
    });
    expect(res.errors?.[0]?.message).toMatch(/Decimal must be a string/);
  });
});

describe("createPartner", () => {
  it("stores money exactly and returns the API key once", async () => {
    const program = await createProgram(app);
    const categoryId = await createCategory(app, program.id, "Hospitality");
    const res = await app.gql(CREATE_PARTNER, {
      input: {
        programId: program.id,
        name: "  Hotel Neris ",
        externalId: "HN-1",
        categoryId,
        costPerPoint: "0.012500",
        pointConversionRate: "1.5",
      },
    });
    const payload = ofType(res.data.createPartner, "CreatePartnerPayload");
    expect(payload.apiKey).toMatch(/^pgp_[\w-]{43}$/);
    expect(payload.partner).toMatchObject({
      name: "Hotel Neris",
      externalId: "HN-1",
      category: { name: "Hospitality" },
      status: "ENABLED",
      pointConversionRate: "1.5",
      effectivePointConversionRate: "1.5",
      costPerPoint: { amount: "0.0125", currency: "EUR" },
    });
    // The key is never readable again: managers see only its prefix and use.
    const shown = await app.gql(API_KEY_INFO, { id: payload.partner.id });
    expect(shown.data.partner!.apiKey).toEqual({ prefix: payload.apiKey.slice(0, 12), lastUsedAt: null });
    const introspection = await app.gql(API_KEY_FIELDS);
    expect(introspection.data.__type!.fields!.map((f) => f.name).sort()).toEqual(["createdAt", "lastUsedAt", "prefix"]);
  });

  it("falls back to the program's conversion rate and defaults cost to zero", async () => {
    const program = await createProgram(app, { pointsPerCurrencyUnit: "3" });
    const { partner } = await createPartner(app, program.id);
    expect(partner).toMatchObject({
      pointConversionRate: null,
      effectivePointConversionRate: "3",
      costPerPoint: { amount: "0", currency: "EUR" },
      status: "ENABLED",
    });
  });

  it("rejects more decimal places than the column keeps instead of rounding", async () => {
    const program = await createProgram(app);
    const res = await app.gql(CREATE_PARTNER, {
      input: { programId: program.id, name: "P", costPerPoint: "0.0000001" },
    });
    expect(res.data.createPartner).toMatchObject({ __typename: "ValidationError", code: "VALIDATION_FAILED" });
    expect(ofType(res.data.createPartner, "ValidationError").issues).toEqual([
      { path: "costPerPoint", message: "must have at most 6 decimal places" },
    ]);
    for (const bad of ["-1", "1e3", "abc", "01.5"]) {
      const r = await app.gql(CREATE_PARTNER, { input: { programId: program.id, name: "P", costPerPoint: bad } });
      expect(r.data.createPartner.__typename, bad).toBe("ValidationError");
    }
  });

  it("keeps externalId unique per program (CONFLICT), but not across programs", async () => {
    const a = await createProgram(app);
    const b = await createProgram(app);
    await createPartner(app, a.id, { externalId: "EXT-1" });
    const dup = await app.gql(CREATE_PARTNER, { input: { programId: a.id, name: "Again", externalId: "EXT-1" } });
    expect(dup.data.createPartner).toMatchObject({ __typename: "ConflictError", code: "CONFLICT", path: "externalId" });
    const list = await app.gql(PARTNERS, { programId: a.id });
    expect(list.data.partners.totalCount).toBe(1);
    await expect(createPartner(app, b.id, { externalId: "EXT-1" })).resolves.toBeTruthy();
  });

  it("can be done with the program's secret key, but not another program's or a partner's", async () => {
    const a = await createProgram(app);
    const b = await createProgram(app);
    await expect(createPartner(app, a.id, {}, a.secretKey)).resolves.toBeTruthy();
    const other = await app.gql(CREATE_PARTNER, { input: { programId: a.id, name: "X" } }, b.secretKey);
    expect(other.data.createPartner).toMatchObject({ __typename: "NotFoundError", code: "NOT_FOUND" });
    const { apiKey } = await createPartner(app, a.id);
    const asPartner = await app.gql(CREATE_PARTNER, { input: { programId: a.id, name: "X" } }, apiKey);
    expect(asPartner.errors?.[0]?.extensions?.code).toBe("INSUFFICIENT_PARTNER_PERMISSIONS");
  });

  it("answers NOT_FOUND for an unknown or malformed program id", async () => {
    for (const programId of ["UHJvZ3JhbTowMDAwMDAwMC0wMDAwLTAwMDAtMDAwMC0wMDAwMDAwMDAwMDA=", "nonsense", ""]) {
      const res = await app.gql(CREATE_PARTNER, { input: { programId, name: "X" } });
      expect(res.data.createPartner, programId).toMatchObject({ __typename: "NotFoundError", code: "NOT_FOUND" });
    }
  });
});

describe("updatePartner", () => {
  it("changes only the given fields and null clears optional ones", async () => {
    const program = await createProgram(app, { pointsPerCurrencyUnit: "2" });
    const categoryId = await createCategory(app, program.id, "Aviation");
    const { id } = await createPartner(app, program.id, { description: "Old", categoryId, pointConversionRate: "4" });
    const res = await app.gql(UPDATE_PARTNER, {
      input: { partner: { id }, name: "New name", description: null, pointConversionRate: null, costPerPoint: "0.02" },
    });
    expect(ofType(res.data.updatePartner, "UpdatePartnerPayload").partner).toMatchObject({
      name: "New name",
      description: null,
      category: { name: "Aviation" },
      status: "ENABLED",
      pointConversionRate: null,
      effectivePointConversionRate: "2",
      costPerPoint: { amount: "0.02" },
    });
  });

  it("reports conflicts, validation failures and unknown partners as typed results", async () => {
    const program = await createProgram(app);
    await createPartner(app, program.id, { externalId: "TAKEN" });
    const { id } = await createPartner(app, program.id, { externalId: "MINE" });
    const conflict = await app.gql(UPDATE_PARTNER, { input: { partner: { id }, externalId: "TAKEN" } });
    expect(conflict.data.updatePartner).toMatchObject({ __typename: "ConflictError", path: "externalId" });
    const invalid = await app.gql(UPDATE_PARTNER, { input: { partner: { id }, name: null } });
    expect(invalid.data.updatePartner).toMatchObject({ __typename: "ValidationError", issues: [{ path: "name" }] });
    const missing = await app.gql(UPDATE_PARTNER, {
      input: { partner: { id: "UGFydG5lcjowMTlhYjAwMC0wMDAwLTcwMDAtODAwMC0wMDAwMDAwMDAwMDA=" }, name: "X" },
    });
    expect(missing.data.updatePartner).toMatchObject({ __typename: "NotFoundError", code: "PARTNER_NOT_FOUND" });
    const still = await app.gql(PARTNER, { id });
    expect(still.data.partner!.externalId).toBe("MINE");
  });

  it("cannot be done by the partner itself", async () => {
    const program = await createProgram(app);
    const { id, apiKey } = await createPartner(app, program.id);
    const res = await app.gql(UPDATE_PARTNER, { input: { partner: { id }, name: "Self-promoted" } }, apiKey);
    expect(res.errors?.[0]?.extensions?.code).toBe("INSUFFICIENT_PARTNER_PERMISSIONS");
  });
});

describe("reading partners", () => {
  it("finds by global id and by external id", async () => {
    const program = await createProgram(app);
    const { id } = await createPartner(app, program.id, { externalId: "ext/42" });
    const byId = await app.gql(PARTNER, { id });
    expect(byId.data.partner).toMatchObject({ id, externalId: "ext/42", program: { id: program.id } });
    const byExt = await app.gql(BY_EXTERNAL_ID, { p: program.id, e: "ext/42" });
    expect(byExt.data.partnerByExternalId!.id).toBe(id);
    const node = await app.gql(NODE, { id });
    expect(node.data.node).toMatchObject({ __typename: "Partner", id });
  });

  it("answers PARTNER_NOT_FOUND for unknown, malformed and other tenants' partners", async () => {
    const a = await createProgram(app);
    const b = await createProgram(app);
    const { id } = await createPartner(app, a.id);
    for (const [pid, key] of [
      [id, b.secretKey],
      ["garbage", ADMIN_KEY],
      [a.id, ADMIN_KEY], // a Program's id is not a Partner's
    ] as const) {
      const res = await app.gql(PARTNER, { id: pid }, key);
      expect(res.data.partner, pid).toBeNull();
      expect(res.errors?.[0]?.extensions?.code, pid).toBe("PARTNER_NOT_FOUND");
    }
    const node = await app.gql(NODE_ID, { id }, b.secretKey);
    expect(node.data.node).toBeNull();
    expect(node.errors).toBeUndefined();
  });

  it("lets a partner key see only itself", async () => {
    const program = await createProgram(app);
    const me = await createPartner(app, program.id, { name: "Me" });
    const other = await createPartner(app, program.id, { name: "Other" });
    const list = await app.gql(PARTNERS, { programId: program.id }, me.apiKey);
    expect(list.data.partners).toMatchObject({ totalCount: 1, nodes: [{ name: "Me" }] });
    const res = await app.gql(PARTNER, { id: other.id }, me.apiKey);
    expect(res.errors?.[0]?.extensions?.code).toBe("PARTNER_NOT_FOUND");
    const viaProgram = await app.gql(PROGRAM_PARTNERS, { id: program.id }, me.apiKey);
    expect(viaProgram.data.program!.partners).toEqual({ totalCount: 1, nodes: [{ name: "Me" }] });
  });

  it("pages through a program's partners in creation order with filters", async () => {
    const program = await createProgram(app);
    const retailId = await createCategory(app, program.id, "Retail");
    const foodId = await createCategory(app, program.id, "Food");
    for (let i = 0; i < 5; i++) {
      await createPartner(app, program.id, {
        name: `Shop ${i}`,
        externalId: `S${i}`,
        categoryId: i % 2 ? retailId : foodId,
        status: i === 4 ? "DISABLED" : "ENABLED",
      });
    }
    const page1 = await app.gql(PARTNERS, { programId: program.id, first: 2 });
    expect(page1.data.partners).toMatchObject({
      totalCount: 5,
      pageInfo: { hasNextPage: true },
      nodes: [{ name: "Shop 0" }, { name: "Shop 1" }],
    });
    const page3 = await app.gql(PARTNERS, {
      programId: program.id,
      first: 2,
      after: (await app.gql(PARTNERS, { programId: program.id, first: 4 })).data.partners.pageInfo.endCursor,
    });
    expect(page3.data.partners).toMatchObject({ pageInfo: { hasNextPage: false }, nodes: [{ name: "Shop 4" }] });

    const retail = await app.gql(PARTNERS, { programId: program.id, filter: { categoryId: retailId } });
    expect(retail.data.partners.nodes.map((n) => n!.name)).toEqual(["Shop 1", "Shop 3"]);
    const enabledFood = await app.gql(PARTNERS, {
      programId: program.id,
      filter: { categoryId: foodId, status: "ENABLED" },
    });
    expect(enabledFood.data.partners.totalCount).toBe(2);
    const search = await app.gql(PARTNERS, { programId: program.id, filter: { search: "shop 3" } });
    expect(search.data.partners.nodes).toEqual([{ name: "Shop 3", externalId: "S3" }]);
    const byExt = await app.gql(PARTNERS, { programId: program.id, filter: { search: "S2" } });
    expect(byExt.data.partners.nodes).toEqual([{ name: "Shop 2", externalId: "S2" }]);
  });
});
