// Card balances, always from the ledger: a LOYALTY card's points, a STAMP card's stamps. Stamps are a plain
// sum too: each addition is a positive entry, each full-card redemption an entry of −stampsRequired, so
//   full cards waiting = floor(total / required), stamps on the card in progress = total mod required,
//   cards completed    = floor(earned / required), earned being the sum of the positive entries.
import type { Prisma } from "../../generated/prisma/client.js";
import type { Tx } from "../kernel/deps.js";

export interface CardTotals {
  /** The balance: the sum of the member's entries on the card. */
  total: number;
  /** The sum of the positive entries: everything ever earned on the card. */
  earned: number;
}

export interface StampProgress {
  stampsRequired: number;
  /** Stamps on the card in progress. */
  current: number;
  /** Full cards waiting to be redeemed. */
  fullCards: number;
  /** Cards ever filled (redeemed or not). */
  completed: number;
}

export function stampProgress(totals: CardTotals, stampsRequired: number): StampProgress {
  const total = Math.max(totals.total, 0);
  return {
    stampsRequired,
    current: total % stampsRequired,
    fullCards: Math.floor(total / stampsRequired),
    completed: Math.floor(Math.max(totals.earned, 0) / stampsRequired),
  };
}

const pairKey = (memberId: string, cardId: string) => `${memberId}:${cardId}`;

/** The totals of many (member, card) pairs in one query; pairs without entries are zero. */
export async function cardTotals(
  db: Pick<Tx, "$queryRaw">,
  pairs: readonly { memberId: string; cardId: string }[],
): Promise<CardTotals[]> {
  if (!pairs.length) return [];
  const rows = await db.$queryRaw<{ memberId: string; cardId: string; total: number; earned: number }[]>`
    SELECT e."memberId"::text AS "memberId", e."cardId"::text AS "cardId",
           COALESCE(SUM(e."points"), 0)::int AS "total",
           COALESCE(SUM(e."points") FILTER (WHERE e."points" > 0), 0)::int AS "earned"
    FROM "LedgerEntry" e
    JOIN unnest(${pairs.map((p) => p.memberId)}::uuid[], ${pairs.map((p) => p.cardId)}::uuid[]) AS k("memberId", "cardId")
      ON e."memberId" = k."memberId" AND e."cardId" = k."cardId"
    GROUP BY e."memberId", e."cardId"`;
  const byPair = new Map(rows.map((r) => [pairKey(r.memberId, r.cardId), { total: r.total, earned: r.earned }]));
  return pairs.map((p) => byPair.get(pairKey(p.memberId, p.cardId)) ?? { total: 0, earned: 0 });
}

/** One member's totals on one card (inside an action's transaction, after its member lock). */
export async function cardTotalsOf(
  tx: Pick<Tx, "ledgerEntry">,
  memberId: string,
  cardId: string,
  before?: Prisma.LedgerEntryWhereInput,
): Promise<CardTotals> {
  const where = { memberId, cardId, ...before };
  const all = await tx.ledgerEntry.aggregate({ where, _sum: { points: true } });
  const earned = await tx.ledgerEntry.aggregate({ where: { ...where, points: { gt: 0 } }, _sum: { points: true } });
  return { total: all._sum.points ?? 0, earned: earned._sum.points ?? 0 };
}
