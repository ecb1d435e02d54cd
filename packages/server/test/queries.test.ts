// N+1 guard: the number of SQL statements for a nested list does not grow with the page size.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPartner, createProgram, startTestApp, type TestApp } from "./helpers.js";

let app: TestApp;
let statements = 0;
beforeAll(async () => {
  // The outbox poller runs its own statement every second: not part of any request.
  app = await startTestApp({}, { onQuery: (e) => void (e.query.includes("OutboxEmail") || statements++) });
});
afterAll(async () => {
  await app?.close();
});

async function countStatements(run: () => Promise<unknown>): Promise<number> {
  await app.gql(`{ viewer { kind } }`); // warm the authentication path so both runs do the same work
  const before = statements;
  await run();
  return statements - before;
}

describe("query counts", () => {
  it("stay flat as a partner page grows from 2 to 25 (nested program, money and rates)", async () => {
    const program = await createProgram(app);
    for (let i = 0; i < 25; i++) await createPartner(app, program.id, { name: `P${i}`, costPerPoint: "0.01" });
    const query = `query ($p: ID!, $n: Int) {
      partners(programId: $p, first: $n) {
        totalCount
        nodes { name costPerPoint { amount currency } effectivePointConversionRate program { name currency partners(first: 3) { totalCount nodes { name } } } }
      }
    }`;
    const small = await countStatements(async () =>
      expect((await app.gql(query, { p: program.id, n: 2 })).data.partners.nodes).toHaveLength(2),
    );
    const large = await countStatements(async () =>
      expect((await app.gql(query, { p: program.id, n: 25 })).data.partners.nodes).toHaveLength(25),
    );
    expect(large).toBe(small);
    expect(small).toBeGreaterThan(0); // the counter is live
    expect(small).toBeLessThanOrEqual(6);
  });
});
