import { AppError } from "@/lib/errors";
import { daysInMonth, type WallClock } from "./local-time";

/**
 * Numeric date-times as vendors write them for people: "5/30/21 15:57" (US LibreView and the old
 * Libre patient report), "05-12-2019 16:25" (EU LibreView), "06-29-2021 03:30 PM", "2020-11-28 23:34".
 * Whether "05-12-2019" is the 5th of December or May 12th cannot be read from one row, so the
 * order is decided from all rows of the file at once (see decideDateOrder).
 */
export type DateOrder = "day-first" | "month-first" | "year-first";

export interface DateParts {
  /** First and second numbers of a day/month date ("year-first": month, day). */
  first: number;
  second: number;
  year: number;
  yearFirst: boolean;
  hour: number;
  minute: number;
  second_: number;
}

const YEAR_FIRST = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?$/;
const DAY_OR_MONTH_FIRST = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?$/;

export function readDateParts(text: string): DateParts | null {
  const t = text.trim();
  let m = YEAR_FIRST.exec(t);
  if (m) return buildDateParts(Number(m[2]), Number(m[3]), Number(m[1]), true, m[4], m[5], m[6], m[7]);
  m = DAY_OR_MONTH_FIRST.exec(t);
  if (m) return buildDateParts(Number(m[1]), Number(m[2]), expandYear(m[3]), false, m[4], m[5], m[6], m[7]);
  return null;
}

function buildDateParts(first: number, second: number, year: number, yearFirst: boolean, h: string, mi: string, s: string | undefined, ampm: string | undefined): DateParts | null {
  let hour = Number(h);
  if (ampm) {
    if (hour < 1 || hour > 12) return null;
    const pm = ampm.toUpperCase() === "PM";
    hour = (hour % 12) + (pm ? 12 : 0);
  }
  return { first, second, year, yearFirst, hour, minute: Number(mi), second_: s ? Number(s) : 0 };
}

/** Two-digit years: device data exists only from the 2000s; "1/1/00"-style birth dates are never parsed as readings. */
function expandYear(text: string): number {
  const n = Number(text);
  return text.length === 2 ? 2000 + n : n;
}

export function applyDateOrder(parts: DateParts, order: DateOrder): WallClock | null {
  const [month, day] = parts.yearFirst ? [parts.first, parts.second] : order === "day-first" ? [parts.second, parts.first] : [parts.first, parts.second];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(parts.year, month)) return null;
  if (parts.hour > 23 || parts.minute > 59 || parts.second_ > 59) return null;
  return { year: parts.year, month, day, hour: parts.hour, minute: parts.minute, second: parts.second_ };
}

/**
 * Decides day-first vs month-first from every row:
 * 1. an order under which some date is impossible (a 13th month, 31 February) is ruled out;
 * 2. if both remain, the one giving the more compact timeline wins (sum of |gaps| between
 *    consecutive rows: read the wrong way, a day boundary becomes a month jump);
 * 3. if that ties, the title row's "Generated on" date decides when it is unambiguous;
 * 4. otherwise the caller must say (options.dateOrder), and we ask with a clear error.
 */
export function decideDateOrder(all: DateParts[], hint: DateParts | null, forced?: DateOrder): DateOrder {
  if (forced) return forced;
  if (all.length > 0 && all.every((p) => p.yearFirst)) return "year-first";
  const rows = all.filter((p) => !p.yearFirst);
  const validDayFirst = rows.filter((p) => applyDateOrder(p, "day-first") != null).length;
  const validMonthFirst = rows.filter((p) => applyDateOrder(p, "month-first") != null).length;
  if (validDayFirst !== validMonthFirst) return validDayFirst > validMonthFirst ? "day-first" : "month-first";
  const spanDayFirst = measureTimeline(rows, "day-first");
  const spanMonthFirst = measureTimeline(rows, "month-first");
  if (spanDayFirst !== spanMonthFirst) return spanDayFirst < spanMonthFirst ? "day-first" : "month-first";
  if (hint && !hint.yearFirst) {
    if (hint.first > 12 && hint.second <= 12) return "day-first";
    if (hint.second > 12 && hint.first <= 12) return "month-first";
  }
  if (rows.every((p) => p.first === p.second)) return "month-first"; // both orders give the same dates
  throw new AppError(
    "unprocessable:import",
    "The dates in this file can be read day-first or month-first and nothing in it tells which. Choose the date order and import it again.",
    { details: { needs: "dateOrder" } },
  );
}

function measureTimeline(rows: DateParts[], order: DateOrder): number {
  let total = 0;
  let previous: number | null = null;
  for (const p of rows) {
    const w = applyDateOrder(p, order);
    if (!w) continue;
    const t = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
    if (previous != null) total += Math.abs(t - previous);
    previous = t;
  }
  return total;
}
