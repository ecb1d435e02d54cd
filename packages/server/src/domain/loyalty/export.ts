// Data exports (members, ledger transactions, redemptions) of a program or one card, read in keyset-paginated
// batches so that an export of any size holds one batch in memory. Scoped like the GraphQL reads: the
// program's managers and keys export the whole program (or one card of it); a partner (its key or users) only
// its own cards, one card at a time.
import type { CardType, Prisma } from "../../generated/prisma/client.js";
import type { Call, Deps } from "../kernel/deps.js";
import { AuthError, ErrorCode, NotFoundError, ValidationError } from "../kernel/errors.js";
import { canManageProgram, requireAuthenticated, requireProgramManager } from "../kernel/principal.js";
import { balancesByMember } from "../points/ledger.js";
import { requireOwner } from "./access.js";

/** Rows read per query: one batch is all an export keeps in memory. */
export const EXPORT_BATCH_SIZE = 1000;

export interface ExportQuery {
  programId: string;
  cardId?: string | null;
  /** Inclusive lower bound on when the row happened (transactions and redemptions). */
  from?: Date | null;
  /** Exclusive upper bound. */
  to?: Date | null;
}

export interface ExportScope {
  programId: string;
  card: { id: string; type: CardType; partnerId: string } | null;
  from: Date | null;
  to: Date | null;
  /** Whether the members' email and name are exported: only to those who see members whole (seesWholeMember). */
  memberContact: boolean;
}

/**
 * Who may export what. Without a card: the program's managers and keys (partners are told to name one of their
 * cards, staff are refused, strangers learn nothing). With a card: its owners (requireOwner).
 */
export async function exportScope(call: Call, q: ExportQuery): Promise<ExportScope> {
  const p = call.principal;
  requireAuthenticated(p);
  if (q.from && q.to && q.from >= q.to) throw new ValidationError([{ path: "to", message: "must be after from" }]);
  const range = { from: q.from ?? null, to: q.to ?? null };
  if (!q.cardId) {
    if (
      !canManageProgram(p, q.programId) &&
      p.grants.some((g) => g.role === "PARTNER_USER" && g.programId === q.programId)
    ) {
      throw new AuthError(
        ErrorCode.INSUFFICIENT_PARTNER_PERMISSIONS,
        "Partners export one of their own cards at a time: pass cardId",
      );
    }
    requireProgramManager(p, q.programId);
    if (!(await call.prisma.program.findUnique({ where: { id: q.programId }, select: { id: true } })))
      throw new NotFoundError(ErrorCode.NOT_FOUND, "Program not found");
    return { programId: q.programId, card: null, memberContact: true, ...range };
  }
  const card = await call.prisma.card.findFirst({
    where: { id: q.cardId, programId: q.programId },
    select: { id: true, type: true, partnerId: true, programId: true },
  });
  if (!card) throw new NotFoundError(ErrorCode.NOT_FOUND, "Card not found in this program");
  requireOwner(p, card);
  return {
    programId: q.programId,
    card: { id: card.id, type: card.type, partnerId: card.partnerId },
    // A business exports its followers' card data, not the program's contact data (see seesWholeMember).
    memberContact: canManageProgram(p, q.programId),
    ...range,
  };
}

/**
 * Keyset pagination on the primary key: each batch starts after the last id of the one before, so every
 * query is an index range scan however deep the export is, and rows written meanwhile never shift a page.
 */
async function* keyset<T extends { id: string }>(fetch: (after: string | null) => Promise<T[]>): AsyncGenerator<T[]> {
  let after: string | null = null;
  for (;;) {
    const batch = await fetch(after);
    if (batch.length) yield batch;
    if (batch.length < EXPORT_BATCH_SIZE) return;
    after = batch[batch.length - 1]!.id;
  }
}

const afterId = (after: string | null) => (after ? { id: { gt: after } } : {});

function createdIn(scope: ExportScope): { createdAt?: Prisma.DateTimeFilter } {
  if (!scope.from && !scope.to) return {};
  return { createdAt: { ...(scope.from && { gte: scope.from }), ...(scope.to && { lt: scope.to }) } };
}

// Members ------------------------------------------------------------------------------------------------------

export interface MemberExportRow {
  id: string;
  externalId: string;
  email: string | null;
  name: string | null;
  createdAt: Date;
  /** With a card: when the member followed it. */
  followedAt: Date | null;
  /** The program's points, or with a card its points (LOYALTY) or stamps (STAMP): the ledger's sum. */
  balance: number;
}

/** The program's members, or a card's followers, in batches. */
export function memberBatches(deps: Deps, scope: ExportScope): AsyncGenerator<MemberExportRow[]> {
  const cardId = scope.card?.id ?? null;
  const balances = (ids: string[]) => balancesByMember(deps.prisma, ids, cardId);
  const memberFields = { id: true, externalId: true, email: true, name: true, createdAt: true } as const;
  const contact = <M extends { email: string | null; name: string | null }>(m: M): M =>
    scope.memberContact ? m : { ...m, email: null, name: null };
  if (cardId === null) {
    return keyset(async (after) => {
      const members = await deps.prisma.member.findMany({
        where: { programId: scope.programId, ...afterId(after) },
        orderBy: { id: "asc" },
        take: EXPORT_BATCH_SIZE,
        select: memberFields,
      });
      const sums = await balances(members.map((m) => m.id));
      return members.map((m) => ({ ...contact(m), followedAt: null, balance: sums.get(m.id) ?? 0 }));
    });
  }
  // Followers, by the (cardId, memberId) primary key.
  return keyset(async (after) => {
    const follows = await deps.prisma.cardFollow.findMany({
      where: { cardId, ...(after && { memberId: { gt: after } }) },
      orderBy: { memberId: "asc" },
      take: EXPORT_BATCH_SIZE,
      select: { followedAt: true, member: { select: memberFields } },
    });
    const sums = await balances(follows.map((f) => f.member.id));
    return follows.map((f) => ({
      ...contact(f.member),
      followedAt: f.followedAt,
      balance: sums.get(f.member.id) ?? 0,
    }));
  });
}

// Transactions (the ledger) -------------------------------------------------------------------------------------

const ledgerSelect = {
  id: true,
  createdAt: true,
  memberId: true,
  cardId: true,
  type: true,
  source: true,
  points: true,
  note: true,
  partnerId: true,
  purchaseId: true,
  idempotencyKey: true,
  member: { select: { externalId: true } },
  activity: { select: { clubId: true } },
} satisfies Prisma.LedgerEntrySelect;
export type TransactionExportRow = Prisma.LedgerEntryGetPayload<{ select: typeof ledgerSelect }>;

/** Ledger entries: the program's points without a card, the card's points or stamps with one. */
export function transactionBatches(deps: Deps, scope: ExportScope): AsyncGenerator<TransactionExportRow[]> {
  const cardId = scope.card?.id ?? null;
  return keyset((after) =>
    deps.prisma.ledgerEntry.findMany({
      where: { programId: scope.programId, cardId, ...createdIn(scope), ...afterId(after) },
      orderBy: { id: "asc" },
      take: EXPORT_BATCH_SIZE,
      select: ledgerSelect,
    }),
  );
}

// Redemptions -------------------------------------------------------------------------------------------------

const redemptionSelect = {
  id: true,
  createdAt: true,
  memberId: true,
  cardId: true,
  rewardId: true,
  clubId: true,
  cost: true,
  member: { select: { externalId: true } },
  reward: { select: { title: true } },
  coupon: { select: { code: true, status: true, expiresAt: true, redeemedAt: true } },
} satisfies Prisma.RedemptionSelect;
export type RedemptionExportRow = Prisma.RedemptionGetPayload<{ select: typeof redemptionSelect }>;

export function redemptionBatches(deps: Deps, scope: ExportScope): AsyncGenerator<RedemptionExportRow[]> {
  return keyset((after) =>
    deps.prisma.redemption.findMany({
      where: {
        programId: scope.programId,
        ...(scope.card && { cardId: scope.card.id }),
        ...createdIn(scope),
        ...afterId(after),
      },
      orderBy: { id: "asc" },
      take: EXPORT_BATCH_SIZE,
      select: redemptionSelect,
    }),
  );
}
