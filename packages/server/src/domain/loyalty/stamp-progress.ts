// Stamp progress, derived from a stamp card's ledger totals (points/ledger.ts), for one card or many. Stamps are
// a plain sum: each addition is a positive entry, each full-card redemption an entry of −stampsRequired, so
//   full cards waiting = floor(balance / required), stamps on the card in progress = balance mod required,
//   cards completed    = floor(earned / required), earned being the sum of the positive entries.
import type { PrismaClient } from "../../generated/prisma/client.js";
import { type LedgerTotals, ledgerTotals } from "../points/ledger.js";

export interface StampProgress {
  stampsRequired: number;
  /** Stamps on the card in progress. */
  current: number;
  /** Full cards waiting to be redeemed. */
  fullCards: number;
  /** Cards ever filled (redeemed or not). */
  completed: number;
}

export function stampProgress(totals: LedgerTotals, stampsRequired: number): StampProgress {
  const balance = Math.max(totals.balance, 0);
  return {
    stampsRequired,
    current: balance % stampsRequired,
    fullCards: Math.floor(balance / stampsRequired),
    completed: Math.floor(Math.max(totals.earned, 0) / stampsRequired),
  };
}

/** The progress of many (member, card) pairs in two statements, in the order asked; null for LOYALTY cards. */
export async function stampProgresses(
  db: Pick<PrismaClient, "$queryRaw" | "card">,
  pairs: readonly { memberId: string; cardId: string }[],
): Promise<(StampProgress | null)[]> {
  const totals = await ledgerTotals(db, pairs);
  const cards = await db.card.findMany({
    where: { id: { in: [...new Set(pairs.map((p) => p.cardId))] } },
    select: { id: true, type: true, stampsRequired: true },
  });
  const byId = new Map(cards.map((c) => [c.id, c]));
  return pairs.map((p, i) => {
    const card = byId.get(p.cardId);
    return card?.type === "STAMP" ? stampProgress(totals[i]!, card.stampsRequired ?? 1) : null;
  });
}
