// Instants, weekdays and local clock times. Local time comes from Intl.DateTimeFormat (Node's ICU time zone
// data), so daylight-saving changes are the time zone database's, not ours.

/** ISO-8601 date-time with an offset: "2012-04-23T18:25:43.511+00:00", "2024-03-10T07:30:00Z". */
export type IsoInstant = string;

export const WEEKDAYS = ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const MINUTES_PER_DAY = 1440;
export const MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;

// The offset is required: a purchase time without one names no instant. Lowercase "z" appears in the reference.
const INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)$/;

/**
 * The instants the API accepts: years 1900 to 9999 in UTC. Earlier years are typing mistakes (year 0001), later
 * ones cannot be written as four-digit ISO years, and databases and clients disagree at the extremes.
 */
export const FIRST_INSTANT = Date.UTC(1900, 0, 1);
export const LAST_INSTANT = Date.UTC(10000, 0, 1) - 1;

/** Whether an instant (milliseconds since the epoch) lies in years 1900–9999 UTC. */
export function isSupportedInstant(millis: number): boolean {
  return millis >= FIRST_INSTANT && millis <= LAST_INSTANT;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Milliseconds since the epoch, or undefined when text is not a real ISO-8601 date-time with an offset
 * (Date.parse would take "2012-02-30" as 1 March, and no offset as local time) or lies outside years
 * 1900–9999. Digits beyond milliseconds are dropped: instants are compared at the database's precision.
 */
export function parseInstant(text: string): number | undefined {
  const match = INSTANT.exec(text);
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s = "0", fraction = "", zulu, sign, oh = "0", om = "0"] = match;
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const [offsetHours, offsetMinutes] = [Number(oh), Number(om)];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59 || offsetHours > 23 || offsetMinutes > 59) return undefined;
  const millis = Number(fraction.padEnd(3, "0").slice(0, 3));
  const date = new Date(Date.UTC(2000, month - 1, day, hour, minute, second, millis));
  date.setUTCFullYear(year); // Date.UTC maps years 0–99 to 1900–1999
  const offset = zulu ? 0 : (sign === "-" ? -1 : 1) * (offsetHours * 60 + offsetMinutes) * 60_000;
  const instant = date.getTime() - offset;
  return isSupportedInstant(instant) ? instant : undefined;
}

/** Minutes since midnight for "HH:MM" (00:00–23:59), or undefined. */
export function parseClock(text: string): number | undefined {
  const match = /^(\d{2}):(\d{2})$/.exec(text);
  if (!match) return undefined;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  return hours <= 23 && minutes <= 59 ? hours * 60 + minutes : undefined;
}

const SHORT_WEEKDAYS: Readonly<Record<string, number>> = { Mon: 0, Tue: 1, Wed: 2, Thu: 3, Fri: 4, Sat: 5, Sun: 6 };

/**
 * A function from an instant to the minute of the week in timeZone (Monday 00:00 = 0, Sunday 23:59 = 10079).
 * Throws RangeError for an unknown time zone. Build it once per program: a DateTimeFormat is costly to create.
 */
export function weekMinuteClock(timeZone: string): (epochMillis: number) => number {
  const format = new Intl.DateTimeFormat("en-US", {
    timeZone,
    weekday: "short",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  });
  return (epochMillis) => {
    let weekday: number | undefined;
    let hour = 0;
    let minute = 0;
    for (const part of format.formatToParts(epochMillis)) {
      if (part.type === "weekday") weekday = SHORT_WEEKDAYS[part.value];
      else if (part.type === "hour") hour = Number(part.value);
      else if (part.type === "minute") minute = Number(part.value);
    }
    if (weekday === undefined) throw new Error(`unexpected weekday from Intl for ${timeZone}`);
    return weekday * MINUTES_PER_DAY + hour * 60 + minute;
  };
}
