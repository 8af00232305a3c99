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
 * Offsets are looked up once per 15-minute bucket of wall-clock time: every tzdb transition since
 * 1970 falls on a quarter hour, and one Intl lookup costs ~9 µs, which adds up over 100k rows.
 */
const BUCKET_MS = 15 * 60_000;

export interface LocalTimeResolver {
  readonly timezone: string;
  resolve(wall: WallClock): ResolvedLocalTime | null;
}

export function createLocalTimeResolver(timezone: string): LocalTimeResolver {
  if (typeof timezone !== "string" || !IANAZone.isValidZone(timezone)) {
    throw new AppError("bad_request:import", `"${String(timezone)}" is not a known time zone. Use an IANA name such as "Europe/Paris".`);
  }
  const zone = IANAZone.create(timezone);
  const cache = new Map<number, { valid: number[]; before: number }>();

  function offsetsForBucket(bucket: number) {
    let entry = cache.get(bucket);
    if (!entry) {
      const start = bucket * BUCKET_MS;
      const before = zone.offset(start - DAY_MS);
      const after = zone.offset(start + DAY_MS);
      const candidates = before === after ? [before] : [before, after];
      // An offset is valid for this wall time when reading the wall time with it lands on an
      // instant where the zone really uses that offset. Larger offset = earlier instant.
      const valid = candidates.filter((o) => zone.offset(start - o * 60_000) === o).sort((a, b) => b - a);
      entry = { valid, before };
      cache.set(bucket, entry);
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
      const { valid, before } = offsetsForBucket(Math.floor(wallMs / BUCKET_MS));
      if (valid.length === 0) return { instant: wallMs - before * 60_000, later: null, nonexistent: true };
      return {
        instant: wallMs - valid[0] * 60_000,
        later: valid.length > 1 ? wallMs - valid[1] * 60_000 : null,
        nonexistent: false,
      };
    },
  };
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
