/**
 * The member's local calendar day. A check-in belongs to the day the member lived it, so the
 * instant is read in the member's IANA zone (luxon applies DST and odd offsets like +14 or +10:30).
 */
import { DateTime, IANAZone } from "luxon";
import { AppError } from "@/lib/errors";

function zoneOrThrow(timezone: string): IANAZone {
  if (!IANAZone.isValidZone(timezone)) {
    throw new AppError("bad_request:timezone", `"${timezone}" is not a time zone we know. Choose one like "Europe/London" or "America/New_York".`);
  }
  return IANAZone.create(timezone);
}

/** The local day ("YYYY-MM-DD") that `instant` falls on in `timezone`. */
export function localDay(instant: Date, timezone: string): string {
  return DateTime.fromJSDate(instant, { zone: zoneOrThrow(timezone) }).toISODate()!;
}

/** The member's local today. */
export function localToday(timezone: string, now: Date = new Date()): string {
  return localDay(now, timezone);
}
