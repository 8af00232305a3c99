import { DateTime, IANAZone } from "luxon";

/** True for an IANA timezone name luxon (ICU) knows, e.g. "America/New_York". */
export function isValidTimezone(name: string): boolean {
  return IANAZone.isValidZone(name);
}

/** The person's local calendar date (YYYY-MM-DD) for an instant. */
export function localDate(instant: Date, timezone: string): string {
  return DateTime.fromJSDate(instant, { zone: timezone }).toISODate()!;
}

/** Monday (YYYY-MM-DD) of the ISO week that holds `day` in `timezone`. */
export function mondayOf(instant: Date, timezone: string): string {
  return DateTime.fromJSDate(instant, { zone: timezone }).startOf("week").toISODate()!;
}

/**
 * A fast instant → local date function for one timezone, for hot loops over many readings:
 * the zone's UTC offset is looked up once per 15-minute slot (every real offset change falls on a
 * quarter hour), instead of building a luxon DateTime per reading.
 */
export function createLocalDater(timezone: string): (ms: number) => string {
  const zone = IANAZone.create(timezone);
  const offsets = new Map<number, number>();
  return (ms: number) => {
    const slot = Math.floor(ms / 900_000);
    let offset = offsets.get(slot);
    if (offset === undefined) {
      offset = zone.offset(ms);
      offsets.set(slot, offset);
    }
    return new Date(ms + offset * 60_000).toISOString().slice(0, 10);
  };
}
