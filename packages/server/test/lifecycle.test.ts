// Start-up and shutdown: the embedded database persists on disk, the bootstrap admin key is minted once,
// shutdown lets in-flight requests finish and closes subscriptions; migrations are safe to race on PostgreSQL.

import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { createClient } from "graphql-ws";
import pg from "pg";
import pino from "pino";
import { describe, expect, it, vi } from "vitest";
import WebSocket from "ws";
import { startApp } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { pgSession } from "../src/db/database.js";
import { migrate, readMigrations } from "../src/db/migrate.js";
import { graphql } from "./gql/index.js";
import { CREATE_PROGRAM, createTestDatabase, ofType, postGql } from "./helpers.js";

// Whole servers and migration engines start here: on a loaded two-core machine that alone can take 30 s.
vi.setConfig({ testTimeout: 120_000 });

const silent = pino({ level: "silent" });

/** Posts a typed document to an app's /graphql with `key`. */
const post = <R, V>(url: string, document: TypedDocumentNode<R, V>, key: string | null, variables?: V) =>
  postGql(`${url}/graphql`, document, variables, key);

const PROGRAM_NAMES = graphql(`query LifecycleProgramNames { programs { nodes { name } } }`);
const VIEWER_KIND = graphql(`query LifecycleViewerKind { viewer { kind } }`);

describe("embedded database on disk", () => {
  it("mints the admin key once, stores only its hash, and keeps data across restarts", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "pg-data-"));
    const config = loadConfig({ DATA_DIR: dataDir, PORT: "0", HOST: "127.0.0.1" });
    expect(config.database).toEqual({ kind: "pglite", dataDir: join(dataDir, "pglite") });

    const first = await startApp(config, { log: silent });
    const key = first.bootstrapAdminKey;
    expect(key).toMatch(/^pga_/);
    const stored = await first.database.prisma.apiKey.findFirstOrThrow({ where: { kind: "ADMIN" } });
    expect(stored.hash).not.toContain(key!.slice(4));
    expect(stored.prefix).toBe(key!.slice(0, 12));
    const created = await post(first.url, CREATE_PROGRAM, key, {
      input: { name: "Persisted", currency: "USD", pointsPerCurrencyUnit: "1", timezone: "UTC" },
    });
    expect(ofType(created.data.createProgram, "CreateProgramPayload").program.name).toBe("Persisted");
    await first.close();

    const second = await startApp(config, { log: silent });
    expect(second.bootstrapAdminKey).toBeNull();
    expect(second.database.migrations.applied).toEqual([]);
    const programs = await post(second.url, PROGRAM_NAMES, key);
    expect(programs.data.programs.nodes).toEqual([{ name: "Persisted" }]);
    await second.close();
  });
});

describe("shutdown", () => {
  it("finishes in-flight requests, refuses new ones and closes subscriptions with 1001", async () => {
    const database = await createTestDatabase();
    const config = loadConfig({ PORT: "0", HOST: "127.0.0.1", ADMIN_API_KEY: "pga_shutdown-test-key-0123456789" });
    const app = await startApp(config, { database, log: silent });
    const created = await post(app.url, CREATE_PROGRAM, "pga_shutdown-test-key-0123456789", {
      input: { name: "Live", currency: "EUR", pointsPerCurrencyUnit: "1", timezone: "UTC" },
    });
    const programId = ofType(created.data.createProgram, "CreateProgramPayload").program.id;

    const socketClosed = new Promise<number>((resolve) => {
      const client = createClient({
        url: `${app.url.replace("http", "ws")}/graphql`,
        webSocketImpl: WebSocket,
        retryAttempts: 0,
        connectionParams: { authorization: "Bearer pga_shutdown-test-key-0123456789" },
        on: { closed: (event) => resolve((event as { code: number }).code) },
      });
      client.subscribe(
        { query: `subscription ($p: ID!) { partnerChanged(programId: $p) { type } }`, variables: { p: programId } },
        { next() {}, error() {}, complete() {} },
      );
    });

    while (app.events.listenerCount() < 1) await new Promise((r) => setTimeout(r, 5));
    let received = 0;
    app.http.server.on("request", () => received++);
    const inFlight = Array.from({ length: 10 }, () => post(app.url, VIEWER_KIND, "pga_shutdown-test-key-0123456789"));
    while (received < 10) await new Promise((r) => setTimeout(r, 5));
    const closing = app.close();
    const results = await Promise.all(inFlight);
    expect(results.map((r) => r.status)).toEqual(Array(10).fill(200));
    await closing;
    expect(await socketClosed).toBe(1001);
    await expect(fetch(`${app.url}/health`)).rejects.toThrow();
    await database.close();
  });
});

describe.skipIf(!process.env.TEST_DATABASE_URL)("migrations on PostgreSQL", () => {
  it("run once when several instances start together", async () => {
    const database = await createTestDatabase(); // already migrated: use its database for a fresh schema-free race
    const url = new URL(process.env.TEST_DATABASE_URL!);
    const name = `pg_race_${Date.now()}`;
    const admin = new pg.Client({ connectionString: url.toString() });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    url.pathname = `/${name}`;
    const migrations = await readMigrations();
    const clients = await Promise.all(
      Array.from({ length: 4 }, async () => {
        const c = new pg.Client({ connectionString: url.toString() });
        await c.connect();
        return c;
      }),
    );
    const results = await Promise.all(clients.map((c) => migrate(pgSession(c), migrations)));
    expect(results.flatMap((r) => r.applied)).toEqual(migrations.map((m) => m.name));
    const rows = await clients[0]!.query(`SELECT count(*)::int AS n FROM "_prisma_migrations"`);
    expect(rows.rows[0].n).toBe(migrations.length);
    await Promise.all(clients.map((c) => c.end()));
    await admin.query(`DROP DATABASE "${name}" WITH (FORCE)`);
    await admin.end();
    await database.close();
  });
});
