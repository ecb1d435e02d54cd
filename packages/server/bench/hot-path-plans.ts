// Benchmark (not a test): the plans of the hot paths' statements at 1,000,000 rows, first on fresh statistics,
// then with stale ones: after ANALYZE, one link gets VIRAL VALID clicks in the last hour and one loyalty card
// VIRAL activities today (a popular link or a chain's busy card outgrows a large table's analyse threshold).
// A plan that changes between the two columns, or reads far more rows than it returns, is a cliff. Prints the
// index each statement uses, rows read and time. The statements are written as the app sends them (Prisma's
// SQL for findFirst/findMany/count/aggregate; the analytics SQL of live stats).
//
// Rows are written set-based with foreign-key triggers off (session_replication_role = replica): only the
// planner's view of the tables matters here. DATABASE_URL or a fresh database (dropped afterwards), as the
// other benches. ROWS (1000000) and VIRAL (300000) set the sizes.
import { randomUUID } from "node:crypto";
import pg from "pg";
import pino from "pino";
import { startApp } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { benchDatabase } from "./bench-database.js";

const ROWS = Number(process.env.ROWS ?? 1_000_000);
const VIRAL = Number(process.env.VIRAL ?? 300_000);
const HOUR = 3600_000;

const program = randomUUID();
const project = randomUUID();
const viralLink = randomUUID();
const viralPartner = randomUUID();
const hotCard = randomUUID();
const hotStaff = "staff-hot";
const hotMember = randomUUID();

interface Probe {
  name: string;
  sql: string;
  values: () => unknown[];
}

const now = Date.now();
const monthStart = new Date(Date.UTC(new Date(now).getUTCFullYear(), new Date(now).getUTCMonth(), 1));
const dayStart = new Date(now - (now % (24 * HOUR)));
const dayEnd = new Date(dayStart.getTime() + 24 * HOUR);

const PROBES: Probe[] = [
  {
    name: "redirect dedup probe (ClickDedup by key)",
    sql: `SELECT d."windowStart" FROM "ClickDedup" d WHERE d."linkId" = $1 AND d."visitorHash" = $2`,
    values: () => [viralLink, "visitor-new"],
  },
  {
    name: "attribution by code: latest VALID click of the link",
    sql: `SELECT id, "partnerId", "linkId" FROM "Click" WHERE "linkId" = $1 AND status = 'VALID'
          AND "createdAt" >= $2 AND "createdAt" <= $3 ORDER BY "createdAt" DESC LIMIT 1`,
    values: () => [viralLink, new Date(now - 30 * 24 * HOUR), new Date(now)],
  },
  {
    name: "attribution by clickId",
    sql: `SELECT id, "partnerId", "linkId" FROM "Click" WHERE id = $1 AND "projectId" = $2
          AND status IN ('VALID', 'DUPLICATE') AND "createdAt" >= $3 AND "createdAt" <= $4 LIMIT 1`,
    values: () => [randomUUID(), project, new Date(now - 30 * 24 * HOUR), new Date(now)],
  },
  {
    name: "commission sync: a page of the month's VALID clicks",
    sql: `SELECT id, "projectId", "partnerId", "createdAt" FROM "Click" WHERE "programId" = $1 AND status = 'VALID'
          AND "createdAt" >= $2 AND "createdAt" < $3 ORDER BY id ASC LIMIT 1000`,
    values: () => [program, monthStart, new Date(now + HOUR)],
  },
  {
    name: "live stats: clicks of the last 60 minutes, program",
    sql: `SELECT date_bin('15 minutes', "createdAt", 'epoch') AS slot, count(*), count(*) FILTER (WHERE status = 'VALID')
          FROM "Click" WHERE "programId" = $1 AND "createdAt" >= $2 AND "createdAt" < $3 GROUP BY 1`,
    values: () => [program, new Date(now - HOUR), new Date(now + 1)],
  },
  {
    name: "live stats: clicks of the last 60 minutes, project",
    sql: `SELECT date_bin('15 minutes', "createdAt", 'epoch') AS slot, count(*), count(*) FILTER (WHERE status = 'VALID')
          FROM "Click" WHERE "projectId" = $1 AND "createdAt" >= $2 AND "createdAt" < $3 GROUP BY 1`,
    values: () => [project, new Date(now - HOUR), new Date(now + 1)],
  },
  {
    name: "live stats: clicks of the last 60 minutes, viral partner",
    sql: `SELECT date_bin('15 minutes', "createdAt", 'epoch') AS slot, count(*), count(*) FILTER (WHERE status = 'VALID')
          FROM "Click" WHERE "projectId" = $1 AND "createdAt" >= $2 AND "createdAt" < $3 AND "partnerId" = $4 GROUP BY 1`,
    values: () => [project, new Date(now - HOUR), new Date(now + 1), viralPartner],
  },
  {
    name: "daily limit: the member's staff actions today",
    sql: `SELECT count(*) FROM "Activity" WHERE "cardId" = $1 AND type IN ('POINTS_AWARDED', 'STAMPS_ADDED', 'REWARD_REDEEMED')
          AND "createdAt" >= $2 AND "createdAt" < $3 AND "memberId" = $4`,
    values: () => [hotCard, dayStart, dayEnd, hotMember],
  },
  {
    name: "daily limit: the staff member's actions today",
    sql: `SELECT count(*) FROM "Activity" WHERE "cardId" = $1 AND type IN ('POINTS_AWARDED', 'STAMPS_ADDED', 'REWARD_REDEEMED')
          AND "createdAt" >= $2 AND "createdAt" < $3 AND "actorId" = $4`,
    values: () => [hotCard, dayStart, dayEnd, hotStaff],
  },
  {
    name: "daily stamp limit: the member's stamps today",
    sql: `SELECT sum(points) FROM "Activity" WHERE "cardId" = $1 AND "memberId" = $2 AND type = 'STAMPS_ADDED'
          AND "createdAt" >= $3 AND "createdAt" < $4`,
    values: () => [hotCard, hotMember, dayStart, dayEnd],
  },
];

interface Seen {
  plan: string;
  rowsRead: number;
  ms: number;
}

/** EXPLAIN ANALYZE: the scan nodes (index or table), rows read by scans (returned + removed), execution time. */
async function explain(db: pg.Client, probe: Probe): Promise<Seen> {
  const { rows } = await db.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${probe.sql}`, probe.values());
  const root = rows[0]["QUERY PLAN"][0];
  const scans: string[] = [];
  let rowsRead = 0;
  const walk = (node: any) => {
    if (/Scan/.test(node["Node Type"]) && node["Relation Name"]) {
      scans.push(`${node["Node Type"]}${node["Index Name"] ? ` ${node["Index Name"]}` : ` ${node["Relation Name"]}`}`);
      rowsRead += (node["Actual Rows"] + (node["Rows Removed by Filter"] ?? 0)) * node["Actual Loops"];
    }
    for (const child of node.Plans ?? []) walk(child);
  };
  walk(root.Plan);
  return { plan: scans.join(" + "), rowsRead, ms: root["Execution Time"] };
}

async function main(): Promise<void> {
  const database = await benchDatabase("hot-path plans");
  if (!database) return;
  // The app migrates the fresh database; nothing else of it is used.
  const app = await startApp(
    loadConfig({ DATABASE_URL: database.url, PORT: "0", HOST: "127.0.0.1", NODE_ENV: "production", LOG_LEVEL: "warn" }),
    { log: pino({ level: "warn" }) },
  );
  await app.close();
  const db = new pg.Client({ connectionString: database.url });
  await db.connect();
  try {
    await db.query(`SET session_replication_role = replica`);
    const started = performance.now();
    // ROWS clicks over 90 days on 200 links of 100 partners in 4 projects of 2 programs, 85% VALID, each with
    // its visitor's window; ROWS activities over 90 days on 16 cards, 20,000 members, 50 staff.
    await db.query(
      `INSERT INTO "Click" (id, "programId", "projectId", "linkId", "partnerId", status, "ipHash", "visitorHash", "createdAt")
       SELECT gen_random_uuid(),
              CASE WHEN g % 2 = 0 THEN $1::uuid ELSE ('00000000-0000-0000-0000-' || lpad((g % 2)::text, 12, '0'))::uuid END,
              CASE WHEN g % 4 = 0 THEN $2::uuid ELSE ('00000000-0000-0000-0001-' || lpad((g % 4)::text, 12, '0'))::uuid END,
              ('00000000-0000-0000-0002-' || lpad((g % 200)::text, 12, '0'))::uuid,
              ('00000000-0000-0000-0003-' || lpad((g % 100)::text, 12, '0'))::uuid,
              CASE WHEN g % 20 < 17 THEN 'VALID' WHEN g % 20 < 19 THEN 'DUPLICATE' ELSE 'BOT' END::"ClickStatus",
              md5(g::text), md5('v' || g), now() - random() * interval '90 days'
       FROM generate_series(1, $3::int) g`,
      [program, project, ROWS],
    );
    await db.query(
      `INSERT INTO "ClickDedup" ("linkId", "visitorHash", "windowStart")
       SELECT "linkId", "visitorHash", max("createdAt") FROM "Click" WHERE status = 'VALID' GROUP BY 1, 2`,
    );
    await db.query(
      `INSERT INTO "Activity" (id, "programId", "partnerId", "cardId", "memberId", type, "actorType", "actorId", points, "createdAt")
       SELECT gen_random_uuid(), $1::uuid, $1::uuid, ('00000000-0000-0000-0004-' || lpad((g % 16)::text, 12, '0'))::uuid,
              ('00000000-0000-0001-0000-' || lpad((g % 20000)::text, 12, '0'))::uuid,
              (ARRAY['CARD_VIEW', 'POINTS_AWARDED', 'STAMPS_ADDED', 'REWARD_REDEEMED'])[1 + g % 4]::"ActivityType",
              'STAFF', 'staff-' || (g % 50), 1, now() - random() * interval '90 days'
       FROM generate_series(1, $2::int) g`,
      [program, ROWS],
    );
    await db.query(`ANALYZE`);
    console.log(
      `hot-path plans: ${ROWS.toLocaleString("en")} clicks and ${ROWS.toLocaleString("en")} activities, analysed (${((performance.now() - started) / 1000).toFixed(0)} s)`,
    );
    const fresh = new Map<string, Seen>();
    for (const p of PROBES) fresh.set(p.name, await explain(db, p));

    // Stale: the viral link's clicks in the last hour (each a new visitor with its window), and the busy card's
    // activities today (its staff member's and one member's among them), all after the last ANALYZE.
    await db.query(
      `INSERT INTO "Click" (id, "programId", "projectId", "linkId", "partnerId", status, "ipHash", "visitorHash", "createdAt")
       SELECT gen_random_uuid(), $1::uuid, $2::uuid, $3::uuid, $4::uuid, 'VALID', md5(g::text), md5('viral' || g),
              now() - random() * interval '1 hour'
       FROM generate_series(1, $5::int) g`,
      [program, project, viralLink, viralPartner, VIRAL],
    );
    await db.query(
      `INSERT INTO "ClickDedup" ("linkId", "visitorHash", "windowStart")
       SELECT "linkId", "visitorHash", max("createdAt") FROM "Click" WHERE "linkId" = $1 GROUP BY 1, 2`,
      [viralLink],
    );
    await db.query(
      `INSERT INTO "Activity" (id, "programId", "partnerId", "cardId", "memberId", type, "actorType", "actorId", points, "createdAt")
       SELECT gen_random_uuid(), $1::uuid, $1::uuid, $2::uuid,
              CASE WHEN g % 1000 = 0 THEN $3::uuid ELSE ('00000000-0000-0002-0000-' || lpad((g % 50000)::text, 12, '0'))::uuid END,
              (ARRAY['POINTS_AWARDED', 'STAMPS_ADDED'])[1 + g % 2]::"ActivityType", 'STAFF',
              CASE WHEN g % 3 = 0 THEN $4 ELSE 'staff-' || (g % 50) END, 1,
              $5::timestamptz + random() * (now() - $5::timestamptz)
       FROM generate_series(1, $6::int) g`,
      [program, hotCard, hotMember, hotStaff, dayStart, VIRAL],
    );
    console.log(
      `stale: +${VIRAL.toLocaleString("en")} VALID clicks on one link in the last hour, +${VIRAL.toLocaleString("en")} activities on one card today, no ANALYZE\n`,
    );
    console.log(`${"statement".padEnd(58)} ${"analysed".padEnd(64)} stale`);
    for (const p of PROBES) {
      const a = fresh.get(p.name)!;
      const s = await explain(db, p);
      const cell = (x: Seen) => `${x.plan} (${x.rowsRead.toLocaleString("en")} rows read, ${x.ms.toFixed(1)} ms)`;
      console.log(
        `${p.name.padEnd(58)} ${cell(a).padEnd(64)} ${cell(s)}${a.plan === s.plan ? "" : "  ← plan flipped"}`,
      );
    }
  } finally {
    await db.end();
    await database.drop();
  }
}

await main();
process.exit(0);
