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
  return { date: start.toISODate() as string, startMs: start.toMillis(), endMs: start.plus({ days: 1 }).toMillis() };
}

/** The local day that follows `day` (its start is `day.endMs`). */
export function nextLocalDay(day: LocalDay, zone: string): LocalDay {
  return localDayOf(day.endMs, zone);
}

/**
 * Assigns each (ascending) time to its local calendar day and wall-clock minute.
 * luxon is called once per day, not once per reading: inside a day whose UTC offset does not
 * change the wall-clock minute is plain arithmetic; only on a DST-change day is each reading
 * converted, so 90 days of 5-minute data cost ~90 luxon calls instead of ~26,000.
 */
export function assignLocalDays(times: Float64Array, zone: string): LocalDayAssignment {
  assertTimezone(zone);
  const n = times.length;
  const dayIndex = new Int32Array(n);
  const wallMinute = new Float64Array(n);
  const days: LocalDay[] = [];
  let current: LocalDay | null = null;
  let uniformOffset = true;

  for (let i = 0; i < n; i++) {
    const t = times[i];
    if (current === null || t >= current.endMs || t < current.startMs) {
      current = localDayOf(t, zone);
      days.push(current);
      uniformOffset =
        isUtc(zone) ||
        (current.endMs - current.startMs === DAY_MS &&
          DateTime.fromMillis(current.startMs, { zone }).offset === DateTime.fromMillis(current.endMs - 1, { zone }).offset);
    }
    dayIndex[i] = days.length - 1;
    if (uniformOffset) {
      wallMinute[i] = (t - current.startMs) / 60_000;
    } else {
      const local = DateTime.fromMillis(t, { zone });
      wallMinute[i] = local.hour * 60 + local.minute + local.second / 60 + local.millisecond / 60_000;
    }
  }
  return { days, dayIndex, wallMinute };
}
