// Clicks: classification and the group-committed writer behind /r/<code>. Every click is kept (VALID, BOT,
// DUPLICATE or DISCARDED); the redirect answers only after its click is committed. A batch is one statement
// that resolves its codes, classifies its clicks and inserts them: one round trip and one commit. A batch with a
// VALID click of a project that pays per click is instead written, whole, in one transaction with the
// commissions (the statement then only classifies).
import { createHmac } from "node:crypto";
import type { Logger } from "pino";
import type { SqlRunner, Statement } from "../../db/database.js";
import { createGroupCommit, type GroupCommit } from "../../db/group-commit.js";
import type { ClickRecordedEvent, CommissionChangedEvent, EventBus } from "../../events/bus.js";
import type { PrismaClient } from "../../generated/prisma/client.js";
import { clickEarning, type EarningEvent, earningCommissionRow, liveRulesByProject } from "./earning.js";
import { CODE_PATTERN } from "./links.js";
import { holdPeriods, periodOf } from "./periods.js";

export type ClickStatus = ClickRecordedEvent["status"];

/** Known crawlers, link-preview fetchers, headless browsers and HTTP libraries (case-insensitive). */
const BOT_USER_AGENT =
  /^node$|bot\b|bot\/|crawl|spider|slurp|facebookexternalhit|facebookcatalog|meta-externalagent|embedly|quora link preview|skypeuripreview|whatsapp|telegram|slack|discord|pinterest|vkshare|redditbot|bitlybot|outbrain|nuzzel|flipboard|tumblr|w3c_validator|lighthouse|pagespeed|headlesschrome|phantomjs|puppeteer|playwright|python-requests|python-urllib|aiohttp|httpx|curl\/|wget|go-http-client|java\/|okhttp|libwww|apache-httpclient|node-fetch|axios|undici|scrapy|preview|monitor|uptime|pingdom|feedfetcher|mediapartners/i;

/** Whether a request is a bot's: a known agent, no agent at all, a HEAD request, or a prefetch/preview. */
export function isBotRequest(method: string, userAgent: string | null, purpose: string | null): boolean {
  if (method === "HEAD") return true;
  if (!userAgent?.trim()) return true;
  if (purpose && /prefetch|preview|prerender/i.test(purpose)) return true;
  return BOT_USER_AGENT.test(userAgent);
}

/** A code as it appears in /r/<code>, or null when it cannot be one (never reaches the database). */
export function normalizeCode(raw: string): string | null {
  let code: string;
  try {
    code = decodeURIComponent(raw).toLowerCase();
  } catch {
    return null;
  }
  return CODE_PATTERN.test(code) ? code : null;
}

export interface ClickRequest {
  code: string;
  method: string;
  ip: string;
  userAgent: string | null;
  referrer: string | null;
  /** Sec-Purpose / Purpose / X-Purpose header. */
  purpose: string | null;
  country: string | null;
  at: Date;
}

export type ClickResult =
  | { found: false }
  | { found: true; clickId: string; destinationUrl: string; status: ClickStatus };

export interface ClickRecorder {
  record(request: ClickRequest): Promise<ClickResult>;
  close(): Promise<void>;
  readonly stats: GroupCommit<unknown, unknown>["stats"];
}

interface ClickRow {
  id: string;
  programId: string;
  projectId: string;
  linkId: string;
  partnerId: string;
  status: ClickStatus;
  ipHash: string;
  visitorHash: string;
  userAgent: string | null;
  referrer: string | null;
  country: string | null;
  createdAt: Date;
}

export interface ClickRecorderOptions {
  prisma: PrismaClient;
  /** The batch statement runs here, outside Prisma (see SqlRunner); batches with commissions use `prisma`. */
  sql: SqlRunner;
  events: EventBus;
  log: Logger;
  /** Salt of the IP hashes (a server secret): raw IPs are never stored. */
  ipSalt: Buffer;
  /** Clicks per batch at most. */
  maxBatch?: number;
  /** How long the first click of a batch waits for company. */
  maxDelayMs?: number;
  newId: () => string;
}

const MAX_TEXT = 512;
const clip = (v: string | null) => (v ? v.slice(0, MAX_TEXT) : null);

/**
 * A batch spans less than this from its first click to its last (see takeBatch), so that at most one click of a
 * visitor on a link can count in it: dedup windows are whole seconds, at least 1.
 */
const BATCH_SPAN_MS = 1000;

/**
 * Moves visitors' dedup windows (ClickDedup) to their latest VALID click: `valid` is a query of ("linkId",
 * "visitorHash", "createdAt") rows, several per key allowed. Rows are locked in key order, so two batches
 * writing the same keys cannot deadlock.
 */
const upsertWindows = (valid: string) => `
  INSERT INTO "ClickDedup" ("linkId", "visitorHash", "windowStart")
  SELECT "linkId", "visitorHash", max("createdAt") FROM (${valid}) v GROUP BY 1, 2 ORDER BY 1, 2
  ON CONFLICT ("linkId", "visitorHash") DO UPDATE SET "windowStart" = greatest("ClickDedup"."windowStart", excluded."windowStart")`;

/**
 * Resolves, classifies and inserts one batch (one row per click, `n` its 1-based position) and returns each
 * found click's status and link. A click is BOT (see isBotRequest, decided in Node: $3), DISCARDED (partner
 * disabled or deleted, project inactive), DUPLICATE, or VALID. DUPLICATE: the same visitor (IP and user agent)
 * has a VALID click on the link within the project's dedup window before it (windows are fixed from the counted
 * click, not sliding). The probe reads the visitor's ClickDedup row by primary key, a plan no statistics can
 * change (probing Click itself flipped to a scan of every VALID click of a viral link with stale statistics), and
 * the same statement moves the window. Of a visitor's clicks in the batch (spanning < 1 s, shorter than any
 * window), only the first with no such earlier click counts. When a VALID click's project has CLICK rules
 * (`earns`), nothing is written here: the batch is written with its commissions in one transaction (see
 * insertWithCommissions).
 */
const WRITE_BATCH: Statement = {
  text: `
    WITH batch AS (
      SELECT * FROM unnest($1::uuid[], $2::text[], $3::boolean[], $4::text[], $5::text[], $6::text[], $7::text[], $8::char(2)[], $9::timestamptz[])
        WITH ORDINALITY AS b(id, code, bot, "ipHash", "visitorHash", "userAgent", referrer, country, "createdAt", n)
    ), link AS (
      SELECT l.id, l.code, l."programId", l."projectId", l."partnerId", l."destinationUrl",
             (pa.status <> 'ENABLED' OR pa."deletedAt" IS NOT NULL OR pr.status <> 'ACTIVE') AS discarded,
             pr."clickDedupWindowSeconds" AS "dedupSeconds", pg.timezone, pr.currency,
             pg.timezone IS NOT NULL AND EXISTS (SELECT 1 FROM "RewardRule" r WHERE r."projectId" = l."projectId" AND r.event = 'CLICK' AND r."deletedAt" IS NULL) AS "clickRules"
      FROM "ReferralLink" l
      JOIN "Partner" pa ON pa.id = l."partnerId"
      JOIN "ReferralProject" pr ON pr.id = l."projectId"
      JOIN "Program" pg ON pg.id = l."programId"
      WHERE l.code = ANY($2::text[])
    ), counted AS (
      SELECT DISTINCT ON (k.id, b."visitorHash") b.n
      FROM batch b JOIN link k USING (code)
      WHERE NOT b.bot AND NOT k.discarded AND k."dedupSeconds" > 0
        -- A scalar subquery stays one primary-key probe per click.
        AND coalesce((SELECT d."windowStart" <= b."createdAt" - make_interval(secs => k."dedupSeconds") FROM "ClickDedup" d
                      WHERE d."linkId" = k.id AND d."visitorHash" = b."visitorHash"), true)
      ORDER BY k.id, b."visitorHash", b."createdAt", b.n
    ), classified AS (
      SELECT b.*, k.id AS "linkId", k."programId", k."projectId", k."partnerId", k."destinationUrl", k.timezone, k.currency,
             CASE WHEN b.bot THEN 'BOT'
                  WHEN k.discarded THEN 'DISCARDED'
                  WHEN k."dedupSeconds" > 0 AND b.n NOT IN (SELECT n FROM counted) THEN 'DUPLICATE'
                  ELSE 'VALID' END::"ClickStatus" AS status,
             k."clickRules" AS "earnsIfValid"
      FROM batch b JOIN link k USING (code)
    ), inserted AS (
      INSERT INTO "Click" ("id", "programId", "projectId", "linkId", "partnerId", "status", "ipHash", "visitorHash", "userAgent", "referrer", "country", "createdAt")
      SELECT id, "programId", "projectId", "linkId", "partnerId", status, "ipHash", "visitorHash", "userAgent", referrer, country, "createdAt"
      FROM classified WHERE NOT EXISTS (SELECT 1 FROM classified WHERE status = 'VALID' AND "earnsIfValid")
    ), windows AS (${upsertWindows(`
      SELECT "linkId", "visitorHash", "createdAt" FROM classified
      WHERE status = 'VALID' AND NOT EXISTS (SELECT 1 FROM classified WHERE status = 'VALID' AND "earnsIfValid")`)}
    )
    SELECT n::int, status, "linkId", "programId", "projectId", "partnerId", "destinationUrl", timezone, currency,
           status = 'VALID' AND "earnsIfValid" AS earns
    FROM classified`,
};

/** The dedup windows of a batch written in a transaction with its commissions: its VALID clicks' columns. */
const UPSERT_WINDOWS = upsertWindows(
  `SELECT * FROM unnest($1::uuid[], $2::text[], $3::timestamptz[]) AS c("linkId", "visitorHash", "createdAt")`,
);

/** One INSERT of column arrays, for a batch written in a transaction with its commissions. */
const INSERT = `
  INSERT INTO "Click" ("id", "programId", "projectId", "linkId", "partnerId", "status", "ipHash", "visitorHash", "userAgent", "referrer", "country", "createdAt")
  SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::text[]::"ClickStatus"[], $7::text[], $8::text[],
                       $9::text[], $10::text[], $11::char(2)[], $12::timestamptz[])`;

interface BatchRow {
  n: number;
  status: ClickStatus;
  linkId: string;
  programId: string;
  projectId: string;
  partnerId: string;
  destinationUrl: string;
  timezone: string | null;
  currency: string;
  earns: boolean;
}

/** How many of the queued clicks (in arrival order) form the next batch: those within BATCH_SPAN_MS (at least one). */
export function takeBatch(queued: ClickRequest[]): number {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < queued.length; i++) {
    const t = queued[i]!.at.getTime();
    min = Math.min(min, t);
    max = Math.max(max, t);
    if (i > 0 && max - min >= BATCH_SPAN_MS) return i;
  }
  return queued.length;
}

export function createClickRecorder(options: ClickRecorderOptions): ClickRecorder {
  const { prisma, sql, events, log, ipSalt } = options;
  const hash = (text: string) => createHmac("sha256", ipSalt).update(text).digest("base64url");

  async function write(requests: ClickRequest[]): Promise<ClickResult[]> {
    const ids = requests.map(() => options.newId());
    const ipHashes = requests.map((r) => hash(r.ip));
    const visitorHashes = requests.map((r) => hash(`${r.ip}\n${r.userAgent ?? ""}`));
    const userAgents = requests.map((r) => clip(r.userAgent));
    const referrers = requests.map((r) => clip(r.referrer));
    const found = await sql.query<BatchRow>(WRITE_BATCH, [
      ids,
      requests.map((r) => r.code),
      requests.map((r) => isBotRequest(r.method, r.userAgent, r.purpose)),
      ipHashes,
      visitorHashes,
      userAgents,
      referrers,
      requests.map((r) => r.country),
      requests.map((r) => r.at),
    ]);
    const clicks: ClickRow[] = found.map((f) => {
      const i = f.n - 1;
      return {
        id: ids[i]!,
        programId: f.programId,
        projectId: f.projectId,
        linkId: f.linkId,
        partnerId: f.partnerId,
        status: f.status,
        ipHash: ipHashes[i]!,
        visitorHash: visitorHashes[i]!,
        userAgent: userAgents[i]!,
        referrer: referrers[i]!,
        country: requests[i]!.country,
        createdAt: requests[i]!.at,
      };
    });
    const earningClicks = found.flatMap((f, j) =>
      f.earns ? [{ click: clicks[j]!, currency: f.currency, timezone: f.timezone! }] : [],
    );
    const commissions = earningClicks.length ? await insertWithCommissions(clicks, earningClicks) : [];

    const occurredAt = new Date().toISOString();
    for (const c of clicks) {
      events.publish({
        type: "CLICK_RECORDED",
        programId: c.programId,
        partnerId: c.partnerId,
        projectId: c.projectId,
        linkId: c.linkId,
        clickId: c.id,
        status: c.status,
        occurredAt,
      });
    }
    for (const e of commissions) events.publish(e);
    const results: ClickResult[] = requests.map(() => ({ found: false }));
    for (const [j, f] of found.entries()) {
      results[f.n - 1] = { found: true, clickId: clicks[j]!.id, status: f.status, destinationUrl: f.destinationUrl };
    }
    return results;
  }

  /** Writes the batch's clicks and the commissions of its earning clicks in one transaction; returns the commission events. */
  async function insertWithCommissions(
    clicks: ClickRow[],
    earningClicks: { click: ClickRow; currency: string; timezone: string }[],
  ): Promise<CommissionChangedEvent[]> {
    return prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(INSERT, ...insertValues(clicks));
      const valid = clicks.filter((c) => c.status === "VALID");
      await tx.$executeRawUnsafe(
        UPSERT_WINDOWS,
        valid.map((c) => c.linkId),
        valid.map((c) => c.visitorHash),
        valid.map((c) => c.createdAt),
      );
      const rules = await liveRulesByProject(tx, [...new Set(earningClicks.map((e) => e.click.projectId))], ["CLICK"]);
      const rows = earningClicks.flatMap(({ click: c, currency, timezone }) => {
        const earned = clickEarning(rules.get(c.projectId) ?? [], c, currency);
        if (!earned) return [];
        const earningEvent: EarningEvent = {
          programId: c.programId,
          projectId: c.projectId,
          partnerId: c.partnerId,
          currency,
          earnedAt: c.createdAt,
          source: { event: "CLICK", clickId: c.id },
        };
        return [earningCommissionRow(earningEvent, earned, periodOf(c.createdAt, timezone), options.newId())];
      });
      // The redirect cannot fail for a closed month: clicks in a locked period earn nothing now, and
      // syncCommissions adds their commissions if the period is unlocked and synced.
      const open: typeof rows = [];
      for (const programId of new Set(rows.map((r) => r.programId))) {
        const mine = rows.filter((r) => r.programId === programId);
        const locked = await holdPeriods(
          tx,
          programId,
          mine.map((r) => r.period),
        );
        open.push(...mine.filter((r) => !locked.has(r.period)));
      }
      if (open.length) await tx.commission.createMany({ data: open, skipDuplicates: true });
      const occurredAt = new Date().toISOString();
      return open.map(
        (r) =>
          ({
            type: "COMMISSION_CHANGED",
            programId: r.programId,
            partnerId: r.partnerId,
            projectId: r.projectId,
            commissionId: r.id,
            status: "PENDING",
            change: "CREATED",
            occurredAt,
          }) as const,
      );
    });
  }

  /** INSERT's parameters: one array per column. */
  function insertValues(rows: ClickRow[]): unknown[] {
    const col = <K extends keyof ClickRow>(k: K) => rows.map((r) => r[k]);
    return [
      col("id"),
      col("programId"),
      col("projectId"),
      col("linkId"),
      col("partnerId"),
      col("status"),
      col("ipHash"),
      col("visitorHash"),
      col("userAgent"),
      col("referrer"),
      col("country"),
      col("createdAt"),
    ];
  }

  const batcher = createGroupCommit<ClickRequest, ClickResult>({
    write,
    take: takeBatch,
    maxSize: options.maxBatch ?? 500,
    maxDelayMs: options.maxDelayMs ?? 3,
    onBatchError: (err, size) => log.warn({ err, size }, "click batch failed; writing its clicks one by one"),
  });
  return { record: (r) => batcher.add(r), close: () => batcher.close(), stats: batcher.stats };
}
