// Benchmark (not a test): conversionCreated fan-out. SUBSCRIBERS graphql-ws subscriptions (SOCKETS sockets, the
// rest as several subscriptions per socket) to one program, then CONVERSIONS conversions tracked over HTTP with the
// program's secret key, paced PACE_MS apart. Every subscriber records when each event arrives; prints delivered vs
// expected (CONVERSIONS × SUBSCRIBERS), lost events, and p50/p99 latency from the mutation's response (commit) to
// receipt, and from the send time carried in the externalId. Two parts: (a) one instance; (b) two instances sharing
// the database and Redis, subscribers split half/half, conversions sent to instance B only. Both instances run
// in-process (startApp, each with REDIS_URL and its own Redis connections), so the events really cross Redis.
// Loopback only; bounded by a deadline per part. Prints, never asserts: exit code 1 when an event was lost.
//
// DATABASE_URL: an existing database; default: a fresh database on postgres://postgres@127.0.0.1:5432, dropped
// afterwards. REDIS_URL: default redis://127.0.0.1:6379. Skips (exit 0) when either is not reachable.
import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import { Worker } from "node:worker_threads";
import { Redis } from "ioredis";
import pino from "pino";
import { type App, startApp } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { createRateLimiter, TIERS } from "../src/http/rate-limit.js";
import { benchDatabase } from "./bench-database.js";

const SUBSCRIBERS = Number(process.env.FANOUT_SUBSCRIBERS ?? 1_000);
const SOCKETS = Number(process.env.FANOUT_SOCKETS ?? 100);
const CONVERSIONS = Number(process.env.FANOUT_CONVERSIONS ?? 200);
const PACE_MS = Number(process.env.FANOUT_PACE_MS ?? 5);
const PART_SECONDS = 60;
const ADMIN_KEY = `pga_bench-${randomBytes(12).toString("hex")}`;
const BIG = { perHour: 10_000_000, perMinute: 1_000_000 };
const bigTiers = Object.fromEntries(Object.keys(TIERS).map((t) => [t, BIG])) as Record<keyof typeof TIERS, typeof BIG>;

const pct = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : NaN;
const epoch = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function gql(base: string, key: string, query: string, variables: Record<string, unknown>) {
  const res = await fetch(`${base}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: Record<string, any>; errors?: unknown };
  if (body.errors || !body.data) throw new Error(JSON.stringify(body));
  return Object.values(body.data)[0];
}

const SUBSCRIPTION = `subscription ($f: LiveFilter!) { conversionCreated(filter: $f) { status conversion { externalId } } }`;
const TRACK = `mutation ($i: TrackConversionInput!) { trackConversion(input: $i) { __typename ... on TrackConversionPayload { created } } }`;

async function part(label: string, apps: App[], sendTo: App): Promise<void> {
  const deadline = Date.now() + PART_SECONDS * 1000;
  const base = apps[0]!.url;
  const program = await gql(
    base,
    ADMIN_KEY,
    `mutation ($i: CreateProgramInput!) { createProgram(input: $i) { ... on CreateProgramPayload { secretKey program { id } } } }`,
    { i: { name: `Fanout ${label}`, currency: "EUR", pointsPerCurrencyUnit: "1", timezone: "UTC" } },
  );
  const programId = program.program.id as string;
  const secretKey = program.secretKey as string;
  const project = await gql(
    base,
    ADMIN_KEY,
    `mutation ($i: CreateProjectInput!) { createProject(input: $i) { ... on CreateProjectPayload { project { id } } } }`,
    { i: { programId, name: "Fanout", slug: `fanout-${randomBytes(3).toString("hex")}` } },
  );
  const projectId = project.project.id as string;

  // Sockets spread round-robin over the instances, subscriptions evenly over the sockets, all on a worker thread.
  const sockets = Math.min(SOCKETS, SUBSCRIBERS);
  const before = apps.map((a) => a.events.listenerCount());
  const urls = Array.from({ length: sockets }, (_, s) => `${apps[s % apps.length]!.url.replace("http", "ws")}/graphql`);
  const worker = new Worker(new URL("./fanout-worker.mjs", import.meta.url), {
    workerData: { urls, subscribers: SUBSCRIBERS, programId, adminKey: ADMIN_KEY, query: SUBSCRIPTION },
  });
  const ask = <T>(message: string) => new Promise<T>((resolve) => worker.once("message", resolve).postMessage(message));
  const dispose = async () => {
    await ask("dispose");
    await worker.terminate();
  };
  // Live once every subscription holds a listener on the bus of its instance.
  const perApp = apps.map(
    (_, k) => Array.from({ length: SUBSCRIBERS }, (_, i) => i).filter((i) => (i % sockets) % apps.length === k).length,
  );
  const t0 = performance.now();
  while (apps.some((a, k) => a.events.listenerCount() - before[k]! < perApp[k]!)) {
    const state = await ask<{ errorCount: number; errors: string[] }>("count");
    if (Date.now() > deadline || state.errorCount) {
      console.log(
        `${label}: subscribers never all live (${apps.map((a, k) => a.events.listenerCount() - before[k]!).join("+")} of ${SUBSCRIBERS}); errors: ${state.errors.join("; ")}`,
      );
      process.exitCode = 1;
      await dispose();
      return;
    }
    await sleep(20);
  }
  console.log(
    `${label}: ${SUBSCRIBERS} subscribers live on ${sockets} sockets (${perApp.join(" + ")} per instance) in ${(performance.now() - t0).toFixed(0)} ms`,
  );

  // Commit the conversions on `sendTo`, PACE_MS apart; externalId carries the send time.
  const sentAt = new Map<string, number>();
  const committedAt = new Map<string, number>();
  const inflight: Promise<void>[] = [];
  let failed = 0;
  for (let n = 0; n < CONVERSIONS && Date.now() < deadline; n++) {
    const sent = epoch();
    const externalId = `fanout-${n}-${sent.toFixed(3)}`;
    sentAt.set(externalId, sent);
    inflight.push(
      gql(sendTo.url, secretKey, TRACK, { i: { projectId, type: "SALE", externalId, amount: "10.00" } }).then(
        (r) => {
          if (r.created) committedAt.set(externalId, epoch());
          else failed++;
        },
        (e: unknown) => {
          failed++;
          if (failed <= 3) console.log(`${label}: trackConversion failed: ${(e as Error).message}`);
        },
      ),
    );
    await sleep(PACE_MS);
  }
  await Promise.all(inflight);
  const firstCommit = Math.min(...committedAt.values());
  const expected = committedAt.size * SUBSCRIBERS;
  let progress = { count: 0, errorCount: 0, errors: [] as string[] };
  for (;;) {
    progress = await ask<typeof progress>("count");
    if (progress.count >= expected || Date.now() > deadline || progress.errorCount) break;
    await sleep(50);
  }
  const collected = await ask<{ receipts: [number, string, number][]; errorCount: number; errors: string[] }>(
    "collect",
  );
  const errors = collected.errors;
  const seen = new Set<string>();
  const fromCommit: number[] = [];
  const fromSend: number[] = [];
  let early = 0;
  let lastReceipt = 0;
  for (const [subscriber, id, at] of collected.receipts) {
    const commit = committedAt.get(id);
    if (commit === undefined) continue;
    seen.add(`${subscriber}/${id}`);
    lastReceipt = Math.max(lastReceipt, at);
    const ms = at - commit;
    if (ms < 0) early++;
    fromCommit.push(ms);
    fromSend.push(at - sentAt.get(id)!);
  }
  const delivered = seen.size;
  fromCommit.sort((x, y) => x - y);
  fromSend.sort((x, y) => x - y);
  const lost = expected - delivered;
  console.log(
    `${label}: conversions committed ${committedAt.size} of ${CONVERSIONS} (failed ${failed}), sent to ${sendTo === apps[0] ? "the instance" : "instance B"}`,
  );
  console.log(
    `${label}: delivered ${delivered} of ${expected} expected (${committedAt.size} × ${SUBSCRIBERS}); lost events (not delivered by the ${PART_SECONDS} s deadline): ${lost}; ${(delivered / ((lastReceipt - firstCommit) / 1000)).toFixed(0)} deliveries/s${collected.errorCount ? `; subscription errors: ${collected.errorCount} (${errors[0]})` : ""}`,
  );
  console.log(
    `${label}: latency response→receipt p50 ${pct(fromCommit, 50).toFixed(1)} ms  p99 ${pct(fromCommit, 99).toFixed(1)} ms  max ${pct(fromCommit, 100).toFixed(1)} ms` +
      `  (${early} receipts arrived before the mutation's response);  send→receipt p50 ${pct(fromSend, 50).toFixed(1)} ms  p99 ${pct(fromSend, 99).toFixed(1)} ms`,
  );
  if (lost !== 0 || failed !== 0 || collected.errorCount) process.exitCode = 1;
  await dispose();
}

async function main(): Promise<void> {
  const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
  const probe = new Redis(redisUrl, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    connectTimeout: 3000,
  });
  probe.on("error", () => {});
  try {
    await probe.connect();
    await probe.ping();
  } catch (error) {
    console.log(
      `fanout bench skipped: Redis is not reachable at ${redisUrl} (${(error as Error).message}). Set REDIS_URL to run it.`,
    );
    return;
  } finally {
    probe.disconnect();
  }
  const database = await benchDatabase("fanout");
  if (!database) return;
  const databaseUrl = database.url;
  const drop = database.drop;

  console.log(
    `fanout bench: ${SUBSCRIBERS} conversionCreated subscribers on ${Math.min(SOCKETS, SUBSCRIBERS)} sockets, ${CONVERSIONS} conversions ${PACE_MS} ms apart, PostgreSQL + Redis, loopback`,
  );
  const env = {
    DATABASE_URL: databaseUrl,
    PORT: "0",
    HOST: "127.0.0.1",
    ADMIN_API_KEY: ADMIN_KEY,
    NODE_ENV: "production",
    LOG_LEVEL: "warn",
  };
  const start = (redis?: string) =>
    startApp(loadConfig({ ...env, ...(redis && { REDIS_URL: redis }) }), {
      log: pino({ level: "warn" }),
      rateLimiter: createRateLimiter(undefined, bigTiers),
    });
  const apps: App[] = [];
  try {
    const single = await start();
    apps.push(single);
    await part("(a) one instance", [single], single);
    await single.close();
    apps.length = 0;

    const a = await start(redisUrl);
    apps.push(a);
    const b = await start(redisUrl);
    apps.push(b);
    await part("(b) two instances over Redis", [a, b], b);
  } finally {
    await Promise.all(apps.map((app) => app.close()));
    await drop();
  }
}

await main();
process.exit(process.exitCode ?? 0);
