// The ledger's sums: every balance shown or checked (program points, a loyalty card's points, a stamp card's
// stamps) is the sum of a member's entries on one account, computed here and nowhere else; and the member lock
// that serializes the writes which check a balance before they spend it.
import { Prisma } from "../../generated/prisma/client.js";
import type { Tx } from "../kernel/deps.js";

/**
 * One balance of a member: the program's points (cardId null: entries without a card), or one card's points
 * or stamps (the entries with that cardId).
 */
export interface LedgerAccount {
  memberId: string;
  cardId: string | null;
}

export interface LedgerTotals {
  /** The sum of the account's entries. */
  balance: number;
  /** The sum of its positive entries: everything ever earned on it (stamp cards count completed cards so). */
  earned: number;
}

/** Anything that can run a raw query: the client, or a transaction (then the sums see its own writes). */
type Db = Pick<Tx, "$queryRaw">;

const ZERO: LedgerTotals = { balance: 0, earned: 0 };

/** The definition of the totals, shared by every query below (entries aliased `e`). */
const TOTALS = Prisma.sql`COALESCE(SUM(e."points"), 0)::bigint AS "balance",
  COALESCE(SUM(e."points") FILTER (WHERE e."points" > 0), 0)::bigint AS "earned"`;
type TotalsRow = { balance: bigint | number; earned: bigint | number };
const totalsOfRow = (r: TotalsRow): LedgerTotals => ({ balance: Number(r.balance), earned: Number(r.earned) });
const accountKey = (a: LedgerAccount) => `${a.memberId}/${a.cardId ?? ""}`;

/**
 * The totals of many accounts in one statement, in the order asked; accounts without entries are zero.
 * Program accounts and card accounts are summed in separate branches so that each probes the
 * (memberId, cardId, id) index by both columns (`IS NOT DISTINCT FROM` would use only the first).
 */
export async function ledgerTotals(db: Db, accounts: readonly LedgerAccount[]): Promise<LedgerTotals[]> {
  if (!accounts.length) return [];
  const programMembers = [...new Set(accounts.flatMap((a) => (a.cardId === null ? [a.memberId] : [])))];
  const cardAccounts = [
    ...new Map(accounts.flatMap((a) => (a.cardId === null ? [] : [[accountKey(a), a] as const]))).values(),
  ];
  const branches: Prisma.Sql[] = [];
  if (programMembers.length)
    branches.push(Prisma.sql`
      SELECT e."memberId"::text AS "memberId", NULL::text AS "cardId", ${TOTALS}
      FROM "LedgerEntry" e
      WHERE e."memberId" = ANY(${programMembers}::uuid[]) AND e."cardId" IS NULL
      GROUP BY e."memberId"`);
  if (cardAccounts.length)
    branches.push(Prisma.sql`
      SELECT e."memberId"::text AS "memberId", e."cardId"::text AS "cardId", ${TOTALS}
      FROM "LedgerEntry" e
      JOIN unnest(${cardAccounts.map((a) => a.memberId)}::uuid[], ${cardAccounts.map((a) => a.cardId)}::uuid[])
        AS k("memberId", "cardId")
        ON e."memberId" = k."memberId" AND e."cardId" = k."cardId"
      GROUP BY e."memberId", e."cardId"`);
  const rows = await db.$queryRaw<(TotalsRow & LedgerAccount)[]>(Prisma.join(branches, " UNION ALL "));
  const byKey = new Map(rows.map((r) => [accountKey(r), totalsOfRow(r)]));
  return accounts.map((a) => byKey.get(accountKey(a)) ?? ZERO);
}

/** The balances of many accounts in one statement, in the order asked. */
export async function balances(db: Db, accounts: readonly LedgerAccount[]): Promise<number[]> {
  return (await ledgerTotals(db, accounts)).map((t) => t.balance);
}

/** The balances of many members on one account kind (the program's points, or one card), by member id. */
export async function balancesByMember(
  db: Db,
  memberIds: readonly string[],
  cardId: string | null,
): Promise<Map<string, number>> {
  const sums = await balances(
    db,
    memberIds.map((memberId) => ({ memberId, cardId })),
  );
  return new Map(memberIds.map((id, i) => [id, sums[i]!]));
}

/**
 * One member's balance: without a card the program's points, with one that card's points or stamps. Writes
 * that check it call it inside their transaction after `lockMember`.
 */
export async function balanceOf(db: Db, memberId: string, cardId: string | null = null): Promise<number> {
  return (await totalsOf(db, memberId, cardId)).balance;
}

/**
 * One account's totals; with `beforeEntryId`, only the entries written before that one (ids are UUIDv7, so in
 * time order): what the account held when that entry was written. Plain equality predicates, not the batch's
 * array probes, so that the planner of these per-write queries always probes the (memberId, cardId, id) index.
 */
export async function totalsOf(
  db: Db,
  memberId: string,
  cardId: string | null,
  beforeEntryId?: string,
): Promise<LedgerTotals> {
  const [row] = await db.$queryRaw<TotalsRow[]>`
    SELECT ${TOTALS}
    FROM "LedgerEntry" e
    WHERE e."memberId" = ${memberId}::uuid
      AND ${cardId === null ? Prisma.sql`e."cardId" IS NULL` : Prisma.sql`e."cardId" = ${cardId}::uuid`}
      ${beforeEntryId === undefined ? Prisma.empty : Prisma.sql`AND e."id" < ${beforeEntryId}::uuid`}`;
  return row ? totalsOfRow(row) : ZERO;
}

/** Serializes points writes for one member (balance checks and concurrent redemptions). */
export async function lockMember(tx: Tx, memberId: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 FROM "Member" WHERE "id" = ${memberId}::uuid FOR UPDATE`;
}

/**
 * `lockMember` for many members at once, taken in id order so that two writers locking overlapping sets cannot
 * deadlock. Callers with very many members pass them in chunks (sorted across chunks too).
 */
export async function lockMembers(tx: Tx, memberIds: readonly string[]): Promise<void> {
  if (!memberIds.length) return;
  await tx.$queryRaw`SELECT 1 FROM "Member" WHERE "id" = ANY(${[...memberIds]}::uuid[]) ORDER BY "id" FOR UPDATE`;
}
