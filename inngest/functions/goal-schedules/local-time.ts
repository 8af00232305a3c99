import { DateTime, IANAZone } from "luxon";
import { AppError } from "@/lib/errors";

/**
 * Goal schedules happen at a member's LOCAL time (07:00 for the reminder, Monday 08:00 for the
 * review…), but a cron line has one zone. So every goal schedule ticks every 15 minutes in UTC and,
 * at each tick, picks the members whose local clock is inside [target, target + 15 min) on the right
 * local day. Every zone in use today has an offset that is a multiple of 15 minutes (+05:30 India,
 * +05:45 Nepal, +12:45 Chatham), so exactly one tick a day lands in each member's window; the target
 * instant is computed by luxon in the member's zone, so DST days (23 or 25 hours) move it with the
 * clock. A target that falls in a skipped hour moves forward with the clock (luxon's rule), and the
 * per-member event id `<schedule>:<user>:<local date>` makes a repeated hour or tick a no-op.
 */

export type LocalSchedule = {
  /** kebab-case; part of event ids and dedupe keys. */
  id: string;
  hour: number;
  minute: number;
  /** ISO weekday (1 = Monday) the schedule runs on; every day when absent. */
  weekday?: number;
  /** Day of the month the schedule runs on; every day when absent. */
  dayOfMonth?: number;
};

/** Width of the selection window: the tick interval of the crons below. */
export const TICK_MINUTES = 15;

export const DAILY_REMINDER: LocalSchedule = { id: "reminder", hour: 7, minute: 0 };
export const WEEKLY_REVIEW: LocalSchedule = { id: "weekly-review", hour: 8, minute: 0, weekday: 1 };
export const PLAN_SUGGESTIONS: LocalSchedule = { id: "suggestions", hour: 8, minute: 0, weekday: 3 };
export const MONTHLY_REPORT: LocalSchedule = { id: "monthly", hour: 9, minute: 0, dayOfMonth: 1 };

/**
 * The UTC cron lines. Local days run from UTC−12 to UTC+14, so a local weekday happens during that
 * UTC weekday or the one before it, and a local 1st during the 1st or the last days of the month
 * before: ticking only then (instead of 96 times every day) keeps job_runs small. The selection
 * below is still what decides; local-time.test.ts checks that these lines cover every offset.
 */
export const CRON = {
  daily: `TZ=UTC */${TICK_MINUTES} * * * *`,
  monday: `TZ=UTC */${TICK_MINUTES} * * * 0,1`,
  wednesday: `TZ=UTC */${TICK_MINUTES} * * * 2,3`,
  firstOfMonth: `TZ=UTC */${TICK_MINUTES} * 1,28-31 * *`,
} as const;

function inZone(instant: Date, timezone: string): DateTime {
  const local = DateTime.fromJSDate(instant, { zone: timezone });
  if (!local.isValid) throw new AppError("bad_request:timezone", `"${timezone}" is not a time zone we know.`);
  return local;
}

/** The instant a schedule is due on a member's local day (luxon moves a time in a DST gap forward). */
export function scheduledInstant(schedule: LocalSchedule, localDate: string, timezone: string): Date {
  const day = DateTime.fromISO(localDate, { zone: timezone });
  if (!day.isValid) throw new AppError("bad_request:day", `"${localDate}" is not a calendar day in ${timezone}.`);
  return day.set({ hour: schedule.hour, minute: schedule.minute, second: 0, millisecond: 0 }).toJSDate();
}

/**
 * The member's local date when `tick` falls in their window for `schedule`, otherwise null.
 * The window is [target, target + 15 min) in absolute time, so a fall-back day's repeated hour
 * does not open it twice and a spring-forward day does not skip it.
 */
export function localDateAtTick(schedule: LocalSchedule, tick: Date, timezone: string): string | null {
  const local = inZone(tick, timezone);
  if (schedule.weekday !== undefined && local.weekday !== schedule.weekday) return null;
  if (schedule.dayOfMonth !== undefined && local.day !== schedule.dayOfMonth) return null;
  const localDate = local.toISODate()!;
  const target = scheduledInstant(schedule, localDate, timezone).getTime();
  const t = tick.getTime();
  return t >= target && t < target + TICK_MINUTES * 60_000 ? localDate : null;
}

/** The zones (of those given) in which `tick` opens the schedule's window, with their local date. */
export function zonesAtTick(schedule: LocalSchedule, tick: Date, timezones: readonly string[]): Map<string, string> {
  const due = new Map<string, string>();
  for (const zone of timezones) {
    // A zone luxon does not know (a bad profile value) is skipped, not allowed to stop everyone's schedule.
    if (!IANAZone.isValidZone(zone)) continue;
    const localDate = localDateAtTick(schedule, tick, zone);
    if (localDate) due.set(zone, localDate);
  }
  return due;
}

/** Monday of the ISO week holding a local day. */
export function mondayOfLocalDate(localDate: string): string {
  return DateTime.fromISO(localDate, { zone: "utc" }).startOf("week").toISODate()!;
}

/** The local days [from, to] of the ISO week before the one holding `localDate`. */
export function previousWeek(localDate: string): { from: string; to: string } {
  const monday = DateTime.fromISO(mondayOfLocalDate(localDate), { zone: "utc" }).minus({ weeks: 1 });
  return { from: monday.toISODate()!, to: monday.plus({ days: 6 }).toISODate()! };
}

/** The local days [from, to] of the month before the one holding `localDate`, and its "YYYY-MM". */
export function previousMonth(localDate: string): { from: string; to: string; month: string } {
  const first = DateTime.fromISO(localDate, { zone: "utc" }).startOf("month").minus({ months: 1 });
  return { from: first.toISODate()!, to: first.endOf("month").toISODate()!, month: first.toFormat("yyyy-MM") };
}
