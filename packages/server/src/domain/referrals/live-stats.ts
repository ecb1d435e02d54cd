// Rolling counters of the last N minutes for liveStats: the analytics query set with one bucket over the
// window (scoped exactly like referralStats), plus the points the program's purchases awarded and took back;
// and which published events a live subscriber receives, and which of them make its counters stale.
import type { DomainEvent } from "../../events/bus.js";
import { Prisma } from "../../generated/prisma/client.js";
import type { Call } from "../kernel/deps.js";
import { ValidationError } from "../kernel/errors.js";
import { canSeeEvent, type Principal } from "../kernel/principal.js";
import { bucketedStats, type StatsRow, type StatsScope, scopeWhere, statsScope } from "./analytics.js";

export const MIN_WINDOW_MINUTES = 1;
export const MAX_WINDOW_MINUTES = 1440;

export interface LiveStatsSnapshot extends StatsRow {
  from: Date;
  to: Date;
  windowMinutes: number;
  /** Points awarded for purchases in the window (0 when narrowed to a project: points belong to none). */
  pointsAwarded: number;
  /** Points taken back for returns in the window (0 when narrowed to a project). */
  pointsReturned: number;
}

export function checkWindow(windowMinutes: number): number {
  if (!Number.isInteger(windowMinutes) || windowMinutes < MIN_WINDOW_MINUTES || windowMinutes > MAX_WINDOW_MINUTES) {
    throw new ValidationError([
      { path: "windowMinutes", message: `must be between ${MIN_WINDOW_MINUTES} and ${MAX_WINDOW_MINUTES}` },
    ]);
  }
  return windowMinutes;
}

/** Authorizes once (NOT_FOUND for strangers; a partner pinned to itself); reuse the scope for every snapshot. */
export const liveStatsScope = statsScope;

/** The counters of [now - windowMinutes, now] in one query set. */
export async function liveStatsSnapshot(
  call: Call,
  scope: StatsScope,
  windowMinutes: number,
  now = new Date(),
): Promise<LiveStatsSnapshot> {
  const to = new Date(now.getTime() + 1); // inclusive of events committed in this very millisecond
  const from = new Date(now.getTime() - windowMinutes * 60_000);
  const single = () => Prisma.sql`${from}::timestamptz`;
  const [[row], points] = await Promise.all([
    bucketedStats(call, scope, from, to, [from], single),
    scope.projectId
      ? Promise.resolve([{ awarded: 0, returned: 0 }])
      : call.prisma.$queryRaw<{ awarded: number; returned: number }[]>`
          SELECT coalesce(sum(points) FILTER (WHERE type = 'EARN'), 0)::int AS awarded, coalesce(-sum(points) FILTER (WHERE type = 'RETURN'), 0)::int AS returned
          FROM "LedgerEntry" WHERE ${scopeWhere(scope, "createdAt", from, to)} AND "purchaseId" IS NOT NULL AND type IN ('EARN', 'RETURN')`,
  ]);
  const { start: _start, ...counters } = row!;
  return {
    ...counters,
    from,
    to: now,
    windowMinutes,
    pointsAwarded: points[0]?.awarded ?? 0,
    pointsReturned: points[0]?.returned ?? 0,
  };
}

/**
 * Whether a live subscriber receives an event of its program's topic: one it may see (canSeeEvent: a partner
 * only its own), narrowed to one project (events without a project, such as points, never match) and/or one
 * partner when asked.
 */
export function receivesLiveEvent(
  principal: Principal,
  narrowedTo: { projectId?: string | null; partnerId?: string | null },
  event: DomainEvent,
): boolean {
  return (
    canSeeEvent(principal, event) &&
    (!narrowedTo.projectId || ("projectId" in event && event.projectId === narrowedTo.projectId)) &&
    (!narrowedTo.partnerId || event.partnerId === narrowedTo.partnerId)
  );
}

/** The events that change what liveStatsSnapshot counts. */
const LIVE_STATS_EVENTS = new Set<DomainEvent["type"]>([
  "CLICK_RECORDED",
  "CONVERSION_CREATED",
  "COMMISSION_CHANGED",
  "POINTS_AWARDED",
  "POINTS_RETURNED",
]);

/** Whether an event makes a liveStats subscriber's last snapshot stale: it counts, and the subscriber receives it. */
export function makesLiveStatsStale(principal: Principal, scope: StatsScope, event: DomainEvent): boolean {
  return LIVE_STATS_EVENTS.has(event.type) && receivesLiveEvent(principal, scope, event);
}
