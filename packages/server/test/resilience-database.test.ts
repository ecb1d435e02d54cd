// A hung or stopped PostgreSQL: every route answers 503 with Retry-After within the configured timeouts (GraphQL
// with SERVICE_UNAVAILABLE, /receipt/points in the reference's error shape, /export as JSON, /r/ as a page,
// /health), nothing crashes, and the server recovers once the database is back. A private PostgreSQL cluster is
// hung with SIGSTOP, resumed, stopped and restarted.
import type { VariablesOf } from "@graphql-typed-document-node/core";
import { print } from "graphql";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type App, startApp } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { graphql } from "./gql/index.js";
import { ADMIN_KEY, createPartner, createProgram, postGql, type TestApp } from "./helpers.js";
import { addToProject, click, createLink, createProject } from "./referral-helpers.js";
import { type ControlledService, hasPostgresServer, startPostgres } from "./services.js";

const PARTNERS = graphql(`
  query ResilienceDatabasePartners($programId: ID!) {
    partners(programId: $programId, first: 5) { totalCount }
  }
`);

describe.skipIf(!hasPostgresServer)("when PostgreSQL hangs or stops", () => {
  let postgres: ControlledService;
  let app: App;
  let programId: string;
  let secretKey: string;
  let linkCode: string;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => void unhandled.push(reason);

  beforeAll(async () => {
    process.on("unhandledRejection", onUnhandled);
    postgres = await startPostgres();
    const config = loadConfig({
      PORT: "0",
      HOST: "127.0.0.1",
      ADMIN_API_KEY: ADMIN_KEY,
      DATABASE_URL: postgres.url,
      DATABASE_CONNECT_TIMEOUT_MS: "1000",
      DATABASE_STATEMENT_TIMEOUT_MS: "1500",
    });
    app = await startApp(config, { log: pino({ level: process.env.TEST_LOG_LEVEL ?? "silent" }) });
    // The helpers need only a URL and gql.
    const testApp = Object.assign(Object.create(app), {
      gql: (document: string, variables?: Record<string, unknown>, key: string | null = ADMIN_KEY) =>
        postGql(`${app.url}/graphql`, document, variables, key),
    }) as TestApp;
    const program = await createProgram(testApp);
    programId = program.id;
    secretKey = program.secretKey;
    const partner = await createPartner(testApp, programId);
    const project = await createProject(testApp, programId);
    await addToProject(testApp, project.id, partner.id, true);
    linkCode = (await createLink(testApp, partner.id)).code;
  }, 60_000);

  afterAll(async () => {
    postgres?.resume();
    await app?.close();
    await postgres?.dispose();
    process.off("unhandledRejection", onUnhandled);
  });

  /** One request to every route, in parallel. */
  async function everyRoute() {
    const [query, redirect, unknownLink, receipt, exported, health] = await Promise.all([
      fetch(`${app.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${ADMIN_KEY}` },
        body: JSON.stringify({
          query: print(PARTNERS),
          variables: { programId } satisfies VariablesOf<typeof PARTNERS>,
        }),
      }),
      click({ url: app.url } as TestApp, linkCode),
      click({ url: app.url } as TestApp, "nosuchlink"),
      // A whole basket: quoting it reads the program's configuration (the key itself may come from the
      // principal cache without the database).
      fetch(`${app.url}/receipt/points`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-ct-authorization": `CTApiKey ${secretKey}` },
        body: JSON.stringify({
          date_purchased: "2026-05-01T10:00:00+00:00",
          items: [{ sku: "SKU_1", price: "10.00", quantity: 1 }],
        }),
      }),
      fetch(`${app.url}/export/members.csv?programId=${encodeURIComponent(programId)}`, {
        headers: { authorization: `Bearer ${ADMIN_KEY}` },
      }),
      fetch(`${app.url}/health`),
    ]);
    return {
      query: { status: query.status, retryAfter: query.headers.get("retry-after"), body: await query.json() },
      redirect,
      unknownLink,
      receipt: { status: receipt.status, retryAfter: receipt.headers.get("retry-after"), body: await receipt.json() },
      exported: {
        status: exported.status,
        retryAfter: exported.headers.get("retry-after"),
        body: await exported.text(),
      },
      health: { status: health.status, retryAfter: health.headers.get("retry-after"), body: await health.json() },
    };
  }

  function expectServing(answers: Awaited<ReturnType<typeof everyRoute>>) {
    expect(answers.query).toMatchObject({ status: 200, body: { data: { partners: { totalCount: 1 } } } });
    expect(answers.query.body.errors).toBeUndefined();
    expect(answers.redirect.status).toBe(302);
    expect(answers.unknownLink.status).toBe(404);
    expect(answers.receipt.status).toBe(200);
    expect(answers.exported.status).toBe(200);
    expect(answers.exported.body).toMatch(/^memberId,/);
    expect(answers.health).toMatchObject({ status: 200, body: { status: "ok", database: "ok" } });
  }

  function expectUnavailable(answers: Awaited<ReturnType<typeof everyRoute>>) {
    expect(answers.query).toMatchObject({
      status: 503,
      retryAfter: "5",
      body: { errors: [{ extensions: { code: "SERVICE_UNAVAILABLE", retryAfter: 5 } }] },
    });
    expect(answers.redirect.status).toBe(503);
    expect(answers.redirect.headers.get("retry-after")).not.toBeNull();
    expect(answers.unknownLink.status).toBe(503);
    expect(answers.receipt).toMatchObject({
      status: 503,
      retryAfter: "5",
      body: {
        error: { system: "PotentialPointsController", reason: "internal_error", description: "Service Unavailable" },
      },
    });
    expect(answers.exported).toMatchObject({ status: 503, retryAfter: "5" });
    expect(JSON.parse(answers.exported.body)).toMatchObject({ error: { code: "SERVICE_UNAVAILABLE" } });
    expect(answers.health).toMatchObject({ status: 503, retryAfter: "5", body: { database: "unavailable" } });
  }

  async function recovered() {
    while ((await fetch(`${app.url}/health`)).status !== 200) await new Promise((r) => setTimeout(r, 100));
  }

  it("answers 503 with Retry-After on every route while it hangs, and serves again once it resumes", async () => {
    expectServing(await everyRoute());
    postgres.pause();
    try {
      // Twice: the second round finds the pool's connections stuck in the first round's statements.
      expectUnavailable(await everyRoute());
      expectUnavailable(await everyRoute());
    } finally {
      postgres.resume();
    }
    await recovered();
    expectServing(await everyRoute());
    expect(unhandled).toEqual([]);
  }, 60_000);

  it("answers 503 with Retry-After while it is stopped, and serves again after a restart", async () => {
    await postgres.stop();
    expectUnavailable(await everyRoute());
    await postgres.start();
    await recovered();
    expectServing(await everyRoute());
    expect(unhandled).toEqual([]);
  }, 60_000);
});
