import { compareWith, type Comparator } from "@/lib/analytics/glucose/consensus-targets";

import { AppError } from "@/lib/errors";
import { formatGlucose } from "@/lib/glucose-format";
import { MGDL_PER_MMOLL, type GlucoseUnit } from "@/lib/ingest/units";

/**
 * Formatting shared by every chart: numbers, percentages, times and spans as a person reads them.
 * Nothing here ever returns "NaN": a missing or non-finite number prints as "—".
 */

export type { GlucoseUnit };

/** A non-breaking space keeps "78 %" on one line in narrow cards. */
export const NBSP = "\u00a0";

/** mg/dL → the person's unit, for display only (stored values stay unrounded mg/dL). */
export function toDisplayGlucose(mgdl: number, unit: GlucoseUnit): number {
  return unit === "mmol/L" ? mgdl / MGDL_PER_MMOLL : mgdl;
}

/** "142 mg/dL" or "7.9 mmol/L"; "—" without a value. */
export function formatGlucoseWithUnit(mgdl: number | null | undefined, unit: GlucoseUnit): string {
  const text = formatGlucose(mgdl, unit);
  return text === "—" ? text : `${text}${NBSP}${unit}`;
}

/** "70–180 mg/dL" or "3.9–10.0 mmol/L". */
export function formatGlucoseRange(lowMgdl: number, highMgdl: number, unit: GlucoseUnit): string {
  return `${formatGlucose(lowMgdl, unit)}–${formatGlucose(highMgdl, unit)}${NBSP}${unit}`;
}

/**
 * A percentage for a sentence: whole numbers, but never "0 %" for a share that is not zero (a few
 * lows must not read as none) and never "100 %" for one that is not all: "<1 %", ">99 %".
 */
export function formatPercentShort(percent: number | null | undefined): string {
  if (percent === null || percent === undefined || !Number.isFinite(percent)) return "—";
  if (percent <= 0) return `0${NBSP}%`;
  if (percent < 1) return `<1${NBSP}%`;
  if (percent >= 100) return `100${NBSP}%`;
  if (percent > 99) return `>99${NBSP}%`;
  return `${Math.round(percent)}${NBSP}%`;
}

export { compareWith, type Comparator };

/**
 * A percentage shown next to a target ("<4 %"). One decimal, unless rounding would contradict the
 * met / not met mark beside it (3.96 % meets "<4 %" but rounds to "4.0 %"): then as many decimals as
 * needed (up to 3) so that the number on screen agrees with the mark. 0 prints as "0 %".
 */
export function formatPercentForTarget(percent: number, comparator: Comparator, threshold: number): string {
  if (!Number.isFinite(percent)) return "—";
  if (percent === 0) return `0${NBSP}%`;
  const met = compareWith(percent, comparator, threshold);
  for (let decimals = 1; decimals <= 3; decimals++) {
    const shown = Number(percent.toFixed(decimals));
    if (compareWith(shown, comparator, threshold) === met) return `${percent.toFixed(decimals)}${NBSP}%`;
  }
  return `${percent.toFixed(3)}${NBSP}%`;
}

/** A share with one decimal ("4.8 %"), "0 %" for none, "—" for a missing one. */
export function formatPercentPrecise(percent: number | null | undefined): string {
  if (percent === null || percent === undefined || !Number.isFinite(percent)) return "—";
  if (percent === 0) return `0${NBSP}%`;
  return `${percent.toFixed(1)}${NBSP}%`;
}

/** "1,234" with a thin thousands separator that does not depend on the server's locale. */
export function formatCount(n: number): string {
  return Math.round(n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Throws AppError for a timezone name the runtime does not know (Intl would throw a RangeError). */
export function assertChartTimezone(timezone: string): void {
  try {
    getInstantFormatter(timezone);
  } catch {
    throw new AppError("bad_request:charts", `The timezone "${timezone}" is not a known IANA timezone.`);
  }
}

function getInstantFormatter(timezone: string): Intl.DateTimeFormat {
  let f = formatters.get(timezone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: timezone,
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    formatters.set(timezone, f);
  }
  return f;
}

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "Mon 4 Mar" for a calendar date. */
function formatCalendarDay(year: number, month: number, day: number): string {
  const d = new Date(Date.UTC(year, month - 1, day));
  return `${WEEKDAYS[d.getUTCDay()]} ${day} ${MONTHS[month - 1]}`;
}

/**
 * "Mon 4 Mar 08:05" in `timezone`. Only numbers are taken from Intl and the names come from this
 * module, because the server (Node's ICU) and the browser (Chromium's) must produce the same text
 * for hydration, and ICU versions disagree on names (en-GB writes September "Sep" or "Sept").
 */
export function formatInstant(ms: number, timezone: string): string {
  const parts = getInstantFormatter(timezone).formatToParts(new Date(ms));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? NaN);
  const hour = get("hour") % 24;
  const minute = get("minute");
  return `${formatCalendarDay(get("year"), get("month"), get("day"))} ${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
}

/** "Mon 4 Mar" for a local calendar date "2024-03-04" (no timezone: the date is already local). */
export function formatDayLabel(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return date;
  return formatCalendarDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** "08:05" for minutes after midnight; 1440 prints as "24:00" (the end of the AGP axis). */
export function formatClockMinutes(minutes: number): string {
  const m = Math.round(minutes);
  return `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
}

/** A duration in words, rounded to what a person would say: "90 minutes", "24 hours", "14 days". */
export function describeDuration(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  if (minutes < 120) return `${minutes} minute${minutes === 1 ? "" : "s"}`;
  const hours = Math.round(minutes / 60);
  if (hours <= 48) return `${hours} hours`;
  const days = Math.round(hours / 24);
  return `${days} days`;
}
