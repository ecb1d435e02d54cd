// Benchmark (not a test): /r/<code> throughput and latency under wrk (a separate, native process, so the
// generator is not the bottleneck: its CPU is printed), beside a bare node:http server that only answers 302,
// driven by the same wrk in the same run. Phases: bare, a fresh link on freshly analysed tables, and a viral link
// that already has VIRAL_CLICKS VALID clicks inside its dedup window with stale statistics (filled after the last
// ANALYZE, as a popular link outgrows a large table's analyse threshold). Every request is a new visitor, so every
// click is VALID and probes its dedup window. Prints redirects/s, p50/p99, the ratios to bare and viral to fresh
// (goal: ≥ 70%), and checks that every 302 has its stored click. Loopback only. Run with `pnpm bench`.
//
// DATABASE_URL: an existing database to use; default: a fresh database created on postgres://postgres@127.0.0.1:5432
// and dropped afterwards. Skips (exit 0) with a message when PostgreSQL or wrk is missing.
// BENCH_SECONDS (10), BENCH_CONCURRENCY (64), BENCH_VIRAL_CLICKS (300000).
import { execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import pg from "pg";
import pino from "pino";
import { startApp } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { benchDatabase } from "./bench-database.js";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 64);
const VIRAL_CLICKS = Number(process.env.BENCH_VIRAL_CLICKS ?? 300_000);
const WARMUP_SECONDS = 3;
const ADMIN_KEY = `pga_bench-${randomBytes(12).toString("hex")}`;
const SCRIPT = fileURLToPath(new URL("./redirect-wrk.lua", import.meta.url));

interface Run {
  requests: number;
  seconds: number;
  p50: number;
  p99: number;
  errors: number;
  non3xx: number;
  /** wrk's own CPU (user + system) over the run, in cores. */
  generatorCores: number;
  /** This process's CPU (the server under test) over the run, in cores. */
  serverCores: number;
}

let runs = 0;

/** One wrk run; `times` (a shell builtin) reports the CPU wrk used, so the generator's load is known. */
function wrk(url: string, seconds: number): Promise<Run> {
  const args = ["-t2", `-c${CONCURRENCY}`, `-d${seconds}s`, "-s", SCRIPT, url, "--", `run${++runs}`];
  const cpu = process.cpuUsage();
  return new Promise((resolve, reject) => {
    const child = spawn("sh", ["-c", 'wrk "$@" && times', "sh", ...args], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
    });
    child.once("error", reject);
    child.once("exit", (code) => {
      if (code !== 0) return reject(new Error(`wrk exited with ${code}: ${out}`));
      const json = out.split("\n").find((l) => l.startsWith("{"));
      // `times` prints the shell's own times, then its children's: "0m1.230s 0m0.450s".
      const children = out
        .trim()
        .split("\n")
        .at(-1)!
        .match(/(\d+)m([\d.]+)s\s+(\d+)m([\d.]+)s/);
      if (!json || !children) return reject(new Error(`unexpected wrk output: ${out}`));
      const used = process.cpuUsage(cpu);
      const r = JSON.parse(json) as Omit<Run, "generatorCores" | "serverCores">;
      const generator = Number(children[1]) * 60 + Number(children[2]) + Number(children[3]) * 60 + Number(children[4]);
      resolve({
        ...r,
        generatorCores: generator / r.seconds,
        serverCores: (used.user + used.system) / 1e6 / r.seconds,
      });
    });
  });
}

const rate = (r: Run) => r.requests / r.seconds;
const line = (name: string, r: Run) =>
  `${name.padEnd(34)} ${rate(r).toFixed(0).padStart(7)} req/s  p50 ${r.p50.toFixed(2).padStart(7)} ms  p99 ${r.p99.toFixed(2).padStart(7)} ms  ` +
  `wrk CPU ${(r.generatorCores * 100).toFixed(0).padStart(3)}% of a core, server ${(r.serverCores * 100).toFixed(0).padStart(3)}%` +
  (r.errors || r.non3xx ? `  errors ${r.errors}, non-3xx ${r.non3xx}` : "");

async function main(): Promise<void> {
  try {
    execFileSync("wrk", ["--version"], { stdio: "ignore" });
  } catch (error) {
    // wrk --version exits 1 after printing its version; only a missing binary is fatal.
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      console.log("redirect bench skipped: wrk is not installed (apt-get install wrk).");
      return;
    }
  }
  const database = await benchDatabase("redirect");
  if (!database) return;

  // LOG_LEVEL=warn: the per-request info log line is not what is measured here. Many visitors, as behind a
  // proxy: wrk sends X-Forwarded-For, which the server trusts here.
  const config = loadConfig({
    DATABASE_URL: database.url,
    PORT: "0",
    HOST: "127.0.0.1",
    ADMIN_API_KEY: ADMIN_KEY,
    NODE_ENV: "production",
    LOG_LEVEL: "warn",
    TRUSTED_IP_HEADER: "x-forwarded-for",
  });
  const app = await startApp(config, { log: pino({ level: "warn" }) });
  const db = new pg.Client({ connectionString: database.url });
  await db.connect();
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
    const newLink = async () =>
      (
        await gql(
          `mutation ($i: CreateReferralLinkInput!) { createReferralLink(input: $i) { ... on CreateReferralLinkPayload { link { code } } } }`,
          { i: { partnerId: partner.partner.id, destinationUrl: "https://shop.example/landing?utm_source=bench" } },
        )
      ).link.code as string;
    const fresh = await newLink();
    const viral = await newLink();

    console.log(
      `redirect bench: wrk -t2 -c${CONCURRENCY}, ${SECONDS} s per phase after ${WARMUP_SECONDS} s warm-up, a new visitor per request, PostgreSQL, loopback`,
    );
    await db.query("ANALYZE");
    await wrk(bareUrl, WARMUP_SECONDS);
    const freshWarm = await wrk(`${app.url}/r/${fresh}`, WARMUP_SECONDS);
    const bareRun = await wrk(bareUrl, SECONDS);
    const freshRun = await wrk(`${app.url}/r/${fresh}`, SECONDS);

    // The last statistics: the fresh link's clicks analysed; what follows is newer than them.
    await db.query("ANALYZE");
    // The viral link's clicks, as the redirect writes them (Click rows and, where the schema has it, each
    // visitor's ClickDedup window), inside the last 10 minutes of its 1-hour window; no ANALYZE afterwards.
    const filled = Date.now();
    await db.query(
      `INSERT INTO "Click" (id, "programId", "projectId", "linkId", "partnerId", status, "ipHash", "visitorHash", "userAgent", "createdAt")
       SELECT gen_random_uuid(), l."programId", l."projectId", l.id, l."partnerId", 'VALID', md5(g::text), md5('v' || g), 'Mozilla/5.0',
              now() - (g % 600) * interval '1 second'
       FROM "ReferralLink" l, generate_series(1, $2::int) g WHERE l.code = $1`,
      [viral, VIRAL_CLICKS],
    );
    const dedup = (await db.query(`SELECT to_regclass('"ClickDedup"') IS NOT NULL AS present`)).rows[0].present;
    if (dedup) {
      await db.query(
        `INSERT INTO "ClickDedup" ("linkId", "visitorHash", "windowStart")
         SELECT c."linkId", c."visitorHash", max(c."createdAt") FROM "Click" c JOIN "ReferralLink" l ON l.id = c."linkId"
         WHERE l.code = $1 AND c.status = 'VALID' GROUP BY 1, 2`,
        [viral],
      );
    }
    console.log(
      `viral link: ${VIRAL_CLICKS} VALID clicks inside its window written in ${((Date.now() - filled) / 1000).toFixed(1)} s, statistics left stale`,
    );
    const viralWarm = await wrk(`${app.url}/r/${viral}`, WARMUP_SECONDS);
    const viralRun = await wrk(`${app.url}/r/${viral}`, SECONDS);

    console.log(line("bare node:http 302", bareRun));
    console.log(line("/r/<code> fresh link", freshRun));
    console.log(line(`/r/<code> viral link (${VIRAL_CLICKS / 1000}k VALID)`, viralRun));
    const pct = (a: Run, b: Run) => `${((rate(a) / rate(b)) * 100).toFixed(1)}%`;
    console.log(`fresh link: ${pct(freshRun, bareRun)} of the bare server`);
    console.log(
      `viral link: ${pct(viralRun, bareRun)} of the bare server, ${pct(viralRun, freshRun)} of the fresh link (goal ≥ 70%)`,
    );
    console.log(
      `group commit: ${app.clicks.stats.batches} batches, ${app.clicks.stats.items} clicks, largest batch ${app.clicks.stats.largestBatch}`,
    );

    // wrk counts the responses it read; requests cut off at the end of a run may still commit their click, so
    // every 302 must have its click and at most a run's connections more clicks may exist.
    const appRuns = [freshWarm, freshRun, viralWarm, viralRun];
    const stored = Number(
      (
        await db.query(
          `SELECT count(*) FROM "Click" c JOIN "ReferralLink" l ON l.id = c."linkId" WHERE l.code = ANY($1)`,
          [[fresh, viral]],
        )
      ).rows[0].count,
    );
    const answered = appRuns.reduce((n, r) => n + r.requests, 0);
    console.log(
      `302s answered: ${answered}; their links' clicks stored beyond the viral fill: ${stored - VIRAL_CLICKS}`,
    );
    if (stored - VIRAL_CLICKS < answered) process.exitCode = 1;
  } finally {
    await new Promise<void>((resolve) => bare.close(() => resolve()));
    await db.end();
    await app.close();
    await database.drop();
  }
}

await main();
process.exit(process.exitCode ?? 0);
