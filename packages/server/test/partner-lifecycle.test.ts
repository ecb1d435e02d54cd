// The partner lifecycle as loyalty managers know it: configuration first, disable/enable, delete, keys,
// categories, and the audit trail each of them leaves.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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

const SET_STATUS = `mutation ($id: ID!, $s: PartnerStatus!) { setPartnerStatus(input: { partner: { id: $id }, status: $s }) { __typename ... on SetPartnerStatusPayload { partner { status } } ... on Error { code } } }`;
const DELETE = `mutation ($id: ID!) { deletePartner(input: { partner: { id: $id } }) { __typename ... on Error { code } } }`;
const ROTATE = `mutation ($id: ID!) { rotatePartnerApiKey(input: { partner: { id: $id } }) { __typename ... on RotatePartnerApiKeyPayload { apiKey } } }`;
const REVOKE = `mutation ($id: ID!) { revokePartnerApiKey(input: { partner: { id: $id } }) { __typename ... on RevokePartnerApiKeyPayload { partner { apiKey { prefix } } } } }`;
const CONFIGURE = `mutation ($input: ConfigureProgramInput!) { configureProgram(input: $input) { __typename ... on ConfigureProgramPayload { program { currency isConfigured roundingMode } } ... on Error { code message } ... on ConflictError { path } } }`;
const AUDIT = `query ($p: ID!, $f: AuditFilter) { auditLog(programId: $p, filter: $f) { totalCount nodes { actorType action targetType before after requestId } } }`;
const viewerKind = async (key: string) => await app.gql(`{ viewer { kind } }`, {}, key);

describe("program configuration", () => {
  it("must be complete before partners are added (NOT_CONFIGURED)", async () => {
    const created = await app.gql(CREATE_PROGRAM, { input: { name: "Bare" } });
    const programId = ofType(created.data.createProgram, "CreateProgramPayload").program.id;
    const refused = await app.gql(CREATE_PARTNER, { input: { programId, name: "Too early" } });
    expect(refused.data.createPartner).toMatchObject({ __typename: "NotConfiguredError", code: "NOT_CONFIGURED" });

    const configured = await app.gql(CONFIGURE, {
      input: {
        programId,
        currency: "GBP",
        pointsPerCurrencyUnit: "1",
        timezone: "Europe/London",
        roundingMode: "DOWN",
      },
    });
    expect(configured.data.configureProgram.program).toEqual({
      currency: "GBP",
      isConfigured: true,
      roundingMode: "DOWN",
    });
    await expect(createPartner(app, programId)).resolves.toBeTruthy();
  });

  it("keeps its currency once partners exist", async () => {
    const program = await createProgram(app);
    expect(
      (await app.gql(CONFIGURE, { input: { programId: program.id, currency: "USD" } })).data.configureProgram.program
        .currency,
    ).toBe("USD");
    await createPartner(app, program.id);
    const res = await app.gql(CONFIGURE, { input: { programId: program.id, currency: "EUR" } });
    expect(res.data.configureProgram).toMatchObject({
      __typename: "ConflictError",
      code: "CONFLICT",
      path: "currency",
    });
  });
});

describe("disable and enable", () => {
  it("stops the partner's key from authorizing, then lets it work again", async () => {
    const program = await createProgram(app);
    const partner = await createPartner(app, program.id);
    expect((await app.gql(SET_STATUS, { id: partner.id, s: "DISABLED" })).data.setPartnerStatus.partner.status).toBe(
      "DISABLED",
    );
    const refused = await viewerKind(partner.apiKey);
    expect(refused.errors?.[0]?.extensions?.code).toBe("INSUFFICIENT_PARTNER_PERMISSIONS");
    // Still visible to its managers, with its status.
    expect(
      (await app.gql(`query ($id: ID!) { partner(id: $id) { status } }`, { id: partner.id })).data.partner.status,
    ).toBe("DISABLED");
    await app.gql(SET_STATUS, { id: partner.id, s: "ENABLED" });
    expect((await viewerKind(partner.apiKey)).data.viewer.kind).toBe("PARTNER_KEY");
  });
});

describe("delete", () => {
  it("removes the partner from lookups and lists, stops its key, frees its external id and keeps its history", async () => {
    const program = await createProgram(app);
    const partner = await createPartner(app, program.id, { externalId: "GONE-1" });
    expect((await app.gql(DELETE, { id: partner.id })).data.deletePartner.__typename).toBe("DeletePartnerPayload");

    const lookup = await app.gql(`query ($id: ID!) { partner(id: $id) { id } }`, { id: partner.id });
    expect(lookup.errors?.[0]?.extensions?.code).toBe("PARTNER_NOT_FOUND");
    const byExternal = await app.gql(
      `query ($p: ID!) { partnerByExternalId(programId: $p, externalId: "GONE-1") { id } }`,
      { p: program.id },
    );
    expect(byExternal.errors?.[0]?.extensions?.code).toBe("PARTNER_NOT_FOUND");
    const list = await app.gql(`query ($p: ID!) { partners(programId: $p) { totalCount } }`, { p: program.id });
    expect(list.data.partners.totalCount).toBe(0);
    expect((await viewerKind(partner.apiKey)).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect((await app.gql(DELETE, { id: partner.id })).data.deletePartner).toMatchObject({
      __typename: "NotFoundError",
      code: "PARTNER_NOT_FOUND",
    });

    await expect(createPartner(app, program.id, { externalId: "GONE-1" })).resolves.toBeTruthy();
    const history = await app.gql(AUDIT, { p: program.id, f: { action: "partner.delete" } });
    expect(history.data.auditLog.nodes[0].before).toMatchObject({ externalId: "GONE-1", deletedAt: null });
  });
});

describe("API keys", () => {
  it("can be revoked and later rotated, never read back", async () => {
    const program = await createProgram(app);
    const partner = await createPartner(app, program.id);
    const revoked = await app.gql(REVOKE, { id: partner.id });
    expect(revoked.data.revokePartnerApiKey.partner.apiKey).toBeNull();
    expect((await viewerKind(partner.apiKey)).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const rotated = (await app.gql(ROTATE, { id: partner.id })).data.rotatePartnerApiKey.apiKey as string;
    expect(rotated).not.toBe(partner.apiKey);
    expect((await viewerKind(rotated)).data.viewer.kind).toBe("PARTNER_KEY");
  });
});

describe("categories", () => {
  it("are unique per program, renamable, and cannot be deleted while in use", async () => {
    const program = await createProgram(app);
    const hotels = await createCategory(app, program.id, "Hotels");
    const dup = await app.gql(
      `mutation ($p: ID!) { createPartnerCategory(input: { programId: $p, name: "Hotels" }) { __typename ... on Error { code } } }`,
      { p: program.id },
    );
    expect(dup.data.createPartnerCategory).toEqual({ __typename: "ConflictError", code: "CONFLICT" });
    const renamed = await app.gql(
      `mutation ($id: ID!) { renamePartnerCategory(input: { id: $id, name: "Hospitality" }) { ... on RenamePartnerCategoryPayload { category { name } } } }`,
      { id: hotels },
    );
    expect(renamed.data.renamePartnerCategory.category.name).toBe("Hospitality");
    await createPartner(app, program.id, { categoryId: hotels });
    const del = `mutation ($id: ID!) { deletePartnerCategory(input: { id: $id }) { __typename ... on Error { code } } }`;
    expect((await app.gql(del, { id: hotels })).data.deletePartnerCategory).toEqual({
      __typename: "ConflictError",
      code: "CONFLICT",
    });
    const unused = await createCategory(app, program.id, "Aviation");
    expect((await app.gql(del, { id: unused })).data.deletePartnerCategory.__typename).toBe(
      "DeletePartnerCategoryPayload",
    );
    const other = await createProgram(app);
    const foreign = await app.gql(CREATE_PARTNER, { input: { programId: other.id, name: "X", categoryId: hotels } });
    expect(foreign.data.createPartner).toMatchObject({ __typename: "NotFoundError" });
  });
});

describe("audit trail", () => {
  it("records who changed what, before and after, with the request id", async () => {
    const program = await createProgram(app);
    const partner = await createPartner(app, program.id, { name: "Before" }, program.secretKey);
    const res = await fetch(app.graphqlUrl, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: `Bearer ${ADMIN_KEY}`,
        "x-request-id": "req-audit-1",
      },
      body: JSON.stringify({
        query: `mutation ($id: ID!) { updatePartner(input: { partner: { id: $id }, name: "After", costPerPoint: "0.25" }) { __typename } }`,
        variables: { id: partner.id },
      }),
    });
    expect(res.status).toBe(200);
    const partnerView = await app.gql(AUDIT, { p: program.id }, partner.apiKey);
    expect(partnerView.errors?.[0]?.extensions?.code).toBe("INSUFFICIENT_PARTNER_PERMISSIONS");
    await app.gql(SET_STATUS, { id: partner.id, s: "DISABLED" });

    const log = (await app.gql(AUDIT, { p: program.id })).data.auditLog;
    expect(log.nodes.map((n: { action: string }) => n.action)).toEqual([
      "partner.disable",
      "partner.update",
      "partner.create",
      "program.create",
    ]);
    const [disable, update, create] = log.nodes;
    expect(update).toMatchObject({
      actorType: "ADMIN_KEY",
      targetType: "Partner",
      requestId: "req-audit-1",
      before: { name: "Before", costPerPoint: "0" },
      after: { name: "After", costPerPoint: "0.25" },
    });
    expect(Object.keys(update.after).sort()).toEqual(["costPerPoint", "name"]);
    expect(disable).toMatchObject({ before: { status: "ENABLED" }, after: { status: "DISABLED" } });
    expect(create).toMatchObject({ actorType: "PROGRAM_KEY", before: null, after: { name: "Before" } });
    expect(JSON.stringify(log)).not.toContain(partner.apiKey);
  });
});
