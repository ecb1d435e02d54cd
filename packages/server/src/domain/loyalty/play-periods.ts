// Calendar periods in a program's time zone (games' play limits), computed by PostgreSQL so that daylight
// saving changes and month lengths are right. Weeks start on Monday (ISO).
import type { PlayPeriod } from "../../generated/prisma/enums.js";
import type { Tx } from "../kernel/deps.js";

const UNIT: Record<PlayPeriod, string> = { DAY: "day", WEEK: "week", MONTH: "month" };

/** The current period's bounds [start, end) in a time zone (UTC when unset). */
export async function currentPeriod(
  tx: Tx,
  timezone: string | null,
  period: PlayPeriod,
): Promise<{ start: Date; end: Date }> {
  const tz = timezone ?? "UTC";
  const unit = UNIT[period];
  const [row] = await tx.$queryRaw<{ start: Date; end: Date }[]>`
    SELECT (date_trunc(${unit}, now() AT TIME ZONE ${tz}) AT TIME ZONE ${tz}) AS "start",
           ((date_trunc(${unit}, now() AT TIME ZONE ${tz}) + ${`1 ${unit}`}::interval) AT TIME ZONE ${tz}) AS "end"`;
  return row!;
}
