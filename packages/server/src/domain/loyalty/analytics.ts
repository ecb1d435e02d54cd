// Business analytics of loyalty cards, straight from the tables and bucketed in the program's time zone
// (time-buckets.ts): card views, new followers and active members from Activity, points issued and redeemed
// and stamps collected from the ledger, redemptions and popular rewards from Redemption. One statement per
// table, each an index range scan: Activity(cardId, createdAt) or (clubId, createdAt), LedgerEntry(cardId,
// createdAt) (joined to its Activity by primary key when a club is asked for), Redemption(cardId, createdAt).
//
// Scope: the program's managers and keys see the whole program, or one partner, card or club of it; a partner
// (its key or users) only its own cards and clubs; staff only the clubs they work in. A club scope counts what
// happened in the club (staff actions, redemptions): card views and follows happen on a card, not in a club,
// and are null there.
import { Prisma, type Reward } from "../../generated/prisma/client.js";
import type { Call } from "../kernel/deps.js";
import { AuthError, ErrorCode, NotFoundError, ValidationError } from "../kernel/errors.js";
import { canManageProgram, requireAuthenticated, staffClubs } from "../kernel/principal.js";
import { type Bucketing, bucketing, column, type StatsInterval, StatsRange, slot } from "../kernel/time-buckets.js";
import { parseInput } from "../kernel/values.js";

export interface LoyaltyStatsQuery {
  programId?: string | null;
  partnerId?: string | null;
  cardId?: string | null;
  clubId?: string | null;
  from: Date;
  to: Date;
  interval: StatsInterval;
  /** How many popular rewards (1–50, default 5). */
  topRewards?: number | null;
}

export interface LoyaltyStatsValues {
  /** Null for a club scope (views happen on a card, not in a club). */
  cardViews: number | null;
  newFollowers: number | null;
  pointsIssued: number;
  pointsRedeemed: number;
  stampsCollected: number;
  activeMembers: number;
  redemptions: number;
}

export interface LoyaltyStats {
  buckets: (LoyaltyStatsValues & { start: Date })[];
  totals: LoyaltyStatsValues;
  popularRewards: { reward: Reward; redemptions: number }[];
}

export interface LoyaltyScope {
  programId: string;
  tz: string;
  loyaltyCardIds: string[];
  stampCardIds: string[];
  /** Only what happened in these clubs; null: no club filter. */
  clubIds: string[] | null;
}

const storeDenied = (message: string) => new AuthError(ErrorCode.STORE_ACCESS_DENIED, message);
const notFound = (what: string) => new NotFoundError(ErrorCode.NOT_FOUND, `${what} not found`);

/** Who may see which figures: see the file's comment. */
export async function loyaltyStatsScope(
  call: Call,
  q: Pick<LoyaltyStatsQuery, "programId" | "partnerId" | "cardId" | "clubId">,
): Promise<LoyaltyScope> {
  const p = call.principal;
  requireAuthenticated(p);
  if (!q.programId && !q.partnerId)
    throw new ValidationError([{ path: "programId", message: "give programId or partnerId" }]);
  const named = q.partnerId
    ? await call.prisma.partner.findFirst({
        where: { id: q.partnerId, deletedAt: null },
        select: { id: true, programId: true },
      })
    : null;
  if (q.partnerId && (!named || (q.programId && named.programId !== q.programId)))
    throw new NotFoundError(ErrorCode.PARTNER_NOT_FOUND, "Partner not found");
  const programId = (q.programId ?? named!.programId) as string;

  // The caller's reach in the program: everything, its own partners, or the clubs it works in.
  const manager = canManageProgram(p, programId);
  const ownPartners = p.grants.flatMap((g) =>
    g.role === "PARTNER_USER" && g.programId === programId ? [g.partnerId] : [],
  );
  const workClubs = staffClubs(p, programId).map((c) => c.clubId);
  const isStaff = p.grants.some((g) => g.role === "STAFF" && g.programId === programId);
  const reach = manager ? "program" : ownPartners.length ? "partner" : isStaff ? "clubs" : null;
  // A partner of a program the caller has no role in is as unknown as a partner that does not exist.
  if (!reach) throw named ? new NotFoundError(ErrorCode.PARTNER_NOT_FOUND, "Partner not found") : notFound("Program");
  if (reach === "clubs" && !workClubs.length) throw storeDenied("You work in no club of this program");
  const foreignPartner = () =>
    new AuthError(ErrorCode.INSUFFICIENT_PARTNER_PERMISSIONS, "Partners see only their own cards and clubs");
  if (named && reach === "partner" && !ownPartners.includes(named.id)) throw foreignPartner();
  if (named && reach === "clubs")
    throw new AuthError(ErrorCode.FORBIDDEN, "Staff see their clubs' figures: name a club or card, or nothing");

  const program = await call.prisma.program.findUnique({ where: { id: programId }, select: { timezone: true } });
  if (!program) throw notFound("Program");

  const card = q.cardId
    ? await call.prisma.card.findFirst({
        where: { id: q.cardId, programId },
        select: { id: true, partnerId: true, clubs: { select: { clubId: true } } },
      })
    : null;
  if (q.cardId) {
    if (!card) throw notFound("Card");
    if (reach === "partner" && !ownPartners.includes(card.partnerId)) throw foreignPartner();
    if (reach === "clubs" && !card.clubs.some((c) => workClubs.includes(c.clubId)))
      throw storeDenied("You do not work in a club that carries this card");
    if (named && card.partnerId !== named.id)
      throw new ValidationError([{ path: "cardId", message: "is not a card of partnerId" }]);
  }
  const club = q.clubId
    ? await call.prisma.club.findFirst({ where: { id: q.clubId, programId }, select: { id: true, partnerId: true } })
    : null;
  if (q.clubId) {
    if (!club) throw notFound("Club");
    if (reach === "partner" && !ownPartners.includes(club.partnerId)) throw foreignPartner();
    if (reach === "clubs" && !workClubs.includes(club.id)) throw storeDenied("You do not work in this club");
    if (named && club.partnerId !== named.id)
      throw new ValidationError([{ path: "clubId", message: "is not a club of partnerId" }]);
  }

  const clubIds = club ? [club.id] : reach === "clubs" ? workClubs : null;
  // The cards whose ledger and redemptions count: the one asked for, else those of the partners in scope.
  const partnerIds = card
    ? null
    : club
      ? [club.partnerId]
      : named
        ? [named.id]
        : reach === "partner"
          ? ownPartners
          : reach === "clubs"
            ? (await call.prisma.club.findMany({ where: { id: { in: workClubs } }, select: { partnerId: true } })).map(
                (c) => c.partnerId,
              )
            : null;
  const cards = await call.prisma.card.findMany({
    where: { programId, ...(card ? { id: card.id } : {}), ...(partnerIds ? { partnerId: { in: partnerIds } } : {}) },
    select: { id: true, type: true },
  });
  return {
    programId,
    tz: program.timezone ?? "UTC",
    loyaltyCardIds: cards.filter((c) => c.type === "LOYALTY").map((c) => c.id),
    stampCardIds: cards.filter((c) => c.type === "STAMP").map((c) => c.id),
    clubIds,
  };
}

/** The statements behind loyaltyStats (exported for the benchmark's EXPLAIN): one per table, plus popular rewards. */
export function loyaltyStatsStatements(
  scope: LoyaltyScope,
  range: StatsRange,
  top: number,
  bucket: Bucketing["bucket"],
) {
  const cards = [...scope.loyaltyCardIds, ...scope.stampCardIds];
  const clubs = scope.clubIds;
  const inRange = (time: Prisma.Sql) => Prisma.sql`${time} >= ${range.from} AND ${time} < ${range.to}`;
  const uuids = (ids: string[]) => Prisma.sql`${ids}::uuid[]`;
  const bySlot = Prisma.sql`${bucket(Prisma.sql`s.slot`)}`;

  // Activity: each row's 15-minute slot; views and follows counted per slot, and only the slots moved into the
  // time zone and bucketed; active members as distinct (bucket, member) pairs (hashed, not sorted). The last
  // row (start null) is the range's total: distinct members over the whole range, not the sum of the buckets'.
  const activity = Prisma.sql`
    WITH a AS MATERIALIZED (
      SELECT ${slot(column("createdAt"))} AS slot, "memberId", "type"
      FROM "Activity"
      WHERE ${clubs ? Prisma.sql`"clubId" = ANY(${uuids(clubs)}) AND "cardId" = ANY(${uuids(cards)})` : Prisma.sql`"cardId" = ANY(${uuids(cards)})`} AND ${inRange(column("createdAt"))}
    ), b AS MATERIALIZED (
      SELECT s.slot, ${bySlot} AS start, s.views, s.follows
      FROM (SELECT slot, count(*) FILTER (WHERE "type" = 'CARD_VIEW') AS views, count(*) FILTER (WHERE "type" = 'FOLLOW') AS follows FROM a GROUP BY slot) s
    ), m AS (
      SELECT DISTINCT b.start, a."memberId" FROM a JOIN b ON b.slot = a.slot WHERE a."memberId" IS NOT NULL
    )
    SELECT c.start, c.views, c.follows, coalesce(d.active, 0) AS active
    FROM (SELECT start, sum(views)::int AS views, sum(follows)::int AS follows FROM b GROUP BY start) c
    LEFT JOIN (SELECT start, count(*)::int AS active FROM m GROUP BY start) d ON d.start = c.start
    UNION ALL
    SELECT NULL, coalesce(sum(views), 0)::int, coalesce(sum(follows), 0)::int, (SELECT count(*)::int FROM (SELECT DISTINCT "memberId" FROM a WHERE "memberId" IS NOT NULL) x) FROM b`;

  const ledger = Prisma.sql`
    SELECT ${bySlot} AS start, sum(s.issued)::int AS issued, sum(s.redeemed)::int AS redeemed, sum(s.stamps)::int AS stamps
    FROM (
      SELECT ${slot(Prisma.sql`l."createdAt"`)} AS slot,
             coalesce(sum(l.points) FILTER (WHERE l."cardId" = ANY(${uuids(scope.loyaltyCardIds)}) AND l.points > 0), 0) AS issued,
             coalesce(-sum(l.points) FILTER (WHERE l."cardId" = ANY(${uuids(scope.loyaltyCardIds)}) AND l."type" = 'REDEEM'), 0) AS redeemed,
             coalesce(sum(l.points) FILTER (WHERE l."cardId" = ANY(${uuids(scope.stampCardIds)}) AND l.points > 0), 0) AS stamps
      FROM "LedgerEntry" l
      ${clubs ? Prisma.sql`JOIN "Activity" a ON a."id" = l."activityId" AND a."clubId" = ANY(${uuids(clubs)})` : Prisma.empty}
      WHERE l."cardId" = ANY(${uuids(cards)}) AND ${inRange(Prisma.sql`l."createdAt"`)}
      GROUP BY 1
    ) s
    GROUP BY 1`;

  const redemptionWhere = Prisma.sql`"cardId" = ANY(${uuids(cards)}) AND ${inRange(column("createdAt"))} ${clubs ? Prisma.sql`AND "clubId" = ANY(${uuids(clubs)})` : Prisma.empty}`;
  const redemptions = Prisma.sql`
    SELECT ${bySlot} AS start, sum(s.n)::int AS n
    FROM (SELECT ${slot(column("createdAt"))} AS slot, count(*) AS n FROM "Redemption" WHERE ${redemptionWhere} GROUP BY 1) s
    GROUP BY 1`;
  const popular = Prisma.sql`
    SELECT "rewardId", count(*)::int AS n FROM "Redemption" WHERE ${redemptionWhere} GROUP BY 1 ORDER BY n DESC, "rewardId" LIMIT ${top}`;
  return { activity, ledger, redemptions, popular };
}

export async function loyaltyStats(call: Call, q: LoyaltyStatsQuery): Promise<LoyaltyStats> {
  const range = parseInput(StatsRange, { from: q.from, to: q.to, interval: q.interval });
  const top = q.topRewards ?? 5;
  if (!Number.isInteger(top) || top < 1 || top > 50)
    throw new ValidationError([{ path: "topRewards", message: "must be between 1 and 50" }]);
  const scope = await loyaltyStatsScope(call, q);
  const { starts, bucket } = bucketing(call.prisma, scope.tz, range);
  const sql = loyaltyStatsStatements(scope, range, top, bucket);
  const [series, activityRows, ledgerRows, redemptionRows, popularRows] = await Promise.all([
    starts,
    call.prisma.$queryRaw<{ start: Date | null; views: number; follows: number; active: number }[]>(sql.activity),
    call.prisma.$queryRaw<{ start: Date; issued: number; redeemed: number; stamps: number }[]>(sql.ledger),
    call.prisma.$queryRaw<{ start: Date; n: number }[]>(sql.redemptions),
    call.prisma.$queryRaw<{ rewardId: string; n: number }[]>(sql.popular),
  ]);
  const clubs = scope.clubIds;

  const perCard = clubs === null; // views and follows are card figures
  const empty = (): LoyaltyStatsValues => ({
    cardViews: perCard ? 0 : null,
    newFollowers: perCard ? 0 : null,
    pointsIssued: 0,
    pointsRedeemed: 0,
    stampsCollected: 0,
    activeMembers: 0,
    redemptions: 0,
  });
  const buckets = new Map(series.map((start) => [start.getTime(), { start, ...empty() }]));
  const at = (start: Date) => buckets.get(new Date(start).getTime());
  const totals = empty();
  for (const r of activityRows) {
    const target = r.start === null ? totals : at(r.start);
    if (!target) continue;
    if (perCard) Object.assign(target, { cardViews: r.views, newFollowers: r.follows });
    target.activeMembers = r.active;
  }
  for (const r of ledgerRows) {
    const b = at(r.start);
    if (!b) continue;
    Object.assign(b, { pointsIssued: r.issued, pointsRedeemed: r.redeemed, stampsCollected: r.stamps });
    totals.pointsIssued += r.issued;
    totals.pointsRedeemed += r.redeemed;
    totals.stampsCollected += r.stamps;
  }
  for (const r of redemptionRows) {
    const b = at(r.start);
    if (!b) continue;
    b.redemptions = r.n;
    totals.redemptions += r.n;
  }
  const rewards = new Map(
    (await call.prisma.reward.findMany({ where: { id: { in: popularRows.map((r) => r.rewardId) } } })).map((r) => [
      r.id,
      r,
    ]),
  );
  return {
    buckets: [...buckets.values()].sort((a, b) => a.start.getTime() - b.start.getTime()),
    totals,
    popularRewards: popularRows.flatMap((r) =>
      rewards.has(r.rewardId) ? [{ reward: rewards.get(r.rewardId)!, redemptions: r.n }] : [],
    ),
  };
}
