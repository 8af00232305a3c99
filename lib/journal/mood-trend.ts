import { DateTime } from "luxon";
import type { MoodPoint, MoodTrend } from "@/lib/goals/types";
import { AppError } from "@/lib/errors";

export type MoodEntry = { createdAt: Date; sentiment: number | null; tags: readonly string[] };

/**
 * last7 − previous7 at or beyond this (in comparative sentiment per word) is "improving" or
 * "declining"; closer is "steady". 0.1 is a tenth of an AFINN point per word — about the difference
 * between an entry that is plain and one with a single clearly positive word ("good", +3, in 30 words).
 */
export const MOOD_DIRECTION_THRESHOLD = 0.1;

/** How many tags topTags lists. */
export const TOP_TAGS = 5;

/**
 * A member's mood over the `days` local calendar days ending on `today` (YYYY-MM-DD in `timezone`).
 * Entries are placed on the member's LOCAL day, so an entry written at 23:30 in Paris belongs to that
 * evening whatever UTC says. `daily` lists only days with a scored entry (mean of that day's entries).
 * last7 and previous7 are the mean of the daily means over today−6…today and today−13…today−7, so a
 * day with five entries weighs as much as a day with one; null when the window has no scored entry.
 * Entries without a sentiment still count for tags. Throws AppError bad_request for an unknown
 * timezone or a malformed day.
 */
export function moodTrend(entries: readonly MoodEntry[], timezone: string, today: string, days = 28): MoodTrend {
  const end = DateTime.fromISO(today, { zone: timezone });
  if (!DateTime.local().setZone(timezone).isValid) throw new AppError("bad_request:journal", `"${timezone}" is not a timezone we know.`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || !end.isValid) throw new AppError("bad_request:journal", `"${today}" is not a day written YYYY-MM-DD.`);
  if (!Number.isInteger(days) || days < 1) throw new AppError("bad_request:journal", "The mood trend needs a whole number of days, at least 1.");

  const dayOf = (d: Date) => DateTime.fromJSDate(d, { zone: timezone }).toISODate()!;
  const back = (n: number) => end.minus({ days: n }).toISODate()!;
  const windowStart = back(days - 1);

  const byDay = new Map<string, number[]>();
  const tagCounts = new Map<string, number>();
  for (const e of entries) {
    const day = dayOf(e.createdAt);
    if (day > today) continue;
    if (e.sentiment !== null && Number.isFinite(e.sentiment)) {
      const list = byDay.get(day) ?? [];
      list.push(e.sentiment);
      byDay.set(day, list);
    }
    if (day >= windowStart) for (const tag of new Set(e.tags)) tagCounts.set(tag, (tagCounts.get(tag) ?? 0) + 1);
  }

  const means = new Map<string, MoodPoint>();
  for (const [day, values] of byDay) means.set(day, { day, mean: mean(values)!, entries: values.length });

  const daily = [...means.values()].filter((p) => p.day >= windowStart).sort((a, b) => a.day.localeCompare(b.day));
  const meanOfDays = (from: string, to: string) => mean([...means.values()].filter((p) => p.day >= from && p.day <= to).map((p) => p.mean));
  const last7 = meanOfDays(back(6), today);
  const previous7 = meanOfDays(back(13), back(7));

  const topTags = [...tagCounts]
    .map(([tag, count]) => ({ tag, count }))
    .sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag))
    .slice(0, TOP_TAGS);

  return { daily, last7, previous7, direction: directionOf(last7, previous7), topTags };
}

export function directionOf(last7: number | null, previous7: number | null): MoodTrend["direction"] {
  if (last7 === null || previous7 === null) return "unknown";
  const change = last7 - previous7;
  if (change >= MOOD_DIRECTION_THRESHOLD) return "improving";
  if (change <= -MOOD_DIRECTION_THRESHOLD) return "declining";
  return "steady";
}

/** One value per local day of the window, oldest first, null on days without entries: the sparkline's input. */
export function dailyMoodSeries(trend: MoodTrend, today: string, days = 28): (number | null)[] {
  const end = DateTime.fromISO(today, { zone: "UTC" });
  const byDay = new Map(trend.daily.map((p) => [p.day, p.mean]));
  return Array.from({ length: days }, (_, i) => byDay.get(end.minus({ days: days - 1 - i }).toISODate()!) ?? null);
}

function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((s, v) => s + v, 0) / values.length;
}
