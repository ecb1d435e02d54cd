// Two real server processes behind one PostgreSQL database and one Redis: a conversionCreated subscriber on A
// hears a conversion tracked over HTTP on B. Needs the services; CI sets TEST_DATABASE_URL and TEST_REDIS_URL.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { decodeGlobalID } from "@pothos/plugin-relay";
import { createClient } from "graphql-ws";
import { Redis } from "ioredis";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { graphql } from "./gql/index.js";
import { ADMIN_KEY, CREATE_PROGRAM, ofType, postGql } from "./helpers.js";

const adminUrl = process.env.TEST_DATABASE_URL;
const redisUrl = process.env.TEST_REDIS_URL;
const serverDir = fileURLToPath(new URL("..", import.meta.url));

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
    probe.once("error", reject);
  });
}

/** Posts a typed document as admin to a process's /graphql; its data (throws on errors). */
async function gql<R, V>(base: string, document: TypedDocumentNode<R, V>, variables: V): Promise<R> {
  const body = await postGql(`${base}/graphql`, document, variables);
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

describe.skipIf(!adminUrl || !redisUrl)("two server processes sharing PostgreSQL and Redis", () => {
  const dbName = `pg_test_${randomBytes(6).toString("hex")}`;
  const processes: ChildProcess[] = [];
  const output: string[] = [];
  let a = "";
  let b = "";

  async function startProcess(databaseUrl: string): Promise<string> {
    const port = await freePort();
    // tsx runs the sources, so the test needs no build; `node dist/src/main.js` behaves the same.
    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      cwd: serverDir,
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        REDIS_URL: redisUrl,
        ADMIN_API_KEY: ADMIN_KEY,
        PORT: String(port),
        HOST: "127.0.0.1",
        NODE_ENV: "test",
        LOG_LEVEL: "warn",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout!.on("data", (d: Buffer) => output.push(d.toString()));
    child.stderr!.on("data", (d: Buffer) => output.push(d.toString()));
    processes.push(child);
    const base = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 30_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}: ${output.join("")}`);
      const ok = await fetch(`${base}/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return base;
      if (Date.now() > deadline) throw new Error(`server did not become healthy: ${output.join("")}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${dbName}"`);
    await admin.end();
    const url = new URL(adminUrl!);
    url.pathname = `/${dbName}`;
    // Started together: the migration runner's advisory lock lets only one of them migrate.
    [a, b] = await Promise.all([startProcess(url.toString()), startProcess(url.toString())]);
  }, 60_000);

  afterAll(async () => {
    await Promise.all(
      processes.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null) return resolve();
            child.once("exit", () => resolve());
            child.kill("SIGTERM");
            setTimeout(() => child.kill("SIGKILL"), 12_000).unref();
          }),
      ),
    );
    const dropper = new pg.Client({ connectionString: adminUrl });
    await dropper.connect();
    await dropper.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await dropper.end();
  }, 30_000);

  it("deliver a conversion tracked on B to a conversionCreated subscriber on A", async () => {
    const created = (
      await gql(b, CREATE_PROGRAM, {
        input: { name: "Two processes", currency: "EUR", pointsPerCurrencyUnit: "1", timezone: "UTC" },
      })
    ).createProgram;
    const program = ofType(created, "CreateProgramPayload").program;
    const project = ofType(
      (
        await gql(
          b,
          graphql(
            `mutation ProcessesCreateProject($i: CreateProjectInput!) { createProject(input: $i) { __typename ... on CreateProjectPayload { project { id } } } }`,
          ),
          { i: { programId: program.id, name: "Live", slug: "live" } },
        )
      ).createProject,
      "CreateProjectPayload",
    ).project;

    const client = createClient({
      url: `${a.replace("http", "ws")}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${ADMIN_KEY}` },
    });
    const probe = new Redis(redisUrl!);
    try {
      const events = client.iterate<{
        conversionCreated: { status: string; conversion: { externalId: string } | null };
      }>({
        query: `subscription ($f: LiveFilter!) { conversionCreated(filter: $f) { status conversion { externalId } } }`,
        variables: { f: { programId: program.id } },
      });
      const first = events.next();
      // A's subscription is live once Redis holds its SUBSCRIBE to the program's topic.
      const topic = `program:${decodeGlobalID(program.id).id}`;
      const deadline = Date.now() + 10_000;
      while (Number(((await probe.pubsub("NUMSUB", topic)) as [string, number])[1]) < 1) {
        if (Date.now() > deadline) throw new Error("A never subscribed in Redis");
        await new Promise((r) => setTimeout(r, 20));
      }
      const tracked = await gql(
        b,
        graphql(
          `mutation ProcessesTrackConversion($i: TrackConversionInput!) { trackConversion(input: $i) { __typename ... on TrackConversionPayload { created } } }`,
        ),
        {
          i: { projectId: project.id, type: "SALE", externalId: "made-on-b", amount: "12.00" },
        },
      );
      expect(tracked.trackConversion).toEqual({ __typename: "TrackConversionPayload", created: true });
      const { value } = await first;
      expect(value?.data?.conversionCreated).toEqual({
        status: "UNATTRIBUTED",
        conversion: { externalId: "made-on-b" },
      });
      await events.return?.();
    } finally {
      await client.dispose();
      probe.disconnect();
    }
  }, 30_000);
});
