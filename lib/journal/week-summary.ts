import { DateTime } from "luxon";
import type { MoodEntry } from "./mood-trend";

/** How many tags a week's summary keeps for the weekly brief. */
export const WEEK_TOP_TAGS = 3;

export type JournalWeek = {
  /** Entries written in the week (Monday…Sunday, the member's local days). */
  entries: number;
  /** Mean comparative sentiment of the week's scored entries; null when none was scored. */
  meanSentiment: number | null;
  scoredEntries: number;
  previousEntries: number;
  previousMeanSentiment: number | null;
  previousScoredEntries: number;
  /** The week's most used tags (entries carrying each), most used first, ties alphabetical. */
  topTags: { tag: string; count: number }[];
};

/**
 * The journal side of a week for the weekly brief: how much the member wrote, the tone of it against
 * the week before, and what they tagged. Means are over entries (not days): a week's brief speaks of
 * "your 5 entries". Null when nothing was written in either week, so the brief says nothing.
 */
export function summarizeJournalWeek(entries: readonly MoodEntry[], timezone: string, weekOf: string): JournalWeek | null {
  const start = DateTime.fromISO(weekOf, { zone: timezone });
  const weekEnd = start.plus({ days: 6 }).toISODate()!;
  const previousStart = start.minus({ days: 7 }).toISODate()!;
  const dayOf = (d: Date) => DateTime.fromJSDate(d, { zone: timezone }).toISODate()!;

  const thisWeek: MoodEntry[] = [];
  const previous: MoodEntry[] = [];
  for (const e of entries) {
    const day = dayOf(e.createdAt);
    if (day >= weekOf && day <= weekEnd) thisWeek.push(e);
    else if (day >= previousStart && day < weekOf) previous.push(e);
  }
  if (thisWeek.length === 0 && previous.length === 0) return null;

  const counts = new Map<string, number>();
  for (const e of thisWeek) for (const tag of new Set(e.tags)) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  const topTags = [...counts]
    .map(([tag, count]) => ({ tag, count }))
    .sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag))
    .slice(0, WEEK_TOP_TAGS);

  const now = scored(thisWeek);
  const before = scored(previous);
  return {
    entries: thisWeek.length,
    meanSentiment: now.mean,
    scoredEntries: now.n,
    previousEntries: previous.length,
    previousMeanSentiment: before.mean,
    previousScoredEntries: before.n,
    topTags,
  };
}

function scored(entries: readonly MoodEntry[]): { mean: number | null; n: number } {
  const values = entries.map((e) => e.sentiment).filter((s): s is number => s !== null && Number.isFinite(s));
  return { mean: values.length ? values.reduce((a, b) => a + b, 0) / values.length : null, n: values.length };
}
