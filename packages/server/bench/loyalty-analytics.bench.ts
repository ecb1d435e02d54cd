// Benchmark (not a test): loyaltyStats through GraphQL over HTTP against a seeded PostgreSQL database, and the
// EXPLAIN ANALYZE of each of its statements (to see the indexes used). The program, partners, clubs, cards,
// rewards and members are made through the API; then VOLUME activities (default 200,000) over 90 days are
// inserted set-based, with the ledger entries and redemptions their staff actions wrote; another program gets
// NOISE activities (default 2 × VOLUME) the same way, so the measured one is a third of each table. Prints,
// never asserts.
//
// DATABASE_URL: an existing database to seed into; default: a fresh database on postgres://postgres@127.0.0.1:5432,
// dropped afterwards. Skips (exit 0) when PostgreSQL is not reachable.
import { randomBytes } from "node:crypto";
import { decodeGlobalID } from "@pothos/plugin-relay";
import pg from "pg";
import pino from "pino";
import { startApp } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { bucketing, StatsRange } from "../src/domain/kernel/time-buckets.js";
import { loyaltyStatsScope, loyaltyStatsStatements } from "../src/domain/loyalty/analytics.js";
import { benchDatabase } from "./bench-database.js";

const VOLUME = Number(process.env.VOLUME ?? 200_000);
const MEMBERS = Number(process.env.MEMBERS ?? 20_000);
/** Activities of another program in the same tables (default 2 × VOLUME). */
const NOISE = Number(process.env.NOISE ?? 2 * VOLUME);
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const MAX_SECONDS = 30;
const ADMIN_KEY = `pga_bench-${randomBytes(12).toString("hex")}`;

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const row = (gid: string) => decodeGlobalID(gid).id;

async function main(): Promise<void> {
  const database = await benchDatabase("loyalty analytics");
  if (!database) return;
  try {
    const app = await startApp(
      loadConfig({
        DATABASE_URL: database.url,
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
        const value = body.data && Object.values(body.data)[0];
        if (body.errors || !value || value.code) throw new Error(JSON.stringify(body));
        return value;
      };
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      client.on("error", () => {}); // the database is dropped at the end
      try {
        const started = performance.now();
        const measured = await seedProgram(gql, client, "Loyalty volume", VOLUME);
        // Another tenant's rows, so that the program's figures are a part of each table, as in production.
        if (NOISE > 0) await seedProgram(gql, client, "Other tenant", NOISE);
        await client.query(`ANALYZE "Activity"; ANALYZE "LedgerEntry"; ANALYZE "Redemption"`);
        const counts = (
          await client.query(
            `SELECT (SELECT count(*) FROM "Activity") AS a, (SELECT count(*) FROM "LedgerEntry") AS l, (SELECT count(*) FROM "Redemption") AS r`,
          )
        ).rows[0];
        console.log(
          `loyalty analytics bench: the measured program has ${VOLUME.toLocaleString("en")} activities, ${MEMBERS.toLocaleString("en")} members, 8 cards over 90 days; ` +
            `with another tenant's ${NOISE.toLocaleString("en")}, the tables hold ${Number(counts.a).toLocaleString("en")} activities, ${Number(counts.l).toLocaleString("en")} ledger entries, ` +
            `${Number(counts.r).toLocaleString("en")} redemptions (seeded in ${((performance.now() - started) / 1000).toFixed(1)} s); PostgreSQL, loopback`,
        );
        const { program, partners } = measured;

        const now = new Date();
        const ago = (days: number) => new Date(now.getTime() - days * 86_400_000);
        type Ids = { programId?: string; partnerId?: string; cardId?: string; clubId?: string };
        const cases: { name: string; input: Ids & { from: Date; to: Date; interval: "HOUR" | "DAY" | "WEEK" } }[] = [
          { name: "program 90 d by DAY", input: { programId: program, from: ago(90), to: now, interval: "DAY" } },
          {
            name: "one card 90 d by DAY",
            input: { programId: program, cardId: partners[0]!.loyalty[0]!, from: ago(90), to: now, interval: "DAY" },
          },
          {
            name: "one partner 90 d by WEEK",
            input: { partnerId: partners[1]!.id, from: ago(90), to: now, interval: "WEEK" },
          },
          {
            name: "one club 30 d by HOUR",
            input: { programId: program, clubId: partners[0]!.clubs[0]!, from: ago(30), to: now, interval: "HOUR" },
          },
        ];
        const STATS = `query ($i: LoyaltyStatsInput!) { loyaltyStats(input: $i) { buckets { start values { cardViews newFollowers pointsIssued pointsRedeemed stampsCollected activeMembers redemptions } } totals { cardViews newFollowers pointsIssued pointsRedeemed stampsCollected activeMembers redemptions } popularRewards { reward { id title } redemptions } } }`;
        const call = {
          prisma: app.database.prisma,
          bulkPrisma: app.database.bulkPrisma,
          events: app.events,
          principal: { kind: "adminKey" as const, id: null, grants: [{ role: "ADMIN" as const }] },
        };
        for (const c of cases) {
          const input = { ...c.input, from: c.input.from.toISOString(), to: c.input.to.toISOString() };
          let last: any;
          for (let w = 0; w < 2; w++) last = await gql(STATS, { i: input });
          const times: number[] = [];
          const t0 = performance.now();
          while (times.length < RUNS && performance.now() - t0 < MAX_SECONDS * 1000) {
            const t = performance.now();
            last = await gql(STATS, { i: input });
            times.push(performance.now() - t);
          }
          times.sort((a, b) => a - b);
          console.log(
            `\n${c.name.padEnd(26)} ${String(times.length).padStart(3)} runs  median ${pct(times, 50).toFixed(1).padStart(7)} ms  p95 ${pct(times, 95).toFixed(1).padStart(7)} ms  (${last.buckets.length} buckets, totals ${JSON.stringify(last.totals)})`,
          );

          // The plans, with the ids decoded as the resolver does.
          const id = (gid: string | undefined) => (gid ? row(gid) : null);
          const q = {
            programId: id(c.input.programId),
            partnerId: id(c.input.partnerId),
            cardId: id(c.input.cardId),
            clubId: id(c.input.clubId),
          };
          const scope = await loyaltyStatsScope(call, q);
          const range = StatsRange.parse({ from: c.input.from, to: c.input.to, interval: c.input.interval });
          const statements = loyaltyStatsStatements(
            scope,
            range,
            5,
            bucketing(app.database.prisma, scope.tz, range).bucket,
          );
          for (const [name, sql] of Object.entries(statements)) {
            const plan = (
              await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql.text}`, sql.values as unknown[])
            ).rows.map((r: Record<string, string>) => r["QUERY PLAN"]!);
            const scans = plan
              .filter((l) => /Scan|Join|Nested Loop/.test(l))
              .map((l) => l.trim().replace(/\s+\(cost=[^)]*\)/, ""));
            console.log(`  ${name.padEnd(11)} ${plan.at(-1)!.trim()}\n    ${scans.join("\n    ")}`);
          }
        }
      } finally {
        await client.end();
      }
    } finally {
      await app.close();
    }
  } finally {
    await database.drop();
  }
}

type Gql = (query: string, variables: Record<string, unknown>) => Promise<any>;
const mutation = (field: string, type: string, select: string) =>
  `mutation ($i: ${type}!) { ${field}(input: $i) { __typename ... on Error { code message } ${select} } }`;

/**
 * Through the API: a program, two partners with two clubs and four cards each (two loyalty, two stamp), three
 * rewards per loyalty card, MEMBERS members. Then set-based: `activities` activities over 90 days, and the ledger
 * entries and redemptions of their staff actions.
 */
async function seedProgram(gql: Gql, client: pg.Client, name: string, activities: number) {
  const program = (
    await gql(mutation("createProgram", "CreateProgramInput", "... on CreateProgramPayload { program { id } }"), {
      i: { name, currency: "EUR", pointsPerCurrencyUnit: "1", timezone: "Europe/Vilnius" },
    })
  ).program.id as string;
  const partners: { id: string; clubs: string[]; loyalty: string[]; stamp: string[]; rewards: string[] }[] = [];
  for (const business of ["Coffee", "Bakery"]) {
    const partner = (
      await gql(mutation("createPartner", "CreatePartnerInput", "... on CreatePartnerPayload { partner { id } }"), {
        i: { programId: program, name: business },
      })
    ).partner.id as string;
    const clubs: string[] = [];
    for (const club of ["Old Town", "Riverside"])
      clubs.push(
        (
          await gql(mutation("createClub", "CreateClubInput", "... on CreateClubPayload { club { id } }"), {
            i: { partner: { id: partner }, name: club },
          })
        ).club.id,
      );
    const card = async (field: string, type: string, extra: Record<string, unknown>) =>
      (
        await gql(mutation(field, type, `... on ${field[0]!.toUpperCase()}${field.slice(1)}Payload { card { id } }`), {
          i: { clubIds: clubs, design: { name: `${business} ${field} ${randomBytes(2).toString("hex")}` }, ...extra },
        })
      ).card.id as string;
    const loyalty = [
      await card("createLoyaltyCard", "CreateLoyaltyCardInput", { pointsPerCurrencyUnit: "1" }),
      await card("createLoyaltyCard", "CreateLoyaltyCardInput", { pointsPerCurrencyUnit: "1" }),
    ];
    const stamp = [
      await card("createStampCard", "CreateStampCardInput", { stampsRequired: 8 }),
      await card("createStampCard", "CreateStampCardInput", { stampsRequired: 8 }),
    ];
    const rewards: string[] = [];
    for (const c of loyalty)
      for (const title of ["Coffee", "Cake", "Mug"])
        rewards.push(
          (
            await gql(mutation("createReward", "CreateRewardInput", "... on CreateRewardPayload { reward { id } }"), {
              i: { cardId: c, title, pointsCost: 50 },
            })
          ).reward.id,
        );
    partners.push({ id: partner, clubs, loyalty, stamp, rewards });
  }
  await gql(mutation("importMembers", "ImportMembersInput", "... on ImportReport { applied }"), {
    i: { programId: program, csv: `externalId\n${Array.from({ length: MEMBERS }, (_, i) => `V-${i}`).join("\n")}` },
  });

  const cards = partners.flatMap((p) => [
    ...p.loyalty.map((c, i) => ({
      card: row(c),
      partner: row(p.id),
      clubs: p.clubs.map(row),
      stamp: false,
      rewards: p.rewards.slice(i * 3, i * 3 + 3).map(row),
    })),
    ...p.stamp.map((c) => ({
      card: row(c),
      partner: row(p.id),
      clubs: p.clubs.map(row),
      stamp: true,
      rewards: [] as string[],
    })),
  ]);
  await client.query(`DROP TABLE IF EXISTS bench_cards, bench_members`);
  await client.query(
    `CREATE TEMP TABLE bench_cards AS SELECT * FROM jsonb_to_recordset($1::jsonb) AS c(n int, card uuid, partner uuid, clubs uuid[], stamp boolean, rewards uuid[])`,
    [JSON.stringify(cards.map((c, n) => ({ n, ...c })))],
  );
  await client.query(
    `CREATE TEMP TABLE bench_members AS SELECT (row_number() OVER (ORDER BY id) - 1)::int AS n, id FROM "Member" WHERE "programId" = $1`,
    [row(program)],
  );
  await client.query(
    `INSERT INTO "Activity" ("id", "programId", "partnerId", "cardId", "clubId", "memberId", "type", "actorType", "points", "rewardId", "createdAt")
     SELECT gen_random_uuid(), $1::uuid, c.partner, c.card,
            CASE WHEN k.kind IN ('CARD_VIEW', 'FOLLOW') THEN NULL ELSE c.clubs[1 + (g % 2)] END,
            CASE WHEN k.kind = 'CARD_VIEW' AND g % 3 = 0 THEN NULL ELSE m.id END,
            k.kind::"ActivityType", 'USER',
            CASE k.kind WHEN 'POINTS_AWARDED' THEN 5 + g % 20 WHEN 'STAMPS_ADDED' THEN 1 WHEN 'REWARD_REDEEMED' THEN -50 END,
            CASE WHEN k.kind = 'REWARD_REDEEMED' THEN c.rewards[1 + (g % 3)] END,
            now() - (random() * interval '90 days')
     FROM generate_series(0, $2::int - 1) g
     JOIN bench_cards c ON c.n = g % ${cards.length}
     JOIN bench_members m ON m.n = ((g::bigint * 7919) % ${MEMBERS})::int
     CROSS JOIN LATERAL (SELECT CASE
       WHEN (g / ${cards.length}) % 20 < 6 THEN 'CARD_VIEW' WHEN (g / ${cards.length}) % 20 = 6 THEN 'FOLLOW'
       WHEN c.stamp THEN 'STAMPS_ADDED'
       WHEN (g / ${cards.length}) % 20 < 18 THEN 'POINTS_AWARDED' ELSE 'REWARD_REDEEMED' END AS kind) k`,
    [row(program), activities],
  );
  await client.query(
    `INSERT INTO "LedgerEntry" ("id", "programId", "memberId", "type", "source", "points", "cardId", "activityId", "createdAt")
     SELECT gen_random_uuid(), a."programId", a."memberId", CASE WHEN a.points > 0 THEN 'EARN' ELSE 'REDEEM' END::"LedgerEntryType", 'STAFF', a.points, a."cardId", a."id", a."createdAt"
     FROM "Activity" a WHERE a."programId" = $1 AND a."type" IN ('POINTS_AWARDED', 'STAMPS_ADDED', 'REWARD_REDEEMED')`,
    [row(program)],
  );
  await client.query(
    `INSERT INTO "Redemption" ("id", "programId", "cardId", "rewardId", "memberId", "clubId", "cost", "activityId", "createdAt")
     SELECT gen_random_uuid(), a."programId", a."cardId", a."rewardId", a."memberId", a."clubId", 50, a."id", a."createdAt"
     FROM "Activity" a WHERE a."programId" = $1 AND a."type" = 'REWARD_REDEEMED'`,
    [row(program)],
  );
  return { program, partners };
}

await main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
process.exit(process.exitCode ?? 0);
