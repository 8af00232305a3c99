import { DateTime, IANAZone } from "luxon";
import { AppError } from "@/lib/errors";

const DAY_MS = 86_400_000;

/** A calendar day in a timezone: [startMs, endMs) is 23, 24 or 25 hours long around DST changes. */
export type LocalDay = { date: string; startMs: number; endMs: number };

export type LocalDayAssignment = {
  /** The calendar days that hold at least one of the times, in order. */
  days: LocalDay[];
  /** For each time, the index of its day in `days`. */
  dayIndex: Int32Array;
  /** For each time, the wall-clock minute of the day (0 ≤ m < 1440), seconds included as a fraction. */
  wallMinute: Float64Array;
};

function isUtc(zone: string): boolean {
  return zone === "UTC" || zone === "Etc/UTC" || zone === "GMT" || zone === "Z";
}

/** Throws a readable AppError unless `zone` is an IANA zone name luxon knows (or "UTC"). */
export function assertTimezone(zone: string): void {
  if (isUtc(zone)) return;
  if (!IANAZone.isValidZone(zone)) {
    throw new AppError("bad_request:analytics", `"${zone}" is not a known IANA timezone (for example Europe/Paris).`);
  }
}

/** Epoch ms of the local midnight that starts the day holding `ms` in `zone`. */
export function startOfLocalDay(ms: number, zone: string): number {
  if (isUtc(zone)) return Math.floor(ms / DAY_MS) * DAY_MS;
  return DateTime.fromMillis(ms, { zone }).startOf("day").toMillis();
}

/** The local day holding `ms`; luxon's day arithmetic keeps DST days at 23 or 25 hours. */
export function localDayOf(ms: number, zone: string): LocalDay {
  if (isUtc(zone)) {
    const startMs = Math.floor(ms / DAY_MS) * DAY_MS;
    return { date: new Date(startMs).toISOString().slice(0, 10), startMs, endMs: startMs + DAY_MS };
  }
  const start = DateTime.fromMillis(ms, { zone }).startOf("day");
  // startOf again: where DST skipped midnight the day starts at 01:00, and "+1 day" would keep 01:00
  const end = start.plus({ days: 1 }).startOf("day");
  return { date: start.toISODate() as string, startMs: start.toMillis(), endMs: end.toMillis() };
}

type CursorDay = LocalDay & { /** the UTC offset does not change during the day */ uniform: boolean; offsetMin: number };

/**
 * Walks calendar days in a zone cheaply. luxon's DateTime arithmetic costs ~0.1 ms a call; a zone
 * offset lookup is several times cheaper, so the next day is derived from the previous one with one
 * offset lookup (start = previous end; end = start + 24 h when the offset is the same there), and
 * luxon is only asked on DST-change days and after long jumps.
 */
class LocalDayCursor {
  private readonly zone: string;
  private readonly iana: IANAZone | null;

  constructor(zone: string) {
    this.zone = zone;
    this.iana = isUtc(zone) ? null : IANAZone.create(zone);
  }

  private offsetAt(ms: number): number {
    return this.iana ? this.iana.offset(ms) : 0;
  }

  /** The day holding `ms`, from luxon. */
  dayContaining(ms: number): CursorDay {
    const day = localDayOf(ms, this.zone);
    const offsetMin = this.offsetAt(day.startMs);
    const uniform = day.endMs - day.startMs === DAY_MS && offsetMin === this.offsetAt(day.endMs - 1);
    return { ...day, uniform, offsetMin };
  }

  /** The day after `day`. */
  next(day: CursorDay): CursorDay {
    const startMs = day.endMs;
    const offsetMin = this.offsetAt(startMs);
    const localStart = startMs + offsetMin * 60_000;
    const endMs = startMs + DAY_MS;
    // Arithmetic only when the day starts at local 00:00 (not so where DST skips midnight, e.g.
    // São Paulo until 2019) and the offset 24 h later is unchanged; otherwise ask luxon.
    if (localStart % DAY_MS !== 0 || this.offsetAt(endMs) !== offsetMin) return this.dayContaining(startMs);
    const date = new Date(localStart).toISOString().slice(0, 10);
    return { date, startMs, endMs, uniform: true, offsetMin };
  }

  /** The first day at or after `day` that holds `ms` (ms ≥ day.startMs). */
  advanceTo(day: CursorDay, ms: number): CursorDay {
    let current = day;
    for (let steps = 0; ms >= current.endMs; steps++) {
      // after a week without readings, jump straight there instead of walking day by day
      current = steps < 7 ? this.next(current) : this.dayContaining(ms);
    }
    return current;
  }
}

/** Every calendar day from the one holding `fromMs` to the one holding `toMs`, in order. */
export function listLocalDays(fromMs: number, toMs: number, zone: string): LocalDay[] {
  assertTimezone(zone);
  const cursor = new LocalDayCursor(zone);
  const days: LocalDay[] = [];
  let day = cursor.dayContaining(fromMs);
  for (;;) {
    days.push({ date: day.date, startMs: day.startMs, endMs: day.endMs });
    if (toMs < day.endMs) break;
    day = cursor.next(day);
  }
  return days;
}

/**
 * Assigns each (ascending) time to its local calendar day and wall-clock minute. Inside a day whose
 * UTC offset does not change the wall-clock minute is plain arithmetic; only on a DST-change day is
 * each reading converted by luxon, so 90 days of 5-minute data cost ~90 offset lookups.
 */
export function assignLocalDays(times: Float64Array, zone: string): LocalDayAssignment {
  assertTimezone(zone);
  const n = times.length;
  const dayIndex = new Int32Array(n);
  const wallMinute = new Float64Array(n);
  const days: LocalDay[] = [];
  const cursor = new LocalDayCursor(zone);
  let current: CursorDay | null = null;

  for (let i = 0; i < n; i++) {
    const t = times[i];
    if (current === null || t < current.startMs) {
      current = cursor.dayContaining(t);
      days.push(current);
    } else if (t >= current.endMs) {
      current = cursor.advanceTo(current, t);
      days.push(current);
    }
    dayIndex[i] = days.length - 1;
    if (current.uniform) {
      wallMinute[i] = (t - current.startMs) / 60_000;
    } else {
      const local = DateTime.fromMillis(t, { zone });
      wallMinute[i] = local.hour * 60 + local.minute + local.second / 60 + local.millisecond / 60_000;
    }
  }
  return { days: days.map(({ date, startMs, endMs }) => ({ date, startMs, endMs })), dayIndex, wallMinute };
}
