import { DateTime } from "luxon";
import { Sparkline } from "@/components/charts";
import type { MoodTrend } from "@/lib/goals/types";

const DIRECTION_TEXT: Record<MoodTrend["direction"], string> = {
  improving: "Improving",
  steady: "Steady",
  declining: "Declining",
  unknown: "Not enough entries to tell",
};

const signed = (v: number | null) => (v === null ? "—" : `${v > 0 ? "+" : ""}${v.toFixed(2)}`);

/** One value per local day ending on `today` (null on days without an entry), so gaps show as gaps. */
export function moodSeries(trend: MoodTrend, today: string, days = 28): (number | null)[] {
  const byDay = new Map(trend.daily.map((p) => [p.day, p.mean]));
  const end = DateTime.fromISO(today);
  return Array.from({ length: days }, (_, i) => byDay.get(end.minus({ days: days - 1 - i }).toISODate()!) ?? null);
}

/**
 * The mentee's journal mood as numbers, from the entries they shared: daily mean sentiment (AFINN
 * comparative score per word, about −5…5, 0 neutral), the last week against the one before, and the
 * tags. Without journal consent (`trend` null) a plain statement that the journal is not shared.
 */
export function MoodCard({ trend, today }: { trend: MoodTrend | null; today: string }) {
  if (!trend) {
    return <p className="text-sm text-slate-700" data-testid="mood-not-shared">Not shared with you. The mood trend comes from the journal entries a member shares, and they have not allowed you to read their journal.</p>;
  }
  const entries = trend.daily.reduce((n, p) => n + p.entries, 0);
  return (
    <div className="space-y-3 text-sm text-slate-800" data-testid="mood-trend">
      {entries === 0 ? (
        <p className="text-slate-700">No shared journal entries in the last 28 days.</p>
      ) : (
        <>
          <Sparkline values={moodSeries(trend, today)} label="Daily mood score over 28 days" width={220} height={40} />
          <dl className="grid grid-cols-3 gap-3">
            <div className="rounded-lg bg-slate-50 p-3">
              <dt className="text-xs font-medium text-slate-600">Last 7 days</dt>
              <dd className="text-lg font-bold">{signed(trend.last7)}</dd>
            </div>
            <div className="rounded-lg bg-slate-50 p-3">
              <dt className="text-xs font-medium text-slate-600">7 days before</dt>
              <dd className="text-lg font-bold">{signed(trend.previous7)}</dd>
            </div>
            <div className="rounded-lg bg-slate-50 p-3">
              <dt className="text-xs font-medium text-slate-600">Direction</dt>
              <dd className="font-semibold">{DIRECTION_TEXT[trend.direction]}</dd>
            </div>
          </dl>
          <p className="text-xs text-slate-600">{entries} shared {entries === 1 ? "entry" : "entries"} in 28 days. Scores are sentiment per word: above 0 is positive, below 0 negative.</p>
        </>
      )}
      {trend.topTags.length > 0 && (
        <p>
          <span className="font-medium">Tags in shared entries: </span>
          {trend.topTags.map((t) => `#${t.tag} (${t.count})`).join(", ")}
        </p>
      )}
    </div>
  );
}
