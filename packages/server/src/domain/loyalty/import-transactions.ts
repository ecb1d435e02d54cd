// importTransactions: historical ledger entries from another system. Each row names its member (externalId),
// signed points (stamps on a STAMP card), optionally a card (else the program's points), when it happened and
// a note, and carries its own externalId: stored as the entry's idempotency key ("import:<externalId>"), so a
// file imported again writes nothing twice, and a key imported before with other values is a CONFLICT.
// Entries are source IMPORT, type EARN (positive) or REDEEM (negative), dated when they happened, never billed
// to a partner. A card entry also gets its IMPORTED activity (the member's card history and the analytics) and
// makes the member a follower of the card if they were not (with its FOLLOW activity, dated at their first
// imported entry on the card).
import { parseInstant } from "@partnergraph/points";
import type { Prisma } from "../../generated/prisma/client.js";
import type { Call, Tx } from "../kernel/deps.js";
import { decodeGlobalId } from "../kernel/ids.js";
import { requireProgramManager } from "../kernel/principal.js";
import { uuidv7 } from "../kernel/uuid.js";
import { balances, lockMembers } from "../points/ledger.js";
import { actorOf } from "../programs/audit.js";
import { requireProgram } from "../programs/programs.js";
import { zonedInstant } from "../referrals/periods.js";
import {
  type ImportInput,
  type ImportKind,
  type ImportReport,
  type ImportRow,
  inChunks,
  RowChecker,
  runImport,
} from "./import.js";

export const IMPORT_KEY_PREFIX = "import:";
const MAX_POINTS = 1_000_000_000;

interface TransactionRow {
  row: ImportRow;
  key: string;
  memberExternalId: string;
  points: number;
  cardId: string | null;
  occurredAt: Date;
  note: string | null;
}

export async function importTransactions(call: Call, input: ImportInput): Promise<ImportReport> {
  requireProgramManager(call.principal, input.programId);
  return runImport(call, input, transactionsImport(call, input.programId));
}

function transactionsImport(call: Call, programId: string): ImportKind {
  return {
    action: "import.transactions",
    columns: [
      { name: "externalId", required: true },
      { name: "memberExternalId", required: true },
      { name: "points", required: true },
      { name: "cardId", required: false },
      { name: "occurredAt", required: true },
      { name: "note", required: false },
    ],
    async plan(tx, rows) {
      const program = requireProgram(
        await tx.program.findUnique({
          where: { id: programId },
          select: { timezone: true, allowNegativeBalance: true },
        }),
      );
      const check = new RowChecker();
      const seen = new Map<string, number>();
      const now = new Date();
      const parsed: TransactionRow[] = [];
      for (const row of rows) {
        const externalId = check.text(row, "externalId", { required: true, max: 190 });
        const memberExternalId = check.text(row, "memberExternalId", { required: true, max: 200 });
        const points = check.integer(row, "points", (n) =>
          n === 0
            ? "must not be 0"
            : Math.abs(n) > MAX_POINTS
              ? `must be between -${MAX_POINTS} and ${MAX_POINTS}`
              : null,
        );
        const note = check.text(row, "note", { required: false, max: 500 });
        const cardText = row.get("cardId");
        const cardId = cardText
          ? (decodeGlobalId(cardText, "Card") ??
            check.reject(row, "cardId", "UNKNOWN_CARD", `cardId "${cardText}" is not a card's id`))
          : null;
        const occurredAt = instant(check, row, program.timezone ?? "UTC", now);
        if (externalId && !check.unique(seen, row, "externalId", externalId)) continue;
        if (
          check.isRejected(row) ||
          !externalId ||
          !memberExternalId ||
          points === undefined ||
          cardId === undefined ||
          !occurredAt
        )
          continue;
        parsed.push({
          row,
          key: IMPORT_KEY_PREFIX + externalId,
          memberExternalId,
          points,
          cardId,
          occurredAt,
          note: note ?? null,
        });
      }

      // References: members and cards of this program.
      const members = new Map(
        (
          await inChunks([...new Set(parsed.map((t) => t.memberExternalId))], (chunk) =>
            tx.member.findMany({
              where: { programId, externalId: { in: chunk } },
              select: { id: true, externalId: true },
            }),
          )
        ).map((m) => [m.externalId, m.id]),
      );
      const cards = new Map(
        (
          await tx.card.findMany({
            where: { programId, id: { in: [...new Set(parsed.flatMap((t) => (t.cardId ? [t.cardId] : [])))] } },
            select: { id: true, partnerId: true },
          })
        ).map((c) => [c.id, c]),
      );
      // Keys imported before: the same row again is unchanged; other values under the key are a conflict.
      const stored = new Map(
        (
          await inChunks(parsed, (chunk) =>
            tx.ledgerEntry.findMany({
              where: { programId, idempotencyKey: { in: chunk.map((t) => t.key) } },
              select: {
                idempotencyKey: true,
                memberId: true,
                cardId: true,
                points: true,
                createdAt: true,
                note: true,
                source: true,
              },
            }),
          )
        ).map((e) => [e.idempotencyKey!, e]),
      );

      let unchanged = 0;
      const fresh: (TransactionRow & { memberId: string })[] = [];
      for (const t of parsed) {
        const memberId = members.get(t.memberExternalId);
        if (!memberId)
          check.reject(
            t.row,
            "memberExternalId",
            "UNKNOWN_MEMBER",
            `no member of the program has externalId "${t.memberExternalId}" (import members first)`,
          );
        if (t.cardId && !cards.has(t.cardId))
          check.reject(t.row, "cardId", "UNKNOWN_CARD", `card "${t.row.get("cardId")}" is not a card of this program`);
        if (check.isRejected(t.row)) continue;
        const earlier = stored.get(t.key);
        if (!earlier) {
          fresh.push({ ...t, memberId: memberId! });
          continue;
        }
        const same =
          earlier.source === "IMPORT" &&
          earlier.memberId === memberId &&
          earlier.cardId === t.cardId &&
          earlier.points === t.points &&
          earlier.createdAt.getTime() === t.occurredAt.getTime() &&
          earlier.note === t.note;
        if (same) unchanged++;
        else
          check.reject(
            t.row,
            "externalId",
            "CONFLICT",
            `externalId "${t.key.slice(IMPORT_KEY_PREFIX.length)}" was imported before with other values`,
          );
      }

      await checkBalances(tx, check, fresh, program.allowNegativeBalance);
      const valid = fresh.filter((t) => !check.isRejected(t.row));

      return {
        rejected: check.rejected,
        changes: valid.length,
        unchanged,
        apply: (t) => writeEntries(t, call, programId, valid, cards),
      };
    },
  };
}

/**
 * An ISO 8601 instant with an offset, or a calendar date (the start of that day in the program's time zone);
 * never in the future.
 */
function instant(check: RowChecker, row: ImportRow, timeZone: string, now: Date): Date | undefined {
  const text = row.get("occurredAt");
  if (!text) return check.reject(row, "occurredAt", "REQUIRED", "occurredAt is required");
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const millis = day ? calendarDay(Number(day[1]), Number(day[2]), Number(day[3]), timeZone) : parseInstant(text);
  if (millis === undefined) {
    return check.reject(
      row,
      "occurredAt",
      "INVALID_VALUE",
      `occurredAt must be an ISO 8601 date-time with an offset (2026-05-01T14:30:00+03:00) or a date (2026-05-01), got "${text}"`,
    );
  }
  if (millis > now.getTime())
    return check.reject(row, "occurredAt", "INVALID_VALUE", `occurredAt ${text} is in the future`);
  return new Date(millis);
}

function calendarDay(year: number, month: number, day: number, timeZone: string): number | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return zonedInstant(year, month, day, timeZone).getTime();
}

/**
 * Balances may not end below zero: per member and card (or program points), what is stored plus the file's
 * rows. Checked on the final sum (a file's order within a day is not trusted), under the members' row locks
 * (lockMember's lock) so that a concurrent redemption cannot spend the same points meanwhile. Program points may
 * go negative where the program allows it; card points and stamps never.
 */
async function checkBalances(
  tx: Tx,
  check: RowChecker,
  rows: (TransactionRow & { memberId: string })[],
  allowNegative: boolean,
): Promise<void> {
  const sums = new Map<
    string,
    { memberId: string; cardId: string | null; sum: number; lastDebit: TransactionRow | null }
  >();
  for (const t of rows) {
    const key = `${t.memberId}/${t.cardId ?? ""}`;
    const s = sums.get(key) ?? { memberId: t.memberId, cardId: t.cardId, sum: 0, lastDebit: null };
    s.sum += t.points;
    if (t.points < 0) s.lastDebit = t;
    sums.set(key, s);
  }
  const debited = [...sums.values()].filter((s) => s.lastDebit && !(s.cardId === null && allowNegative));
  if (!debited.length) return;
  const memberIds = [...new Set(debited.map((s) => s.memberId))].sort();
  await inChunks(memberIds, async (chunk) => {
    await lockMembers(tx, chunk);
    return [];
  });
  // The stored balance of each account the file debits, one statement per chunk of members (as for the locks).
  const stored = new Map(
    await inChunks(memberIds, async (chunk) => {
      const inChunk = new Set(chunk);
      const accounts = debited.filter((s) => inChunk.has(s.memberId));
      const held = await balances(tx, accounts);
      return accounts.map((s, i) => [s, held[i]!] as const);
    }),
  );
  for (const s of debited) {
    const before = stored.get(s)!;
    if (before + s.sum >= 0) continue;
    const what = s.cardId ? "card balance" : "points balance";
    check.reject(
      s.lastDebit!.row,
      "points",
      "INSUFFICIENT_BALANCE",
      `member "${s.lastDebit!.memberExternalId}"'s ${what} is ${before}; with this file's rows it would be ${before + s.sum}`,
    );
  }
}

async function writeEntries(
  tx: Tx,
  call: Call,
  programId: string,
  rows: (TransactionRow & { memberId: string })[],
  cards: Map<string, { id: string; partnerId: string }>,
) {
  const actor = actorOf(call.principal);
  const activities: Prisma.ActivityCreateManyInput[] = [];
  const entries: Prisma.LedgerEntryCreateManyInput[] = [];
  const follows = new Map<string, Prisma.CardFollowCreateManyInput>();
  for (const t of rows) {
    const card = t.cardId ? cards.get(t.cardId)! : null;
    const activityId = card ? uuidv7() : null;
    if (card) {
      activities.push({
        id: activityId!,
        programId,
        partnerId: card.partnerId,
        cardId: card.id,
        memberId: t.memberId,
        type: "IMPORTED",
        ...actor,
        points: t.points,
        createdAt: t.occurredAt,
      });
      const key = `${card.id}/${t.memberId}`;
      const follow = follows.get(key);
      if (!follow || t.occurredAt < (follow.followedAt as Date))
        follows.set(key, { cardId: card.id, memberId: t.memberId, programId, followedAt: t.occurredAt });
    }
    entries.push({
      programId,
      memberId: t.memberId,
      cardId: t.cardId,
      activityId,
      type: t.points > 0 ? "EARN" : "REDEEM",
      source: "IMPORT",
      points: t.points,
      note: t.note,
      idempotencyKey: t.key,
      createdAt: t.occurredAt,
    });
  }
  // New follows get their FOLLOW activity, as every follow does (followCard, a staff award to a non-follower).
  const followed = await inChunks([...follows.values()], (chunk) =>
    tx.cardFollow.createManyAndReturn({ data: chunk, skipDuplicates: true }),
  );
  for (const f of followed) {
    activities.push({
      id: uuidv7(),
      programId,
      partnerId: cards.get(f.cardId)!.partnerId,
      cardId: f.cardId,
      memberId: f.memberId,
      type: "FOLLOW",
      ...actor,
      createdAt: f.followedAt,
    });
  }
  await inChunks(activities, async (chunk) => [await tx.activity.createMany({ data: chunk })]);
  await inChunks(entries, async (chunk) => [await tx.ledgerEntry.createMany({ data: chunk })]);
}
