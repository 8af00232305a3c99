/**
 * Wall-clock helpers: the generator thinks in a person's local days ("dinner at 19:10") and emits
 * UTC instants. Luxon does the zone arithmetic so DST days come out 23 or 25 hours long.
 */
import { DateTime } from "luxon";
import { AppError } from "@/lib/errors";

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;

export interface LocalDay {
  /** Local calendar date, YYYY-MM-DD. */
  date: string;
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** UTC epoch ms of local 00:00 of this date. */
  startMs: number;
  /** UTC epoch ms of local 00:00 of the next date. */
  endMs: number;
}

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** Rejects a malformed date or an unknown zone with a sentence a person can act on. */
export function assertDateAndZone(date: string, timezone: string): void {
  if (!DATE_PATTERN.test(date) || !DateTime.fromISO(date, { zone: "UTC" }).isValid) {
    throw new AppError("bad_request:seed", `The end date "${date}" is not a calendar date in the form YYYY-MM-DD.`);
  }
  if (!DateTime.now().setZone(timezone).isValid) {
    throw new AppError("bad_request:seed", `The time zone "${timezone}" is not an IANA time zone such as America/New_York.`);
  }
}

/** The `days` local dates ending with `endDate` (inclusive), oldest first. */
export function listLocalDays(endDate: string, days: number, timezone: string): LocalDay[] {
  const last = DateTime.fromISO(endDate, { zone: timezone }).startOf("day");
  const out: LocalDay[] = [];
  for (let i = days - 1; i >= 0; i--) {
    const start = last.minus({ days: i });
    const end = start.plus({ days: 1 });
    out.push({ date: start.toISODate()!, weekday: start.weekday, startMs: start.toMillis(), endMs: end.toMillis() });
  }
  return out;
}

/**
 * UTC epoch ms of a wall-clock time, given as minutes after local midnight of `date` (may exceed
 * 1440 or be negative to reach the neighbouring days). A time that does not exist (02:30 on a
 * spring-forward day) moves forward by the gap, as luxon and the platforms do.
 */
export function localInstant(date: string, minutesAfterMidnight: number, timezone: string): number {
  const dayOffset = Math.floor(minutesAfterMidnight / 1440);
  const minuteOfDay = minutesAfterMidnight - dayOffset * 1440;
  const hour = Math.floor(minuteOfDay / 60);
  const minute = Math.floor(minuteOfDay - hour * 60);
  const second = Math.round((minuteOfDay - hour * 60 - minute) * 60);
  return DateTime.fromISO(date, { zone: timezone })
    .plus({ days: dayOffset })
    .set({ hour, minute, second: Math.min(second, 59), millisecond: 0 })
    .toMillis();
}

/** Local date (YYYY-MM-DD) of an instant. */
export function localDateOf(epochMs: number, timezone: string): string {
  return DateTime.fromMillis(epochMs, { zone: timezone }).toISODate()!;
}

/** Minutes after local midnight of an instant, by the wall clock. */
export function localMinutesOf(epochMs: number, timezone: string): number {
  const t = DateTime.fromMillis(epochMs, { zone: timezone });
  return t.hour * 60 + t.minute + t.second / 60;
}

/** The ISO week key (e.g. 2026-W11) of a local date, for per-week skip budgets. */
export function isoWeekOf(date: string): string {
  const d = DateTime.fromISO(date, { zone: "UTC" });
  return `${d.weekYear}-W${String(d.weekNumber).padStart(2, "0")}`;
}

/** The date `n` calendar days after `date` (negative n goes back). */
export function addDays(date: string, n: number): string {
  return DateTime.fromISO(date, { zone: "UTC" }).plus({ days: n }).toISODate()!;
}
