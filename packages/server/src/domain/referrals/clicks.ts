// Clicks: classification and the group-committed writer behind /r/<code>. Every click is kept (VALID, BOT,
// DUPLICATE or DISCARDED); the redirect answers only after its click is committed. One batch costs two
// statements: one resolves its codes and finds earlier clicks of its visitors, one multi-row INSERT writes it
// (with the click commissions, in one transaction, when the project pays per click).
import { createHmac } from "node:crypto";
import type { Logger } from "pino";
import type { PrismaClient } from "../../generated/prisma/client.js";
import type { SqlRunner, Statement } from "../../db/database.js";
import { createGroupCommit, type GroupCommit } from "../../db/group-commit.js";
import type { ClickRecordedEvent, CommissionChangedEvent, EventBus } from "../../events/bus.js";
import { CODE_PATTERN } from "./links.js";
import { holdPeriods, periodOf } from "./periods.js";
import { earning, liveRules } from "./rules.js";

export type ClickStatus = ClickRecordedEvent["status"];

/** Known crawlers, link-preview fetchers, headless browsers and HTTP libraries (case-insensitive). */
const BOT_USER_AGENT =
  /^node$|bot\b|bot\/|crawl|spider|slurp|facebookexternalhit|facebookcatalog|meta-externalagent|embedly|quora link preview|skypeuripreview|whatsapp|telegram|slack|discord|pinterest|vkshare|redditbot|bitlybot|outbrain|nuzzel|flipboard|tumblr|w3c_validator|lighthouse|pagespeed|headlesschrome|phantomjs|puppeteer|playwright|python-requests|python-urllib|aiohttp|httpx|curl\/|wget|go-http-client|java\/|okhttp|libwww|apache-httpclient|node-fetch|axios|undici|scrapy|preview|monitor|uptime|pingdom|feedfetcher|mediapartners/i;

/** Whether a request is a bot's: a known agent, no agent at all, a HEAD request, or a prefetch/preview. */
export function isBotRequest(method: string, userAgent: string | null, purpose: string | null): boolean {
  if (method === "HEAD") return true;
  if (!userAgent || !userAgent.trim()) return true;
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

export type ClickResult = { found: false } | { found: true; clickId: string; destinationUrl: string; status: ClickStatus };

export interface ClickRecorder {
  record(request: ClickRequest): Promise<ClickResult>;
  close(): Promise<void>;
  readonly stats: GroupCommit<unknown, unknown>["stats"];
}

interface LinkRow {
  id: string;
  code: string;
  programId: string;
  projectId: string;
  partnerId: string;
  destinationUrl: string;
  discarded: boolean;
  dedupSeconds: number;
  timezone: string | null;
  currency: string;
  clickRules: boolean;
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
  /** The batch's statements run here, outside Prisma (see SqlRunner); the click commissions use `prisma`. */
  sql: SqlRunner;
  events: EventBus;
  log: Logger;
  /** Salt of the IP hashes (a server secret): raw IPs are never stored. */
  ipSalt: Buffer;
  /** Rows per INSERT at most. */
  maxBatch?: number;
  /** How long the first click of a batch waits for company. */
  maxDelayMs?: number;
  newId: () => string;
}

const MAX_TEXT = 512;
const clip = (v: string | null) => (v ? v.slice(0, MAX_TEXT) : null);

/**
 * A batch's links with, per visitor of the batch (code, visitor hash and the visitor's first click time in the
 * batch), the time of that visitor's last VALID click on the link within the project's dedup window, if any: one
 * statement, so a batch costs one round trip before its INSERT. Visitors come only for links whose project
 * de-duplicates; the probe is one index lookup in Click(linkId, visitorHash, status, createdAt).
 */
const LOOKUP: Statement = {
  name: "click_batch_lookup",
  text: `
    SELECT l.id, l.code, l."programId", l."projectId", l."partnerId", l."destinationUrl",
           (pa.status <> 'ENABLED' OR pa."deletedAt" IS NOT NULL OR pr.status <> 'ACTIVE') AS discarded,
           pr."clickDedupWindowSeconds" AS "dedupSeconds", pg.timezone, pr.currency,
           EXISTS (SELECT 1 FROM "RewardRule" r WHERE r."projectId" = l."projectId" AND r.event = 'CLICK' AND r."deletedAt" IS NULL) AS "clickRules",
           v."visitorHash",
           (SELECT max(c."createdAt") FROM "Click" c
             WHERE c."linkId" = l.id AND c."visitorHash" = v."visitorHash" AND c.status = 'VALID'
               AND c."createdAt" >= v.since - make_interval(secs => pr."clickDedupWindowSeconds")) AS "lastValidAt"
    FROM "ReferralLink" l
    JOIN "Partner" pa ON pa.id = l."partnerId"
    JOIN "ReferralProject" pr ON pr.id = l."projectId"
    JOIN "Program" pg ON pg.id = l."programId"
    LEFT JOIN unnest($2::text[], $3::text[], $4::timestamptz[]) AS v(code, "visitorHash", since)
      ON v.code = l.code AND pr."clickDedupWindowSeconds" > 0
    WHERE l.code = ANY($1::text[])`,
};

/** One INSERT of column arrays: several times cheaper per row than createMany's generated statement. */
const INSERT: Statement = {
  name: "click_batch_insert",
  text: `
    INSERT INTO "Click" ("id", "programId", "projectId", "linkId", "partnerId", "status", "ipHash", "visitorHash", "userAgent", "referrer", "country", "createdAt")
    SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::text[]::"ClickStatus"[], $7::text[], $8::text[],
                         $9::text[], $10::text[], $11::char(2)[], $12::timestamptz[])`,
};

type LookupRow = LinkRow & { visitorHash: string | null; lastValidAt: Date | null };

export function createClickRecorder(options: ClickRecorderOptions): ClickRecorder {
  const { prisma, sql, events, log, ipSalt } = options;
  const hash = (text: string) => createHmac("sha256", ipSalt).update(text).digest("base64url");

  async function write(requests: ClickRequest[]): Promise<ClickResult[]> {
    // Hashes first: the lookup needs each visitor (IP and user agent) and its first click time in the batch.
    const hashed = requests.map((r) => ({
      request: r,
      bot: isBotRequest(r.method, r.userAgent, r.purpose),
      ipHash: hash(r.ip),
      visitorHash: hash(`${r.ip}\n${r.userAgent ?? ""}`),
    }));
    const codes = [...new Set(requests.map((r) => r.code))];
    const visitors = new Map<string, { code: string; visitorHash: string; since: Date }>();
    for (const { request, bot, visitorHash } of hashed) {
      const key = `${request.code} ${visitorHash}`;
      if (!bot && !visitors.has(key)) visitors.set(key, { code: request.code, visitorHash, since: request.at });
    }
    const v = [...visitors.values()];
    const links = await sql.query<LookupRow>(LOOKUP, [codes, v.map((x) => x.code), v.map((x) => x.visitorHash), v.map((x) => x.since)]);
    const byCode = new Map(links.map((l) => [l.code, l]));
    const lastValid = new Map<string, number>();
    for (const l of links) if (l.lastValidAt) lastValid.set(`${l.id} ${l.visitorHash}`, new Date(l.lastValidAt).getTime());

    const rows: (ClickRow | null)[] = hashed.map(({ request: r, bot, ipHash, visitorHash }) => {
      const link = byCode.get(r.code);
      if (!link) return null;
      const status: ClickStatus = bot ? "BOT" : link.discarded ? "DISCARDED" : "VALID";
      return {
        id: options.newId(),
        programId: link.programId,
        projectId: link.projectId,
        linkId: link.id,
        partnerId: link.partnerId,
        status,
        ipHash,
        visitorHash,
        userAgent: clip(r.userAgent),
        referrer: clip(r.referrer),
        country: r.country,
        createdAt: r.at,
      };
    });
    const linkOf = new Map(links.map((l) => [l.id, l]));
    markDuplicates(rows.filter((r): r is ClickRow => r?.status === "VALID"), linkOf, lastValid);

    const stored = rows.filter((r): r is ClickRow => r !== null);
    const commissions = stored.length ? await insert(stored, linkOf) : [];

    const occurredAt = new Date().toISOString();
    for (const c of stored) {
      events.publish({ type: "CLICK_RECORDED", programId: c.programId, partnerId: c.partnerId, projectId: c.projectId, linkId: c.linkId, clickId: c.id, status: c.status, occurredAt });
    }
    for (const e of commissions) events.publish(e);
    return rows.map((row, i) => (row ? { found: true, clickId: row.id, status: row.status, destinationUrl: byCode.get(requests[i]!.code)!.destinationUrl } : { found: false }));
  }

  /**
   * A click is a DUPLICATE when the same visitor (IP and user agent) made a VALID click on the same link
   * within the project's dedup window before it: windows are fixed from the counted click, not sliding.
   * `lastValid` holds each visitor's last VALID click before this batch ("linkId visitorHash" -> ms).
   */
  function markDuplicates(candidates: ClickRow[], linkOf: Map<string, LinkRow>, lastValid: Map<string, number>): void {
    for (const row of candidates) {
      const windowMs = linkOf.get(row.linkId)!.dedupSeconds * 1000;
      if (windowMs <= 0) continue;
      const key = `${row.linkId} ${row.visitorHash}`;
      const previous = lastValid.get(key);
      if (previous !== undefined && row.createdAt.getTime() - previous < windowMs) row.status = "DUPLICATE";
      else lastValid.set(key, row.createdAt.getTime());
    }
  }

  /** Writes the clicks, and their commissions when a project pays per click; returns the commission events. */
  async function insert(stored: ClickRow[], linkOf: Map<string, LinkRow>): Promise<CommissionChangedEvent[]> {
    const earning_ = stored.filter((c) => c.status === "VALID" && linkOf.get(c.linkId)!.clickRules && linkOf.get(c.linkId)!.timezone);
    if (!earning_.length) {
      await sql.query(INSERT, insertValues(stored));
      return [];
    }
    return prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(INSERT.text, ...insertValues(stored));
      const rules = await liveRules(tx, [...new Set(earning_.map((c) => c.projectId))], ["CLICK"]);
      const rows = earning_.flatMap((c) => {
        const link = linkOf.get(c.linkId)!;
        const earned = earning(rules.filter((r) => r.projectId === c.projectId), { event: "CLICK", partnerId: c.partnerId, currency: link.currency, occurredAt: c.createdAt });
        if (!earned) return [];
        return [{
          id: options.newId(),
          programId: c.programId,
          projectId: c.projectId,
          partnerId: c.partnerId,
          kind: "EARNING" as const,
          event: "CLICK" as const,
          clickId: c.id,
          ruleId: earned.ruleId,
          sourceKey: `click:${c.id}`,
          amount: earned.amount,
          currency: link.currency,
          period: periodOf(c.createdAt, link.timezone!),
          earnedAt: c.createdAt,
        }];
      });
      // The redirect cannot fail for a closed month: clicks in a locked period earn nothing now, and
      // syncCommissions adds their commissions if the period is unlocked and synced.
      const open: typeof rows = [];
      for (const programId of new Set(rows.map((r) => r.programId))) {
        const mine = rows.filter((r) => r.programId === programId);
        const locked = await holdPeriods(tx, programId, mine.map((r) => r.period));
        open.push(...mine.filter((r) => !locked.has(r.period)));
      }
      if (open.length) await tx.commission.createMany({ data: open, skipDuplicates: true });
      const occurredAt = new Date().toISOString();
      return open.map((r) => ({ type: "COMMISSION_CHANGED", programId: r.programId, partnerId: r.partnerId, projectId: r.projectId, commissionId: r.id, status: "PENDING", change: "CREATED", occurredAt }) as const);
    });
  }

  /** INSERT's parameters: one array per column. */
  function insertValues(rows: ClickRow[]): unknown[] {
    const col = <K extends keyof ClickRow>(k: K) => rows.map((r) => r[k]);
    return [col("id"), col("programId"), col("projectId"), col("linkId"), col("partnerId"), col("status"), col("ipHash"), col("visitorHash"), col("userAgent"), col("referrer"), col("country"), col("createdAt")];
  }

  const batcher = createGroupCommit<ClickRequest, ClickResult>({
    write,
    maxSize: options.maxBatch ?? 500,
    maxDelayMs: options.maxDelayMs ?? 3,
    onBatchError: (err, size) => log.warn({ err, size }, "click batch failed; writing its clicks one by one"),
  });
  return { record: (r) => batcher.add(r), close: () => batcher.close(), stats: batcher.stats };
}

