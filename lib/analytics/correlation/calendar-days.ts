import { AppError } from "@/lib/errors";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/**
 * Day number (days since 1970-01-01) of a calendar date `YYYY-MM-DD`. Lags are counted on these
 * numbers, never on array positions, so a missing day in the input cannot shift a pairing.
 * Throws a bad_request AppError for a malformed or impossible date (2025-02-30).
 */
export function toDayNumber(date: string): number {
  const match = ISO_DATE.exec(date);
  if (match) {
    const year = Number(match[1]);
    const month = Number(match[2]);
    const day = Number(match[3]);
    const ms = Date.UTC(year, month - 1, day);
    const check = new Date(ms);
    if (check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === day) {
      return Math.round(ms / MS_PER_DAY);
    }
  }
  throw new AppError("bad_request:analytics", `"${date}" is not a calendar date written as YYYY-MM-DD.`);
}
