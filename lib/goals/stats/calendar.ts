/**
 * Calendar arithmetic on local days ("YYYY-MM-DD"). The statistics walk days as day numbers
 * (days since 1970-01-01) so a loop over a year of days is plain integer arithmetic; luxon parses
 * and formats them in UTC, where every day has exactly 24 hours, so DST never shifts a day.
 */
import { DateTime } from "luxon";
import { AppError } from "@/lib/errors";

const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 for a local day; a malformed day is a caller's mistake worth a clear message. */
export function dayNumber(day: string): number {
  const parsed = /^\d{4}-\d{2}-\d{2}$/.test(day) ? DateTime.fromISO(day, { zone: "utc" }) : null;
  if (!parsed?.isValid) throw new AppError("bad_request:day", `"${day}" is not a calendar day (expected YYYY-MM-DD).`);
  return Math.round(parsed.toMillis() / MS_PER_DAY);
}

export function dayFromNumber(n: number): string {
  return DateTime.fromMillis(n * MS_PER_DAY, { zone: "utc" }).toISODate()!;
}

/** ISO weekday, 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export function isoWeekdayOf(n: number): number {
  return ((((n + 3) % 7) + 7) % 7) + 1;
}

/** Day number of the Monday that opens the ISO week holding day `n`. */
export function mondayOf(n: number): number {
  return n - (isoWeekdayOf(n) - 1);
}

export function addDays(day: string, days: number): string {
  return dayFromNumber(dayNumber(day) + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}
