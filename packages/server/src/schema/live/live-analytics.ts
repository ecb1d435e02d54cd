// Live analytics: conversions, clicks, commissions and points as they are committed, and liveStats. Thin:
// authorize like partnerChanged (a role in the program, else NOT_FOUND), filter the program's bus topic to the
// events the caller may see and asked for (receivesLiveEvent), load the committed row with the caller's scope
// (null once it is no longer visible), and for liveStats run the coalescing stream over the domain's snapshot.
import { SubscriberTooSlowError, ValidationError } from "../../domain/kernel/errors.js";
import { requireProgramVisible } from "../../domain/programs/programs.js";
import {
  checkWindow,
  type LiveStatsSnapshot,
  liveStatsScope,
  liveStatsSnapshot,
  makesLiveStatsStale,
  receivesLiveEvent,
} from "../../domain/referrals/live-stats.js";
import { OVERFLOWED, type Overflowed } from "../../events/bounded.js";
import type {
  ClickRecordedEvent,
  CommissionChangedEvent,
  ConversionCreatedEvent,
  DomainEvent,
  PointsEvent,
} from "../../events/bus.js";
import { coalescedSnapshots } from "../../events/coalesced-snapshots.js";
import { loadOncePerEvent } from "../../events/per-event-loads.js";
import { builder } from "../builder.js";
import type { Context } from "../context.js";
import { optionalRowId, rowId } from "../ids.js";
import { StatsValuesRef } from "../referrals/analytics.js";
import { ClickStatusEnum } from "../referrals/clicks.js";
import { CommissionStatusEnum } from "../referrals/commissions.js";
import { ConversionStatusEnum } from "../referrals/conversions.js";

/** Undelivered events one subscription may hold before it is ended with SUBSCRIBER_TOO_SLOW. */
export const LIVE_QUEUE_LIMIT = 1_000;

const LiveFilter = builder.inputType("LiveFilter", {
  description: "Which program's events (the topic), optionally narrowed to one project or one partner.",
  fields: (t) => ({
    programId: t.id({ required: true }),
    projectId: t.id({
      required: false,
      description:
        "Only events of this referral project. Points events belong to no project: not allowed on pointsAwarded.",
    }),
    partnerId: t.id({
      required: false,
      description: "Only events of this partner. A partner never receives another partner's events, whatever it asks.",
    }),
  }),
});
type LiveFilterInput = { programId: string; projectId?: string | null; partnerId?: string | null };

const ConversionCreatedRef = builder.objectRef<ConversionCreatedEvent>("ConversionCreatedEvent").implement({
  description: "A conversion was recorded (sent after commit).",
  fields: (t) => ({
    status: t.field({ type: ConversionStatusEnum, resolve: (e) => e.status }),
    occurredAt: t.field({ type: "DateTime", resolve: (e) => new Date(e.occurredAt) }),
    conversion: t.prismaField({
      type: "Conversion",
      nullable: true,
      description: "The conversion as it is now; null if the caller can no longer see it.",
      resolve: (query, e, _args, ctx) =>
        loadOncePerEvent(e, query, () => ctx.prisma.conversion.findUnique({ ...query, where: { id: e.conversionId } })),
    }),
  }),
});

const ClickRecordedRef = builder.objectRef<ClickRecordedEvent>("ClickRecordedEvent").implement({
  description: "A click on a referral link was recorded, whatever its classification (sent after commit).",
  fields: (t) => ({
    status: t.field({ type: ClickStatusEnum, resolve: (e) => e.status }),
    occurredAt: t.field({ type: "DateTime", resolve: (e) => new Date(e.occurredAt) }),
    click: t.prismaField({
      type: "Click",
      nullable: true,
      description: "The click as it is now; null if the caller can no longer see it.",
      resolve: (query, e, _args, ctx) =>
        loadOncePerEvent(e, query, () => ctx.prisma.click.findUnique({ ...query, where: { id: e.clickId } })),
    }),
  }),
});

const CommissionChangeEnum = builder.enumType("CommissionChange", {
  values: ["CREATED", "AMOUNT_CHANGED", "STATUS_CHANGED"] as const,
});
const CommissionChangedRef = builder.objectRef<CommissionChangedEvent>("CommissionChangedEvent").implement({
  description: "A commission was created, or its amount or status changed (sent after commit).",
  fields: (t) => ({
    change: t.field({ type: CommissionChangeEnum, resolve: (e) => e.change }),
    status: t.field({ type: CommissionStatusEnum, resolve: (e) => e.status }),
    occurredAt: t.field({ type: "DateTime", resolve: (e) => new Date(e.occurredAt) }),
    commission: t.prismaField({
      type: "Commission",
      nullable: true,
      description: "The commission as it is now; null if the caller can no longer see it.",
      resolve: (query, e, _args, ctx) =>
        loadOncePerEvent(e, query, () => ctx.prisma.commission.findUnique({ ...query, where: { id: e.commissionId } })),
    }),
  }),
});

const PointsEventTypeEnum = builder.enumType("PointsEventType", {
  values: ["POINTS_AWARDED", "POINTS_RETURNED"] as const,
});
const PointsEventRef = builder.objectRef<PointsEvent>("PointsEvent").implement({
  description: "Points were awarded for a purchase, or taken back for a return (sent after commit).",
  fields: (t) => ({
    type: t.field({ type: PointsEventTypeEnum, resolve: (e) => e.type }),
    points: t.int({
      description: "Awarded (POINTS_AWARDED) or taken back (POINTS_RETURNED); never negative.",
      resolve: (e) => e.points,
    }),
    occurredAt: t.field({ type: "DateTime", resolve: (e) => new Date(e.occurredAt) }),
    purchase: t.prismaField({
      type: "Purchase",
      nullable: true,
      description: "The purchase as it is now; null if the caller can no longer see it.",
      resolve: (query, e, _args, ctx) =>
        loadOncePerEvent(e, query, () => ctx.prisma.purchase.findUnique({ ...query, where: { id: e.purchaseId } })),
    }),
  }),
});

// liveStats ----------------------------------------------------------------------------------------------

/** liveStats pushes at most once per this many ms after events, and at least once per LIVE_STATS_HEARTBEAT_MS. */
export const LIVE_STATS_COALESCE_MS = 2_000;
export const LIVE_STATS_HEARTBEAT_MS = 10_000;
let openStatsStreams = 0;
/** liveStats streams whose timers are live on this instance (tests: 0 once every subscription ended). */
export const liveStatsStreams = () => openStatsStreams;

const LiveStatsRef = builder.objectRef<LiveStatsSnapshot>("LiveStats").implement({
  description: "Rolling counters of the last windowMinutes, as of `to`.",
  fields: (t) => ({
    from: t.expose("from", { type: "DateTime" }),
    to: t.expose("to", { type: "DateTime" }),
    windowMinutes: t.exposeInt("windowMinutes"),
    values: t.field({
      type: StatsValuesRef,
      description: "Clicks, leads, sales, revenue and commissions of the window, as referralStats counts them.",
      resolve: (s) => s,
    }),
    pointsAwarded: t.exposeInt("pointsAwarded", {
      description:
        "Points awarded for purchases in the window; 0 when filtered by project (points belong to no project).",
    }),
    pointsReturned: t.exposeInt("pointsReturned", {
      description: "Points taken back for returns in the window; 0 when filtered by project.",
    }),
  }),
});

/**
 * A snapshot at once, then one after relevant events (coalesced: at most one per LIVE_STATS_COALESCE_MS) and a
 * heartbeat after LIVE_STATS_HEARTBEAT_MS without one. Authorized (and the partner pinned) once, like referralStats.
 */
async function liveStatsStream(
  ctx: Context,
  filter: LiveFilterInput,
  windowMinutes: number,
): Promise<AsyncIterableIterator<LiveStatsSnapshot>> {
  checkWindow(windowMinutes);
  const scope = await liveStatsScope(ctx, {
    programId: rowId(filter.programId, "Program"),
    projectId: optionalRowId(filter.projectId, "ReferralProject"),
    partnerId: optionalRowId(filter.partnerId, "Partner"),
  });
  openStatsStreams++;
  return coalescedSnapshots({
    source: ctx.events.subscribeBounded(scope.programId, LIVE_QUEUE_LIMIT),
    isRelevant: (e: DomainEvent) => makesLiveStatsStale(ctx.principal, scope, e),
    snapshot: () => liveStatsSnapshot(ctx, scope, windowMinutes),
    coalesceMs: LIVE_STATS_COALESCE_MS,
    heartbeatMs: LIVE_STATS_HEARTBEAT_MS,
    overflowError: () => new SubscriberTooSlowError(LIVE_QUEUE_LIMIT),
    onEnd: () => openStatsStreams--,
  });
}

/**
 * The caller's stream of one kind of event: NOT_FOUND unless it has a role in the program; then only events it
 * may see (canSeeEvent: partners their own) that match the filter, through a bounded queue.
 */
async function liveEvents<E extends DomainEvent>(
  ctx: Context,
  filter: LiveFilterInput,
  isKind: (e: DomainEvent) => e is E,
): Promise<AsyncIterable<E | Overflowed>> {
  const programId = rowId(filter.programId, "Program");
  const projectId = optionalRowId(filter.projectId, "ReferralProject");
  const partnerId = optionalRowId(filter.partnerId, "Partner");
  await requireProgramVisible(ctx, programId);
  const source = ctx.events.subscribeBounded(programId, LIVE_QUEUE_LIMIT);
  const wanted = (e: DomainEvent): e is E => isKind(e) && receivesLiveEvent(ctx.principal, { projectId, partnerId }, e);
  return {
    [Symbol.asyncIterator]: () => ({
      async next() {
        for (;;) {
          const r = await source.next();
          if (r.done || r.value === OVERFLOWED || wanted(r.value)) return r as IteratorResult<E | Overflowed>;
        }
      },
      return: () => source.return!() as Promise<IteratorResult<E | Overflowed>>,
    }),
  };
}

/** The source's value, or the error that ends a subscription whose queue overflowed. */
function delivered<E>(e: E | Overflowed): E {
  if (e === OVERFLOWED) throw new SubscriberTooSlowError(LIVE_QUEUE_LIMIT);
  return e;
}

const kind =
  <E extends DomainEvent>(...types: E["type"][]) =>
  (e: DomainEvent): e is E =>
    (types as string[]).includes(e.type);

builder.subscriptionFields((t) => {
  const filterArg = { filter: t.arg({ type: LiveFilter, required: true }) };
  return {
    liveStats: t.field({
      type: LiveStatsRef,
      description:
        "Rolling counters of the last windowMinutes (1–1440) for a program, project or partner: a snapshot at once, after events (at most one per 2 s) and every 10 s. Scoped like referralStats: a partner gets only its own.",
      args: { ...filterArg, windowMinutes: t.arg.int({ required: false, defaultValue: 60 }) },
      subscribe: (_root, args, ctx) => liveStatsStream(ctx, args.filter, args.windowMinutes ?? 60),
      resolve: (s: LiveStatsSnapshot) => s,
    }),
    conversionCreated: t.field({
      type: ConversionCreatedRef,
      description: "Conversions of a program as they are recorded. Managers receive all; a partner only its own.",
      args: filterArg,
      subscribe: (_root, args, ctx) => liveEvents(ctx, args.filter, kind<ConversionCreatedEvent>("CONVERSION_CREATED")),
      resolve: delivered,
    }),
    clickRecorded: t.field({
      type: ClickRecordedRef,
      description:
        "Clicks on a program's referral links as they are recorded. Managers receive all; a partner only its own.",
      args: filterArg,
      subscribe: (_root, args, ctx) => liveEvents(ctx, args.filter, kind<ClickRecordedEvent>("CLICK_RECORDED")),
      resolve: delivered,
    }),
    commissionChanged: t.field({
      type: CommissionChangedRef,
      description: "Commissions of a program being created or changed. Managers receive all; a partner only its own.",
      args: filterArg,
      subscribe: (_root, args, ctx) => liveEvents(ctx, args.filter, kind<CommissionChangedEvent>("COMMISSION_CHANGED")),
      resolve: delivered,
    }),
    pointsAwarded: t.field({
      type: PointsEventRef,
      description:
        "Points awarded and returned in a program's ledger. Managers receive all; a partner only what went through it.",
      args: filterArg,
      subscribe: (_root, args, ctx) => {
        if (args.filter.projectId)
          throw new ValidationError([{ path: "filter.projectId", message: "Points events belong to no project" }]);
        return liveEvents(ctx, args.filter, kind<PointsEvent>("POINTS_AWARDED", "POINTS_RETURNED"));
      },
      resolve: delivered,
    }),
  };
});
