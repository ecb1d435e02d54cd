// Benchmark (not a test): /r/<code> throughput and latency under concurrent keep-alive load against PostgreSQL,
// side by side in one run with a bare node:http server that only answers 302; prints the ratio, and checks that
// every 302 has its stored click. The load comes from a worker thread, from many visitor addresses. Loopback
// only; bounded in requests and time. Run with `pnpm bench`.
//
// DATABASE_URL: an existing database to use; default: a fresh database created on postgres://postgres@127.0.0.1:5432
// and dropped afterwards. Skips (exit 0) with a message when PostgreSQL is not reachable.
import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Worker } from "node:worker_threads";
import pino from "pino";
import { startApp } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { benchDatabase } from "./bench-database.js";

const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 64);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 20_000);
const WARMUP = 2_000;
const MAX_SECONDS = 60;
const ADMIN_KEY = `pga_bench-${randomBytes(12).toString("hex")}`;
const UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";

interface Result {
  requests: number;
  redirects: number;
  seconds: number;
  latencies: number[];
}

/** Runs the load on a worker thread (bench/load-worker.mjs), so generator and server do not share a loop. */
function load(url: string, total: number, concurrency: number): Promise<Result> {
  const worker = new Worker(new URL("./load-worker.mjs", import.meta.url), {
    workerData: { url, total, concurrency, userAgent: UA, maxSeconds: MAX_SECONDS },
  });
  return new Promise((resolve, reject) => {
    worker.once("message", resolve);
    worker.once("error", reject);
  });
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const row = (name: string, r: Result) =>
  `${name.padEnd(22)} ${String(r.requests).padStart(7)} req  ${(r.requests / r.seconds).toFixed(0).padStart(7)} req/s  p50 ${pct(r.latencies, 50).toFixed(2).padStart(6)} ms  p99 ${pct(r.latencies, 99).toFixed(2).padStart(7)} ms`;

async function main(): Promise<void> {
  const database = await benchDatabase("redirect");
  if (!database) return;
  const databaseUrl = database.url;
  const drop = database.drop;

  // LOG_LEVEL=warn: the per-request info log line is not what is measured here.
  // Many visitors, as behind a proxy: the load generator sends X-Forwarded-For, which the server trusts here.
  const config = loadConfig({
    DATABASE_URL: databaseUrl,
    PORT: "0",
    HOST: "127.0.0.1",
    ADMIN_API_KEY: ADMIN_KEY,
    NODE_ENV: "production",
    LOG_LEVEL: "warn",
    TRUSTED_IP_HEADER: "x-forwarded-for",
  });
  const app = await startApp(config, { log: pino({ level: "warn" }) });
  const bare: Server = createServer((_req, res) =>
    res.writeHead(302, { location: "https://shop.example/landing?pg_click=x" }).end(),
  );
  await new Promise<void>((resolve) => bare.listen(0, "127.0.0.1", resolve));
  const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}/r/bench`;
  try {
    const gql = async (query: string, variables: Record<string, unknown>) => {
      const res = await fetch(`${app.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${ADMIN_KEY}` },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as { data: Record<string, any> };
      return Object.values(body.data)[0];
    };
    const program = await gql(
      `mutation ($i: CreateProgramInput!) { createProgram(input: $i) { ... on CreateProgramPayload { program { id } } } }`,
      { i: { name: "Bench", currency: "EUR", pointsPerCurrencyUnit: "1", timezone: "Europe/Vilnius" } },
    );
    const programId = program.program.id;
    const partner = await gql(
      `mutation ($i: CreatePartnerInput!) { createPartner(input: $i) { ... on CreatePartnerPayload { partner { id } } } }`,
      { i: { programId, name: "Bench partner" } },
    );
    const project = await gql(
      `mutation ($i: CreateProjectInput!) { createProject(input: $i) { ... on CreateProjectPayload { project { id } } } }`,
      { i: { programId, name: "Bench", slug: "bench" } },
    );
    await gql(`mutation ($i: ProjectMembershipInput!) { addPartnerToProject(input: $i) { __typename } }`, {
      i: { projectId: project.project.id, partnerId: partner.partner.id },
    });
    const link = await gql(
      `mutation ($i: CreateReferralLinkInput!) { createReferralLink(input: $i) { ... on CreateReferralLinkPayload { link { code } } } }`,
      { i: { partnerId: partner.partner.id, destinationUrl: "https://shop.example/landing?utm_source=bench" } },
    );
    const appUrl = `${app.url}/r/${link.link.code}`;

    console.log(
      `redirect bench: ${REQUESTS} requests per server after ${WARMUP} warm-up, ${CONCURRENCY} concurrent keep-alive connections, PostgreSQL, loopback`,
    );
    const warm = [await load(bareUrl, WARMUP, CONCURRENCY), await load(appUrl, WARMUP, CONCURRENCY)];
    const bareRun = await load(bareUrl, REQUESTS, CONCURRENCY);
    const appRun = await load(appUrl, REQUESTS, CONCURRENCY);
    console.log(row("bare node:http 302", bareRun));
    console.log(row("/r/<code> (Partnergraph)", appRun));
    const ratio = appRun.requests / appRun.seconds / (bareRun.requests / bareRun.seconds);
    console.log(`throughput ratio: ${(ratio * 100).toFixed(1)}% of the bare server (target ≥ 40%)`);
    console.log(
      `group commit: ${app.clicks.stats.batches} batches, ${app.clicks.stats.items} clicks, largest batch ${app.clicks.stats.largestBatch}`,
    );

    const redirects = warm[1]!.redirects + appRun.redirects;
    const stored = await app.database.prisma.click.count();
    console.log(`302s answered: ${redirects}; clicks stored: ${stored}; lost clicks: ${redirects - stored}`);
    if (stored !== redirects) process.exitCode = 1;
  } finally {
    await new Promise<void>((resolve) => bare.close(() => resolve()));
    await app.close();
    await drop();
  }
}

await main();
process.exit(process.exitCode ?? 0);
