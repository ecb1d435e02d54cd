// Commission periods: calendar months in the program's time zone ("2026-11"), their bounds as instants, and
// the locks that close them. A write that creates or changes a commission holds a shared advisory lock on its
// period for the rest of its transaction; locking takes the exclusive one, so a lock and a write never overlap.
import { z } from "zod";
import type { Tx } from "../kernel/deps.js";
import { CommissionLockedError } from "../kernel/errors.js";

export const periodText = z
  .string()
  .trim()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a calendar month such as "2026-11"');

const monthFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar month of an instant in a time zone, "YYYY-MM". */
export function periodOf(instant: Date, timeZone: string): string {
  let format = monthFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit" });
    monthFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(instant);
  const year = parts.find((p) => p.type === "year")!.value;
  const month = parts.find((p) => p.type === "month")!.value;
  return `${year}-${month}`;
}

/** Offset of a time zone from UTC at an instant, in milliseconds (Vilnius in summer: +3h). */
function zoneOffset(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return (
    Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second")) -
    Math.floor(instant / 1000) * 1000
  );
}

/** The instant of a local wall-clock time in a time zone (the earlier one when a DST change repeats it). */
export function zonedInstant(year: number, month: number, day: number, timeZone: string, hour = 0): Date {
  const wall = Date.UTC(year, month - 1, day, hour);
  let instant = wall - zoneOffset(wall, timeZone);
  instant = wall - zoneOffset(instant, timeZone);
  return new Date(instant);
}

/** [start, end) of a period in a time zone. */
export function periodBounds(period: string, timeZone: string): { start: Date; end: Date } {
  const [year, month] = period.split("-").map(Number) as [number, number];
  const next = month === 12 ? [year + 1, 1] : [year, month + 1];
  return { start: zonedInstant(year, month, 1, timeZone), end: zonedInstant(next[0]!, next[1]!, 1, timeZone) };
}

const lockKey = (programId: string, period: string) => `commission-period:${programId}:${period}`;

/**
 * Inside a transaction that will create or change commissions of these periods: waits for any lock or unlock
 * in progress and keeps them from starting until commit. Returns the periods that are closed.
 */
export async function holdPeriods(tx: Tx, programId: string, periods: Iterable<string>): Promise<Set<string>> {
  const unique = [...new Set(periods)].sort();
  for (const period of unique)
    await tx.$executeRaw`SELECT pg_advisory_xact_lock_shared(hashtext(${lockKey(programId, period)}))`;
  const rows = await tx.commissionPeriodLock.findMany({
    where: { programId, period: { in: unique } },
    select: { period: true },
  });
  return new Set(rows.map((r) => r.period));
}

/** Like holdPeriods, failing with COMMISSION_LOCKED when one of them is closed. */
export async function requireOpenPeriods(tx: Tx, programId: string, periods: Iterable<string>): Promise<void> {
  const locked = [...(await holdPeriods(tx, programId, periods))].sort();
  if (locked.length) throw new CommissionLockedError(locked[0]!);
}

/** Takes the exclusive lock of a period: waits for writes in flight, holds new ones until commit. */
export async function lockPeriodExclusively(tx: Tx, programId: string, period: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${lockKey(programId, period)}))`;
}
