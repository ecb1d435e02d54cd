// Benchmark (not a test): referralStats and topPartners through GraphQL over HTTP against a seeded PostgreSQL
// database: a project's 90-day series by day, its last 30 days by hour (90 days of hours exceed the 1,000-bucket
// limit), the whole program's and its busiest partner's 90 days by day, and the project's top partners over 90
// days. Each query runs RUNS times after a warm-up; prints median and p95. Bounded: the seed is set-based and each
// query stops after MAX_SECONDS. Prints, never asserts.
//
// VOLUME: clicks to seed (default 200,000; the figure is VOLUME=1000000), conversions = VOLUME / 20.
// DATABASE_URL: an existing database to seed into (a new program each run); default: a fresh database created on
// postgres://postgres@127.0.0.1:5432 and dropped afterwards. Skips (exit 0) when PostgreSQL is not reachable.
import { randomBytes } from "node:crypto";
import pino from "pino";
import { seedVolume } from "../scripts/volume.js";
import { startApp } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { benchDatabase } from "./bench-database.js";

const VOLUME = Number(process.env.VOLUME ?? 200_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const MAX_SECONDS = 30;
const ADMIN_KEY = `pga_bench-${randomBytes(12).toString("hex")}`;

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function main(): Promise<void> {
  const database = await benchDatabase("analytics");
  if (!database) return;
  const databaseUrl = database.url;
  const drop = database.drop;
  try {
    const seeded = await seedVolume(databaseUrl, {
      clicks: VOLUME,
      conversions: Math.max(1, Math.floor(VOLUME / 20)),
      log: () => {},
    });
    console.log(
      `analytics bench: ${seeded.clicks.toLocaleString("en")} clicks, ${seeded.conversions.toLocaleString("en")} conversions, ` +
        `${seeded.commissions.toLocaleString("en")} commissions over 90 days (seeded in ${seeded.seconds.toFixed(1)} s); ${RUNS} runs per query after 2 warm-up, PostgreSQL, loopback`,
    );
    const app = await startApp(
      loadConfig({
        DATABASE_URL: databaseUrl,
        PORT: "0",
        HOST: "127.0.0.1",
        ADMIN_API_KEY: ADMIN_KEY,
        NODE_ENV: "production",
        LOG_LEVEL: "warn",
      }),
      { log: pino({ level: "warn" }) },
    );
    try {
      const gql = async (query: string, variables: Record<string, unknown>) => {
        const res = await fetch(`${app.url}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${ADMIN_KEY}` },
          body: JSON.stringify({ query, variables }),
        });
        const body = (await res.json()) as { data?: Record<string, any>; errors?: unknown };
        if (body.errors || !body.data) throw new Error(JSON.stringify(body));
        return Object.values(body.data)[0];
      };
      const STATS = `query ($i: ReferralStatsInput!) { referralStats(input: $i) { buckets { start values { rawClicks uniqueClicks conversions revenue { amount currency } commissions { amount } } } totals { rawClicks uniqueClicks conversions revenue { amount } commissions { amount } conversionRate earningsPerClick { amount } } } }`;
      const TOP = `query ($i: TopPartnersInput!) { topPartners(input: $i) { partner { id name } rawClicks uniqueClicks conversions revenue { amount } commissions { amount } conversionRate } }`;
      const now = new Date();
      const ago = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();
      const [top] = await gql(`query ($i: TopPartnersInput!) { topPartners(input: $i) { partner { id } } }`, {
        i: { projectId: seeded.projectGid, from: ago(90), to: now.toISOString(), orderBy: "UNIQUE_CLICKS", first: 1 },
      });
      const cases: { name: string; query: string; input: Record<string, unknown>; describe: (r: any) => string }[] = [
        {
          name: "referralStats 90 d by DAY",
          query: STATS,
          input: {
            programId: seeded.programGid,
            projectId: seeded.projectGid,
            from: ago(90),
            to: now.toISOString(),
            interval: "DAY",
          },
          describe: (r) => `${r.buckets.length} buckets, ${r.totals.rawClicks} clicks`,
        },
        {
          name: "referralStats 30 d by HOUR",
          query: STATS,
          input: {
            programId: seeded.programGid,
            projectId: seeded.projectGid,
            from: ago(30),
            to: now.toISOString(),
            interval: "HOUR",
          },
          describe: (r) => `${r.buckets.length} buckets, ${r.totals.rawClicks} clicks`,
        },
        {
          name: "program 90 d by DAY",
          query: STATS,
          input: { programId: seeded.programGid, from: ago(90), to: now.toISOString(), interval: "DAY" },
          describe: (r) => `${r.buckets.length} buckets, ${r.totals.rawClicks} clicks`,
        },
        {
          name: "top partner 90 d by DAY",
          query: STATS,
          input: {
            programId: seeded.programGid,
            partnerId: top.partner.id,
            from: ago(90),
            to: now.toISOString(),
            interval: "DAY",
          },
          describe: (r) => `${r.buckets.length} buckets, ${r.totals.rawClicks} clicks`,
        },
        {
          name: "topPartners 90 d (10)",
          query: TOP,
          input: { projectId: seeded.projectGid, from: ago(90), to: now.toISOString(), orderBy: "REVENUE", first: 10 },
          describe: (r) => `${r.length} partners`,
        },
      ];
      for (const c of cases) {
        let last: unknown;
        for (let w = 0; w < 2; w++) last = await gql(c.query, { i: c.input });
        const times: number[] = [];
        const started = performance.now();
        while (times.length < RUNS && performance.now() - started < MAX_SECONDS * 1000) {
          const t = performance.now();
          last = await gql(c.query, { i: c.input });
          times.push(performance.now() - t);
        }
        times.sort((a, b) => a - b);
        console.log(
          `${c.name.padEnd(30)} ${String(times.length).padStart(3)} runs  median ${pct(times, 50).toFixed(1).padStart(7)} ms  p95 ${pct(times, 95).toFixed(1).padStart(7)} ms  (${c.describe(last)})`,
        );
      }
    } finally {
      await app.close();
    }
  } finally {
    await drop();
  }
}

await main();
process.exit(process.exitCode ?? 0);
