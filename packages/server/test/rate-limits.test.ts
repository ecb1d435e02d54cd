// Request budgets per credential: the standard headers on every answer, QUOTA_EXCEEDED with Retry-After when
// spent, and one shared budget across instances when they share Redis.
import { Redis } from "ioredis";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { createRateLimiter, TIERS, type Tier, tierOf } from "../src/http/rate-limit.js";
import { ADMIN_KEY, createPartner, createProgram, createTestDatabase, startTestApp, type TestApp } from "./helpers.js";

/** Small budgets so tests can spend them: 3 per minute for API credentials. */
const SMALL: Record<Tier, { perHour: number; perMinute: number }> = {
  admin: { perHour: 1000, perMinute: 500 },
  apiCredential: { perHour: 100, perMinute: 3 },
  partnerSession: { perHour: 100, perMinute: 2 },
  anonymous: { perHour: 100, perMinute: 2 },
};

async function ask(url: string, key: string | null) {
  const res = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify({ query: "{ viewer { kind } }" }),
  });
  return {
    status: res.status,
    headers: res.headers,
    body: (await res.json()) as { errors?: { extensions: Record<string, unknown> }[] },
  };
}

describe("rate limits", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({}, { rateLimiter: createRateLimiter(undefined, SMALL) });
  });
  afterAll(async () => {
    await app?.close();
  });

  it("follow loyalty.lt's published tiers", () => {
    expect(TIERS).toMatchObject({
      partnerSession: { perHour: 5000, perMinute: 200 },
      admin: { perHour: 10000, perMinute: 500 },
      apiCredential: { perHour: 8000, perMinute: 300 },
    });
    expect(tierOf({ kind: "partnerKey", id: "k", programId: "p", partnerId: "x", grants: [] })).toBe("apiCredential");
    expect(tierOf({ kind: "user", id: "u", sessionId: "s", email: "e", grants: [{ role: "ADMIN" }] })).toBe("admin");
    expect(tierOf({ kind: "user", id: "u", sessionId: "s", email: "e", grants: [] })).toBe("partnerSession");
  });

  it("announce the budget and refuse with 429, QUOTA_EXCEEDED and Retry-After once it is spent", async () => {
    const program = await createProgram(app);
    const { apiKey } = await createPartner(app, program.id);
    const first = await ask(app.url, apiKey);
    expect(first.status).toBe(200);
    expect(first.headers.get("ratelimit-limit")).toBe("3");
    expect(first.headers.get("ratelimit-remaining")).toBe("2");
    await ask(app.url, apiKey);
    await ask(app.url, apiKey);
    const refused = await ask(app.url, apiKey);
    expect(refused.status).toBe(429);
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({
      code: "QUOTA_EXCEEDED",
      retryAfter: expect.any(Number),
    });
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    // Budgets are per credential: another partner's key is unaffected.
    const other = await createPartner(app, program.id);
    expect((await ask(app.url, other.apiKey)).status).toBe(200);
  });

  it("count anonymous callers per address", async () => {
    await ask(app.url, null);
    await ask(app.url, null);
    const refused = await ask(app.url, null);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe("QUOTA_EXCEEDED");
  });
});

describe.skipIf(!process.env.TEST_REDIS_URL)("rate limits across instances sharing Redis", () => {
  it("draw from one budget", async () => {
    const database = await createTestDatabase();
    const config = loadConfig({ PORT: "0", HOST: "127.0.0.1", ADMIN_API_KEY: ADMIN_KEY });
    const redisA = new Redis(process.env.TEST_REDIS_URL!);
    const redisB = new Redis(process.env.TEST_REDIS_URL!);
    const log = pino({ level: "silent" });
    const a = await startApp(config, { database, log, rateLimiter: createRateLimiter(redisA, SMALL) });
    const b = await startApp(config, { database, log, rateLimiter: createRateLimiter(redisB, SMALL) });
    try {
      const created = await fetch(`${a.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${ADMIN_KEY}` },
        body: JSON.stringify({
          query: `mutation { createProgram(input: { name: "Shared", currency: "EUR", pointsPerCurrencyUnit: "1", timezone: "UTC" }) { ... on CreateProgramPayload { secretKey } } }`,
        }),
      });
      const secretKey = ((await created.json()) as { data: { createProgram: { secretKey: string } } }).data
        .createProgram.secretKey;
      const statuses = [];
      for (const url of [a.url, b.url, a.url, b.url]) statuses.push((await ask(url, secretKey)).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
    } finally {
      await a.close();
      await b.close();
      redisA.disconnect();
      redisB.disconnect();
      await database.close();
    }
  });
});
