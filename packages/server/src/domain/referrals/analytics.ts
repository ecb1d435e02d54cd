// Referral analytics straight from the tables, in the program's time zone: time series of raw and unique
// clicks, conversions, revenue and commissions per project and/or partner, and top partners of a project.
// Each query is one indexed range scan per table: Click(projectId|partnerId|programId, createdAt),
// Conversion(…, occurredAt), Commission(…, earnedAt), counted per 15-minute slot then bucket (time-buckets.ts).
import { Prisma } from "../../generated/prisma/client.js";
import type { Call } from "../kernel/deps.js";
import { ValidationError } from "../kernel/errors.js";
import { minorDigits } from "../kernel/money.js";
import { requireProgramManager } from "../kernel/principal.js";
import { limitedPartnerIds } from "../kernel/row-filters.js";
import { bucketing, column, type StatsInterval, StatsRange, slot } from "../kernel/time-buckets.js";
import { Decimal, parseInput } from "../kernel/values.js";
import { requireConfigured, requireProgram, requireProgramVisible } from "../programs/programs.js";
import { visibleProject } from "./projects.js";

export type { StatsInterval } from "../kernel/time-buckets.js";

export interface Money {
  amount: Decimal;
  currency: string;
}

export interface StatsRow {
  rawClicks: number;
  uniqueClicks: number;
  conversions: number;
  leads: number;
  sales: number;
  revenue: Money[];
  commissions: Money[];
}

export interface StatsBucket extends StatsRow {
  start: Date;
}

export interface Stats {
  buckets: StatsBucket[];
  totals: StatsRow;
}

export interface StatsQuery {
  programId: string;
  projectId?: string | null;
  partnerId?: string | null;
  from: Date;
  to: Date;
  interval: StatsInterval;
}

const empty = (): StatsRow => ({
  rawClicks: 0,
  uniqueClicks: 0,
  conversions: 0,
  leads: 0,
  sales: 0,
  revenue: [],
  commissions: [],
});

/** A partner gets only its own numbers; naming another partner is NOT_FOUND-like emptiness, never theirs. */
export async function referralStats(call: Call, q: StatsQuery): Promise<Stats> {
  const range = parseInput(StatsRange, { from: q.from, to: q.to, interval: q.interval });
  const scope = await statsScope(call, q);
  const { starts, bucket } = bucketing(call.prisma, scope.tz, range);
  const buckets = await bucketedStats(call, scope, range.from, range.to, starts, (time) => bucket(column(time)));
  const totals = empty();
  for (const b of buckets) {
    totals.rawClicks += b.rawClicks;
    totals.uniqueClicks += b.uniqueClicks;
    totals.conversions += b.conversions;
    totals.leads += b.leads;
    totals.sales += b.sales;
    for (const m of b.revenue) addMoney(totals.revenue, m.currency, m.amount);
    for (const m of b.commissions) addMoney(totals.commissions, m.currency, m.amount);
  }
  return { buckets, totals };
}

/** Who and what a statistics query may count: authorized like referralStats, the partner pinned for partners. */
export interface StatsScope {
  programId: string;
  projectId: string | null;
  /** The one partner counted, or null for the whole program / project. */
  partnerId: string | null;
  tz: string;
}

/**
 * Authorizes a statistics query: NOT_FOUND unless the caller has a role in the program; the project must be a
 * visible project of the program; a partner is limited to its own numbers (naming another is VALIDATION_FAILED).
 */
export async function statsScope(
  call: Call,
  q: Pick<StatsQuery, "programId" | "projectId" | "partnerId">,
): Promise<StatsScope> {
  await requireProgramVisible(call, q.programId);
  if (q.projectId) {
    const project = await visibleProject(call.prisma, call, q.projectId);
    if (project.programId !== q.programId)
      throw new ValidationError([{ path: "projectId", message: "is not a project of this program" }]);
  }
  const scope = limitedPartnerIds(call.principal, q.programId);
  const partnerId = scope
    ? q.partnerId && scope.includes(q.partnerId)
      ? q.partnerId
      : (scope[0] ?? "00000000-0000-0000-0000-000000000000")
    : (q.partnerId ?? null);
  if (scope && q.partnerId && !scope.includes(q.partnerId))
    throw new ValidationError([{ path: "partnerId", message: "partners see only their own statistics" }]);
  const program = requireConfigured(
    requireProgram(await call.prisma.program.findUnique({ where: { id: q.programId } })),
  );
  return { programId: q.programId, projectId: q.projectId ?? null, partnerId, tz: program.timezone };
}

/** The SQL condition of a scope over [from, to) on the row's `time` column. */
export function scopeWhere(scope: StatsScope, time: string, from: Date, to: Date): Prisma.Sql {
  // A project (checked to be the program's) implies the program: naming only the project lets the Click
  // query be an index-only scan of Click(projectId, createdAt, status, partnerId).
  return Prisma.sql`${scope.projectId ? Prisma.sql`"projectId" = ${scope.projectId}::uuid` : Prisma.sql`"programId" = ${scope.programId}::uuid`}
      AND ${Prisma.raw(`"${time}"`)} >= ${from} AND ${Prisma.raw(`"${time}"`)} < ${to}
      ${scope.partnerId ? Prisma.sql`AND "partnerId" = ${scope.partnerId}::uuid` : Prisma.empty}`;
}

/**
 * The analytics query set: clicks, conversions and commissions in [from, to), counted per 15-minute slot and
 * then per bucket (`bucket` maps the slot column to a bucket start among `starts`). One query per table.
 */
export async function bucketedStats(
  call: Call,
  scope: StatsScope,
  from: Date,
  to: Date,
  starts: Date[] | Promise<Date[]>,
  bucket: (time: string) => Prisma.Sql,
): Promise<StatsBucket[]> {
  const where = (time: string) => scopeWhere(scope, time, from, to);

  const [series, clicks, conversions, commissions] = await Promise.all([
    starts,
    call.prisma.$queryRaw<{ start: Date; raw: number; uniq: number }[]>`
      SELECT ${bucket("slot")} AS start, sum(raw)::int AS raw, sum(uniq)::int AS uniq
      FROM (SELECT ${slot(column("createdAt"))} AS slot, count(*) AS raw, count(*) FILTER (WHERE status = 'VALID') AS uniq
            FROM "Click" WHERE ${where("createdAt")} GROUP BY 1) s
      GROUP BY 1`,
    call.prisma.$queryRaw<
      { start: Date; currency: string; leads: number; sales: number; revenue: Prisma.Decimal | null }[]
    >`
      SELECT ${bucket("slot")} AS start, currency, sum(leads)::int AS leads, sum(sales)::int AS sales, sum(revenue) AS revenue
      FROM (SELECT ${slot(column("occurredAt"))} AS slot, currency, count(*) FILTER (WHERE type = 'LEAD') AS leads,
                   count(*) FILTER (WHERE type = 'SALE') AS sales, sum(amount - "refundedAmount") FILTER (WHERE type = 'SALE') AS revenue
            FROM "Conversion" WHERE ${where("occurredAt")} AND status = 'ATTRIBUTED' GROUP BY 1, 2) s
      GROUP BY 1, 2`,
    call.prisma.$queryRaw<{ start: Date; currency: string; amount: Prisma.Decimal }[]>`
      SELECT ${bucket("slot")} AS start, currency, sum(amount) AS amount
      FROM (SELECT ${slot(column("earnedAt"))} AS slot, currency, sum(amount) AS amount
            FROM "Commission" WHERE ${where("earnedAt")} AND status IN ('PENDING', 'APPROVED', 'PAID') GROUP BY 1, 2) s
      GROUP BY 1, 2`,
  ]);

  const buckets = new Map<number, StatsBucket>(series.map((s) => [s.getTime(), { start: s, ...empty() }]));
  const at = (start: Date) => buckets.get(new Date(start).getTime());
  for (const c of clicks) {
    const b = at(c.start);
    if (b) Object.assign(b, { rawClicks: c.raw, uniqueClicks: c.uniq });
  }
  for (const c of conversions) {
    const b = at(c.start);
    if (!b) continue;
    b.leads += c.leads;
    b.sales += c.sales;
    b.conversions += c.leads + c.sales;
    if (c.revenue !== null) addMoney(b.revenue, c.currency, new Decimal(c.revenue));
  }
  for (const c of commissions) {
    const b = at(c.start);
    if (b) addMoney(b.commissions, c.currency, new Decimal(c.amount));
  }
  return [...buckets.values()].sort((a, b) => a.start.getTime() - b.start.getTime());
}

function addMoney(list: Money[], currency: string, amount: Decimal): void {
  const found = list.find((m) => m.currency === currency);
  if (found) found.amount = found.amount.add(amount);
  else {
    list.push({ amount, currency });
    list.sort((a, b) => a.currency.localeCompare(b.currency));
  }
}

/** Conversions per unique click, 4 decimal places (half up); null without clicks. */
export function conversionRate(row: Pick<StatsRow, "conversions" | "uniqueClicks">): Decimal | null {
  return row.uniqueClicks
    ? new Decimal(row.conversions).div(row.uniqueClicks).toDecimalPlaces(4, Decimal.ROUND_HALF_UP)
    : null;
}

/** Commissions per unique click (EPC), per currency, to two more places than the minor unit (half up). */
export function earningsPerClick(row: Pick<StatsRow, "commissions" | "uniqueClicks">): Money[] {
  if (!row.uniqueClicks) return [];
  return row.commissions.map((m) => ({
    currency: m.currency,
    amount: m.amount.div(row.uniqueClicks).toDecimalPlaces(minorDigits(m.currency) + 2, Decimal.ROUND_HALF_UP),
  }));
}

// Top partners -------------------------------------------------------------------------------------------

export type TopPartnersOrder = "UNIQUE_CLICKS" | "CONVERSIONS" | "REVENUE" | "COMMISSIONS";

export interface TopPartnerRow {
  partnerId: string;
  rawClicks: number;
  uniqueClicks: number;
  conversions: number;
  revenue: Decimal;
  commissions: Decimal;
  currency: string;
}

const ORDER_COLUMN: Record<TopPartnersOrder, string> = {
  UNIQUE_CLICKS: "uniq",
  CONVERSIONS: "conversions",
  REVENUE: "revenue",
  COMMISSIONS: "commissions",
};

/** A project's partners ranked over a range (managers only: partners would see each other). */
export async function topPartners(
  call: Call,
  projectId: string,
  from: Date,
  to: Date,
  orderBy: TopPartnersOrder,
  first: number,
): Promise<TopPartnerRow[]> {
  const project = await visibleProject(call.prisma, call, projectId);
  requireProgramManager(call.principal, project.programId);
  if (from >= to) throw new ValidationError([{ path: "to", message: "must be after from" }]);
  if (first < 1 || first > 100) throw new ValidationError([{ path: "first", message: "must be between 1 and 100" }]);
  const rows = await call.prisma.$queryRaw<Omit<TopPartnerRow, "currency">[]>`
    WITH c AS (
      SELECT "partnerId", count(*)::int AS raw, (count(*) FILTER (WHERE status = 'VALID'))::int AS uniq
      FROM "Click" WHERE "projectId" = ${projectId}::uuid AND "createdAt" >= ${from} AND "createdAt" < ${to} GROUP BY 1
    ), v AS (
      SELECT "partnerId", count(*)::int AS conversions, coalesce(sum(amount - "refundedAmount") FILTER (WHERE type = 'SALE'), 0) AS revenue
      FROM "Conversion" WHERE "projectId" = ${projectId}::uuid AND status = 'ATTRIBUTED' AND "occurredAt" >= ${from} AND "occurredAt" < ${to} GROUP BY 1
    ), m AS (
      SELECT "partnerId", sum(amount) AS commissions
      FROM "Commission" WHERE "projectId" = ${projectId}::uuid AND status IN ('PENDING', 'APPROVED', 'PAID') AND "earnedAt" >= ${from} AND "earnedAt" < ${to} GROUP BY 1
    ), t AS (
      SELECT p AS "partnerId", coalesce(c.raw, 0) AS "rawClicks", coalesce(c.uniq, 0) AS uniq, coalesce(v.conversions, 0) AS conversions,
             coalesce(v.revenue, 0) AS revenue, coalesce(m.commissions, 0) AS commissions
      FROM (SELECT "partnerId" AS p FROM c UNION SELECT "partnerId" FROM v UNION SELECT "partnerId" FROM m) ids
      LEFT JOIN c ON c."partnerId" = ids.p LEFT JOIN v ON v."partnerId" = ids.p LEFT JOIN m ON m."partnerId" = ids.p
    )
    SELECT "partnerId", "rawClicks", uniq AS "uniqueClicks", conversions, revenue, commissions FROM t
    ORDER BY ${Prisma.raw(`"${ORDER_COLUMN[orderBy]}"`)} DESC, "partnerId" ASC
    LIMIT ${first}`;
  return rows.map((r) => ({
    ...r,
    revenue: new Decimal(r.revenue),
    commissions: new Decimal(r.commissions),
    currency: project.currency,
  }));
}
