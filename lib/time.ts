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
