// The authorization matrix: every root field of the running schema (query, mutation, subscription), called as
// every kind of principal, is allowed or refused with an exact code. Complete by construction: a root field
// with no row in MATRIX fails the first test, so a new operation cannot ship until someone classifies it.
//
// Cell values: ALLOWED (the call succeeded and, for reads, showed the target); for scoped lists ALL (every live
// partner of A / every program / every member of A), OWN (exactly the programs the caller has a role in), SELF
// (only the caller's own partner; for members, only the member its partner awarded points to; for referral rows,
// projects and statistics, only its own partner's), EMPTY (an empty list, or statistics of nothing); NULL (node
// answered null); otherwise the error code. A code comes from `extensions.code` of a GraphQL
// error, or from the `code` of a typed failure a mutation returns (e.g. { __typename: "NotFoundError", code:
// "PARTNER_NOT_FOUND" }): see `outcome`.//
// The rows live in per-area recipe files under ./authorization/ (partners, live, points, referrals, imports,
// loyalty), each giving its rows' cells and how each is called; kit.ts holds the outcomes, principals and calling
// helpers, fixtures.ts the fixtures every area reads. Rows run in the order of AREAS, and within an area in the
// order written: reads come before writes, and the points writes award through partners, which would widen what
// partners see in later reads.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRateLimiter } from "../src/http/rate-limit.js";
import { schema } from "../src/schema/index.js";
import { A1, C1, campaignA, M1, m1Balance, P, principals, setUp } from "./authorization/fixtures.js";
import { imports } from "./authorization/imports.js";
import { type Area, app, type Operation, PRINCIPALS } from "./authorization/kit.js";
import { live } from "./authorization/live.js";
import { loyalty } from "./authorization/loyalty.js";
import { memberPaths } from "./authorization/member-paths.js";
import { partners } from "./authorization/partners.js";
import { points } from "./authorization/points.js";
import { referrals } from "./authorization/referrals.js";

/** The matrix, area by area, in the order the rows run. */
const AREAS: Area[] = [partners, live, points, referrals, imports, loyalty, memberPaths];
const OPERATIONS: Record<string, Operation> = Object.assign({}, ...AREAS.map((a) => a.operations));

beforeAll(async () => {
  // The matrix makes a few hundred calls within a minute, some of them anonymous: lift the budgets.
  const generous = { perHour: 100_000, perMinute: 100_000 };
  await setUp({
    rateLimiter: createRateLimiter(undefined, {
      admin: generous,
      apiCredential: generous,
      partnerSession: generous,
      anonymous: generous,
    }),
  });
});

afterAll(async () => {
  await app?.close();
});

// The tests --------------------------------------------------------------------------------------------------

const rows = AREAS.flatMap((a) => Object.entries(a.cells));
const nestedPaths = Object.keys(memberPaths.cells).length;
const SIZE = `${rows.length - nestedPaths} operations + ${nestedPaths} nested member paths × ${PRINCIPALS.length} principals = ${rows.length * PRINCIPALS.length} cells`;

describe(`authorization matrix (${SIZE})`, () => {
  it("classifies every root field of the running schema, and only those", () => {
    const rootFields = (["Query", "Mutation", "Subscription"] as const).flatMap((root) => {
      const type =
        root === "Query"
          ? schema.getQueryType()
          : root === "Mutation"
            ? schema.getMutationType()
            : schema.getSubscriptionType();
      return Object.keys(type?.getFields() ?? {})
        .filter((name) => !name.startsWith("__")) // introspection
        .map((name) => `${root}.${name}`);
    });
    const classified = new Set<string>(Object.values(OPERATIONS).map((o) => o.field));
    expect(
      rootFields.filter((f) => !classified.has(f)),
      "root fields with no row in MATRIX: classify them",
    ).toEqual([]);
    expect(
      [...classified].filter((f) => !rootFields.includes(f)),
      "rows for fields the schema does not have",
    ).toEqual([]);
    expect(Object.keys(OPERATIONS).sort()).toEqual(rows.map(([name]) => name).sort());
    expect(new Set(rows.map(([name]) => name)).size, "a row name used by two areas").toBe(rows.length);
    console.log(`authorization matrix: ${SIZE}`);
  });

  for (const [operation, cells] of rows) {
    describe(operation, () => {
      PRINCIPALS.forEach((name, column) => {
        const expected = cells[column]!;
        it(`as ${name} → ${expected}`, async () => {
          const op = OPERATIONS[operation]!;
          expect(await op.call(principals[name])).toBe(expected);
        });
      });
    });
  }

  it("left the fixtures intact (refusals changed nothing)", async () => {
    const res = await app.gql(`query ($id: ID!) { partner(id: $id) { name description status } }`, { id: A1.id });
    expect(res.data.partner).toEqual({ name: "A1", description: null, status: "ENABLED" });
    const m1 = await app.gql(`query ($id: ID!) { member(id: $id) { balance } }`, { id: M1.id });
    expect(m1.data.member).toEqual({ balance: m1Balance });
    const campaign = await app.gql(`query ($id: ID!) { node(id: $id) { ... on Campaign { title } } }`, {
      id: campaignA,
    });
    expect(campaign.data.node.title).toMatch(/^Fixture campaign-/);
    const referral = await app.gql(
      `query ($p: ID!, $a1: ID!, $c: ID!) { project(id: $p) { name status } partner(id: $a1) { defaultProject { id } } node(id: $c) { ... on Commission { status amount { amount } } } }`,
      { p: P, a1: A1.id, c: C1.commissionId },
    );
    expect(referral.data).toEqual({
      project: { name: "Fixture project", status: "ACTIVE" },
      partner: { defaultProject: { id: P } },
      node: { status: "PENDING", amount: { amount: "5" } },
    });
    for (const p of [
      principals.partnerA1Key,
      principals.partnerA2Key,
      principals.partnerUserA1,
      principals.managerA,
      principals.staffA,
      principals.partnerUserA2,
      principals.staffA2,
      principals.clubManagerA2,
      principals.memberA,
    ]) {
      expect((await app.gql(`{ viewer { kind } }`, {}, p.key)).errors, p.name).toBeUndefined();
    }
  });
});
