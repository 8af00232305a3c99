import { IANAZone } from "luxon";
import { AppError } from "@/lib/errors";

/**
 * Turns device wall-clock times (Dexcom Clarity, LibreView) into UTC instants in an IANA zone,
 * reporting the two DST cases instead of hiding them:
 * - a time in the fall-back hour happened twice ("ambiguous"): both instants are returned, the
 *   earlier one first (the default a caller uses when it has nothing better, like luxon and
 *   java.time's "earlier offset");
 * - a time in the spring-forward gap never happened ("nonexistent"): read with the offset in force
 *   before the change, i.e. shifted forward by the DST amount — what a clock that missed the
 *   change shows (02:30 → 03:30 CEST).
 */
export interface ResolvedLocalTime {
  instant: number;
  /** The later reading of an ambiguous wall-clock time, else null. */
  later: number | null;
  nonexistent: boolean;
}

export interface WallClock {
  year: number;
  month: number; // 1–12
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const DAY_MS = 86_400_000;
/**
 * One Intl offset lookup costs ~9 µs, which adds up over 100k rows, so offsets are cached:
 * per wall-clock day when the zone's offset is the same two days either side (no transition can
 * touch that day), else per 15-minute bucket — every tzdb transition since 1970 falls on a
 * quarter hour.
 */
const BUCKET_MS = 15 * 60_000;
const QUIET_MARGIN_MS = 2 * DAY_MS;

interface ZoneCaches {
  quietDays: Map<number, number | null>;
  buckets: Map<number, { valid: number[]; before: number }>;
}
/** Offsets of a zone are facts: cache them across parses, bounded so a server process cannot grow without limit. */
const zoneCaches = new Map<string, ZoneCaches>();
const MAX_CACHED_ENTRIES = 200_000;

function getZoneCaches(timezone: string): ZoneCaches {
  let caches = zoneCaches.get(timezone);
  if (!caches || caches.quietDays.size + caches.buckets.size > MAX_CACHED_ENTRIES) {
    if (zoneCaches.size > 50) zoneCaches.clear();
    caches = { quietDays: new Map(), buckets: new Map() };
    zoneCaches.set(timezone, caches);
  }
  return caches;
}

export interface LocalTimeResolver {
  readonly timezone: string;
  resolve(wall: WallClock): ResolvedLocalTime | null;
}

export function createLocalTimeResolver(timezone: string): LocalTimeResolver {
  if (typeof timezone !== "string" || !IANAZone.isValidZone(timezone)) {
    throw new AppError("bad_request:import", `"${String(timezone)}" is not a known time zone. Use an IANA name such as "Europe/Paris".`);
  }
  const zone = IANAZone.create(timezone);
  const { quietDays, buckets } = getZoneCaches(timezone);

  /** The single offset of a wall-clock day far from any transition, or null near one. */
  function findQuietOffset(day: number): number | null {
    let offset = quietDays.get(day);
    if (offset === undefined) {
      const before = zone.offset(day * DAY_MS - QUIET_MARGIN_MS);
      const after = zone.offset((day + 1) * DAY_MS + QUIET_MARGIN_MS);
      offset = before === after ? before : null;
      quietDays.set(day, offset);
    }
    return offset;
  }

  function findOffsetsForBucket(bucket: number) {
    let entry = buckets.get(bucket);
    if (!entry) {
      const start = bucket * BUCKET_MS;
      const before = zone.offset(start - DAY_MS);
      const after = zone.offset(start + DAY_MS);
      const candidates = before === after ? [before] : [before, after];
      // An offset is valid for this wall time when reading the wall time with it lands on an
      // instant where the zone really uses that offset. Larger offset = earlier instant.
      const valid = candidates.filter((o) => zone.offset(start - o * 60_000) === o).sort((a, b) => b - a);
      entry = { valid, before };
      buckets.set(bucket, entry);
    }
    return entry;
  }

  return {
    timezone,
    resolve(wall) {
      const { year, month, day, hour, minute, second } = wall;
      if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) {
        return null;
      }
      const wallMs = Date.UTC(year, month - 1, day, hour, minute, 0) + second * 1000;
      const quiet = findQuietOffset(Math.floor(wallMs / DAY_MS));
      if (quiet !== null) return { instant: wallMs - quiet * 60_000, later: null, nonexistent: false };
      const { valid, before } = findOffsetsForBucket(Math.floor(wallMs / BUCKET_MS));
      if (valid.length === 0) return { instant: wallMs - before * 60_000, later: null, nonexistent: true };
      return {
        instant: wallMs - valid[0] * 60_000,
        later: valid.length > 1 ? wallMs - valid[1] * 60_000 : null,
        nonexistent: false,
      };
    },
  };
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  if (month === 2 && ((year % 4 === 0 && year % 100 !== 0) || year % 400 === 0)) return 29;
  return DAYS_IN_MONTH[month - 1] ?? 0;
}

/** "2019-10-14T16:42:37", "2019-10-14 16:42", with optional fractional seconds (Clarity, Nightscout-ish CSVs). */
export function readIsoWallClock(text: string): WallClock | null {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/.exec(text.trim());
  if (!m) return null;
  return {
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour: Number(m[4]),
    minute: Number(m[5]),
    second: m[6] ? Number(m[6]) : 0,
  };
}

/** "00:45:00", "0:30:00", "45:00" (mm:ss is never used by Clarity; two parts read as h:mm). */
export function readClockDurationMinutes(text: string): number | null {
  const m = /^(\d{1,3}):(\d{2})(?::(\d{2}))?$/.exec(text.trim());
  if (!m) return null;
  return Number(m[1]) * 60 + Number(m[2]) + (m[3] ? Number(m[3]) / 60 : 0);
}
