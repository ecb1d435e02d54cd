// Volume data for the analytics benchmarks: one program ("Volume …", Europe/Vilnius, EUR), one project, partners
// with links created through GraphQL (so every row is what the API itself would write), then clicks,
// conversions and commissions spread over the last `days` days inserted set-based with INSERT … SELECT
// generate_series (a few statements, no row-by-row round trips). Used by `pnpm seed:volume` and
// bench/analytics.bench.ts. PostgreSQL only.
import { randomBytes } from "node:crypto";
import pg from "pg";
import pino from "pino";
import { startApp } from "../src/app.js";
import { loadConfig } from "../src/config.js";

export interface VolumeOptions {
  clicks: number;
  conversions: number;
  partners: number;
  linksPerPartner: number;
  days: number;
  /** Statements of at most this many clicks each (progress is printed between them). */
  chunk: number;
  log: (line: string) => void;
}

export interface VolumeResult {
  programId: string;
  projectId: string;
  /** GraphQL (global) ids, for queries through the API. */
  programGid: string;
  projectGid: string;
  clicks: number;
  conversions: number;
  commissions: number;
  seconds: number;
}

export const VOLUME_DEFAULTS: VolumeOptions = {
  clicks: 1_000_000,
  conversions: 50_000,
  partners: 50,
  linksPerPartner: 2,
  days: 90,
  chunk: 250_000,
  log: console.log,
};

/** Seeds the database at databaseUrl (migrating it first); the app is started only for the GraphQL setup. */
export async function seedVolume(databaseUrl: string, options: Partial<VolumeOptions> = {}): Promise<VolumeResult> {
  const o = { ...VOLUME_DEFAULTS, ...options };
  const started = performance.now();
  const adminKey = `pga_volume-${randomBytes(12).toString("hex")}`;
  const app = await startApp(
    loadConfig({
      DATABASE_URL: databaseUrl,
      PORT: "0",
      HOST: "127.0.0.1",
      ADMIN_API_KEY: adminKey,
      NODE_ENV: "production",
      LOG_LEVEL: "warn",
    }),
    { log: pino({ level: "warn" }) },
  );
  let programGid: string;
  let projectGid: string;
  const name = `Volume ${new Date().toISOString()} ${randomBytes(3).toString("hex")}`;
  try {
    const gql = async (query: string, variables: Record<string, unknown>) => {
      const res = await fetch(`${app.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${adminKey}` },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as { data?: Record<string, any>; errors?: unknown };
      const value = body.data && Object.values(body.data)[0];
      if (!value || value.code) throw new Error(`setup failed: ${JSON.stringify(body)}`);
      return value;
    };
    const program = await gql(
      `mutation ($i: CreateProgramInput!) { createProgram(input: $i) { ... on CreateProgramPayload { program { id } } ... on Error { code message } } }`,
      {
        i: { name, currency: "EUR", pointsPerCurrencyUnit: "1", timezone: "Europe/Vilnius" },
      },
    );
    programGid = program.program.id;
    const project = await gql(
      `mutation ($i: CreateProjectInput!) { createProject(input: $i) { ... on CreateProjectPayload { project { id } } ... on Error { code message } } }`,
      {
        i: { programId: programGid, name: "Volume", slug: "volume" },
      },
    );
    projectGid = project.project.id;
    for (let p = 0; p < o.partners; p++) {
      const partner = await gql(
        `mutation ($i: CreatePartnerInput!) { createPartner(input: $i) { ... on CreatePartnerPayload { partner { id } } ... on Error { code message } } }`,
        {
          i: { programId: programGid, name: `Volume partner ${p + 1}`, externalId: `VOL-${p + 1}` },
        },
      );
      await gql(
        `mutation ($i: ProjectMembershipInput!) { addPartnerToProject(input: $i) { __typename ... on Error { code message } } }`,
        { i: { projectId: projectGid, partnerId: partner.partner.id } },
      );
      for (let l = 0; l < o.linksPerPartner; l++) {
        await gql(
          `mutation ($i: CreateReferralLinkInput!) { createReferralLink(input: $i) { ... on CreateReferralLinkPayload { link { id } } ... on Error { code message } } }`,
          {
            i: { partnerId: partner.partner.id, destinationUrl: `https://shop.example/p${p + 1}/l${l + 1}` },
          },
        );
      }
    }
  } finally {
    await app.close();
  }
  o.log(
    `volume seed: program "${name}", ${o.partners} partners, ${o.partners * o.linksPerPartner} links (${((performance.now() - started) / 1000).toFixed(1)} s)`,
  );

  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const ids = await db.query<{ programId: string; projectId: string }>(
      `SELECT p.id AS "programId", j.id AS "projectId" FROM "Program" p JOIN "ReferralProject" j ON j."programId" = p.id WHERE p.name = $1`,
      [name],
    );
    const { programId, projectId } = ids.rows[0]!;
    const links = await db.query<{ id: string; partnerId: string }>(
      `SELECT id, "partnerId" FROM "ReferralLink" WHERE "projectId" = $1 ORDER BY "partnerId", id`,
      [projectId],
    );
    const linkIds = links.rows.map((r) => r.id);
    const partnerIds = links.rows.map((r) => r.partnerId);

    // Clicks: evenly over [now - days, now) in time order (UUIDv7-shaped ids, as the redirect mints them), with
    // a skewed choice of link (a few partners get most traffic), 82% VALID, 12% DUPLICATE, 6% BOT.
    const t0 = performance.now();
    const spanMs = o.days * 86_400_000;
    const end = Date.now();
    for (let first = 1; first <= o.clicks; first += o.chunk) {
      const last = Math.min(o.clicks, first + o.chunk - 1);
      await db.query(
        `INSERT INTO "Click" (id, "programId", "projectId", "linkId", "partnerId", status, "ipHash", "visitorHash", "userAgent", referrer, country, "createdAt")
         SELECT (lpad(to_hex((extract(epoch FROM c.at) * 1000)::bigint), 12, '0') || '7' || substr(c.h, 1, 3) || '8' || substr(c.h, 4, 15))::uuid,
                $1::uuid, $2::uuid, ($3::uuid[])[c.k], ($4::uuid[])[c.k],
                (CASE WHEN c.r < 0.82 THEN 'VALID' WHEN c.r < 0.94 THEN 'DUPLICATE' ELSE 'BOT' END)::"ClickStatus",
                c.h, md5(c.h), CASE WHEN c.r < 0.94 THEN 'Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0' ELSE 'Googlebot/2.1' END,
                CASE WHEN c.r < 0.5 THEN 'https://blog.example/' END, (ARRAY['LT','LV','EE','PL','DE'])[1 + (c.i % 5)], c.at
         FROM (
           SELECT i, md5(i::text || $7) AS h, random() AS r,
                  1 + floor(power(random(), 2) * array_length($3::uuid[], 1))::int AS k,
                  to_timestamp(($8::bigint - $9::bigint + (i - 1) * ($9::float8 / $10) + random() * ($9::float8 / $10)) / 1000.0) AS at
           FROM generate_series($5::int, $6::int) i
         ) c`,
        [programId, projectId, linkIds, partnerIds, first, last, name, end, spanMs, o.clicks],
      );
      o.log(
        `  clicks ${last.toLocaleString("en")} / ${o.clicks.toLocaleString("en")} (${((performance.now() - t0) / 1000).toFixed(1)} s)`,
      );
    }

    // Conversions: on random VALID clicks, within a day after them; 80% sales of 10-200 EUR, 20% leads.
    const t1 = performance.now();
    await db.query(
      `INSERT INTO "Conversion" (id, "programId", "projectId", type, "externalId", "customerExternalId", status, "attributedVia", "partnerId", "linkId", "clickId",
                                 amount, "refundedAmount", currency, "occurredAt", fingerprint, "createdAt", "updatedAt")
       SELECT gen_random_uuid(), c."programId", c."projectId", (CASE WHEN c.n % 5 <> 0 THEN 'SALE' ELSE 'LEAD' END)::"ConversionType", 'vol-' || c.id,
              'cust-' || c.n, 'ATTRIBUTED', 'CLICK', c."partnerId", c."linkId", c.id,
              CASE WHEN c.n % 5 <> 0 THEN round((10 + random() * 190)::numeric, 2) END, 0, 'EUR',
              least(c."createdAt" + random() * interval '1 day', now()), md5(c.id::text), now(), now()
       FROM (SELECT *, row_number() OVER () AS n FROM "Click" WHERE "projectId" = $1 AND status = 'VALID' ORDER BY random() LIMIT $2) c`,
      [projectId, o.conversions],
    );
    // Commissions: one earning per conversion (10% of a sale, 2 EUR a lead), mostly approved or paid once old.
    const commissions = await db.query(
      `INSERT INTO "Commission" (id, "programId", "projectId", "partnerId", kind, event, "conversionId", "clickId", "sourceKey", amount, currency, status, period, "earnedAt", "createdAt", "updatedAt")
       SELECT gen_random_uuid(), v."programId", v."projectId", v."partnerId", 'EARNING', v.type::text::"RewardEvent", v.id, v."clickId", 'conversion:' || v.id,
              CASE WHEN v.type = 'SALE' THEN round(v.amount * 0.10, 2) ELSE 2 END, v.currency,
              (CASE WHEN v."occurredAt" > now() - interval '30 days' THEN 'PENDING' WHEN random() < 0.5 THEN 'APPROVED' ELSE 'PAID' END)::"CommissionStatus",
              to_char(v."occurredAt" AT TIME ZONE 'Europe/Vilnius', 'YYYY-MM'), v."occurredAt", now(), now()
       FROM "Conversion" v WHERE v."projectId" = $1`,
      [projectId],
    );
    o.log(
      `  conversions ${o.conversions.toLocaleString("en")}, commissions ${commissions.rowCount!.toLocaleString("en")} (${((performance.now() - t1) / 1000).toFixed(1)} s)`,
    );
    const t2 = performance.now();
    // VACUUM as autovacuum would soon after such inserts: index-only scans need the visibility map.
    await db.query(`VACUUM ANALYZE "Click", "Conversion", "Commission"`);
    o.log(`  VACUUM ANALYZE (${((performance.now() - t2) / 1000).toFixed(1)} s)`);
    const counts = await db.query<{ clicks: number; conversions: number; commissions: number }>(
      `SELECT (SELECT count(*) FROM "Click" WHERE "projectId" = $1)::int AS clicks, (SELECT count(*) FROM "Conversion" WHERE "projectId" = $1)::int AS conversions,
              (SELECT count(*) FROM "Commission" WHERE "projectId" = $1)::int AS commissions`,
      [projectId],
    );
    const seconds = (performance.now() - started) / 1000;
    return { programId, projectId, programGid: programGid!, projectGid: projectGid!, ...counts.rows[0]!, seconds };
  } finally {
    await db.end();
  }
}
