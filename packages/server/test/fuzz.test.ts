// The fuzz test: every root Query and Mutation field, read from the schema (so a new field is fuzzed without
// being listed), called over HTTP with hostile generated arguments as the admin and as a stranger (another
// program's partner), and the REST routes' query strings and bodies likewise. Any 5xx, any GraphQL error
// without a catalogue code, and any INTERNAL_SERVER_ERROR fails it. Bounded in count per field and in time.
import fc from "fast-check";
import { type GraphQLField, type GraphQLObjectType, getNamedType, isLeafType } from "graphql";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ErrorCode } from "../src/domain/kernel/errors.js";
import { encodeGlobalId } from "../src/domain/kernel/ids.js";
import { createRateLimiter } from "../src/http/rate-limit.js";
import { schema } from "../src/schema/index.js";
import { hostileQuery, hostileReceipt, hostileValue } from "./fuzz/hostile-values.js";
import { ADMIN_KEY, createPartner, createProgram, postGql, startTestApp, type TestApp } from "./helpers.js";

/** Generated calls per root field (each as the admin or the stranger, at random). */
const RUNS_PER_FIELD = Number(process.env.FUZZ_RUNS ?? 6);
/**
 * The GraphQL fields share this budget: once it is spent every remaining field is still called once, so a slow
 * machine trims the count, never the coverage. The REST routes get REST_BUDGET_MS each.
 */
const GRAPHQL_BUDGET_MS = 35_000;
const REST_BUDGET_MS = 8_000;
const SEED = Number(process.env.FUZZ_SEED ?? 20261203);

const CODES: ReadonlySet<string> = new Set(Object.values(ErrorCode));

let app: TestApp;
let strangerKey: string;
let ids: string[];
let requests = 0;
let graphqlDeadline = 0;
/** What each block found: every failing field is listed, not only the first. */
let failures: string[] = [];

beforeAll(async () => {
  const generous = { perHour: 1_000_000, perMinute: 1_000_000 };
  app = await startTestApp(
    {},
    {
      rateLimiter: createRateLimiter(undefined, {
        admin: generous,
        apiCredential: generous,
        partnerSession: generous,
        anonymous: generous,
      }),
    },
  );
  const mine = await createProgram(app, { name: "Mine" });
  const partner = await createPartner(app, mine.id);
  const theirs = await createProgram(app, { name: "Theirs" });
  strangerKey = (await createPartner(app, theirs.id, { name: "Stranger" })).apiKey;
  const row = (id: string) => Buffer.from(id, "base64").toString("utf8").split(":")[1]!;
  ids = [
    mine.id,
    partner.id,
    theirs.id,
    encodeGlobalId("Member", row(partner.id)), // a real row's id as another type
    Buffer.from("Partner:not-a-uuid").toString("base64"),
    Buffer.from(`Partner:${row(partner.id)}\u0000`).toString("base64"),
  ];
}, 120_000);

afterAll(async () => {
  console.log(`fuzz: ${requests} requests`);
  await app?.close();
});

/** A document calling one root field with every argument as a variable, selecting only __typename. */
function documentFor(operation: "query" | "mutation", field: GraphQLField<unknown, unknown>): string {
  const variables = field.args.map((a) => `$${a.name}: ${a.type}`).join(", ");
  const args = field.args.map((a) => `${a.name}: $${a.name}`).join(", ");
  const selection = isLeafType(getNamedType(field.type)) ? "" : " { __typename }";
  return `${operation} Fuzz${variables ? `(${variables})` : ""} { ${field.name}${args ? `(${args})` : ""}${selection} }`;
}

beforeEach(() => {
  failures = [];
});

function record(what: string, status: number, body: unknown): void {
  failures.push(`${what} → ${status} ${JSON.stringify(body).slice(0, 500)}`);
}

describe.each([
  ["query", schema.getQueryType()!],
  ["mutation", schema.getMutationType()!],
] as const)("every root %s field", (operation, root: GraphQLObjectType) => {
  it("answers hostile arguments with coded errors and never a 5xx", async () => {
    graphqlDeadline ||= Date.now() + GRAPHQL_BUDGET_MS;
    for (const field of Object.values(root.getFields())) {
      const document = documentFor(operation, field);
      const variables = fc.record(Object.fromEntries(field.args.map((a) => [a.name, hostileValue(a.type, ids)])));
      // fc.check, not fc.assert: a failing field is recorded and the next one still runs.
      await fc.check(
        fc.asyncProperty(variables, fc.constantFrom(ADMIN_KEY, strangerKey), async (vars, key) => {
          requests++;
          const res = await postGql(app.graphqlUrl, document, vars, key);
          const bad =
            res.status >= 500 ||
            (res.errors ?? []).some(
              (e) => !CODES.has(String(e.extensions?.code)) || e.extensions?.code === "INTERNAL_SERVER_ERROR",
            );
          if (bad) record(`${field.name}(${JSON.stringify(vars).slice(0, 300)})`, res.status, res.errors);
          return !bad;
        }),
        { numRuns: Date.now() < graphqlDeadline ? RUNS_PER_FIELD : 1, seed: SEED, endOnFailure: true },
      );
    }
    expect(failures).toEqual([]);
  }, 300_000);
});

describe("REST routes", () => {
  it("answer hostile query strings and bodies without a 5xx", async () => {
    const exports = ["members.csv", "transactions.csv", "redemptions.csv"];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...exports),
        hostileQuery(["programId", "cardId", "from", "to"], ids),
        fc.constantFrom(ADMIN_KEY, strangerKey),
        async (name, query, key) => {
          requests++;
          const res = await fetch(`${app.url}/export/${name}?${query}`, {
            headers: { authorization: `Bearer ${key}` },
          });
          const body = await res.text();
          if (res.status >= 500) record(`/export/${name}?${query}`, res.status, body);
          return res.status < 500;
        },
      ),
      { numRuns: 1_000, seed: SEED, interruptAfterTimeLimit: REST_BUDGET_MS, endOnFailure: true },
    );
    await fc.assert(
      fc.asyncProperty(hostileReceipt(ids), fc.constantFrom(ADMIN_KEY, strangerKey), async (receipt, key) => {
        requests++;
        const res = await fetch(`${app.url}/receipt/points`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-ct-authorization": `CTApiKey ${key}` },
          body: JSON.stringify(receipt) ?? "null",
        });
        const body = await res.text();
        if (res.status >= 500) record(`/receipt/points ${JSON.stringify(receipt).slice(0, 300)}`, res.status, body);
        return res.status < 500;
      }),
      { numRuns: 1_000, seed: SEED, interruptAfterTimeLimit: REST_BUDGET_MS, endOnFailure: true },
    );
    expect(failures).toEqual([]);
  }, 120_000);
});
