import Link from "next/link";
import { DateTime } from "luxon";
import type { Viewer } from "@/db/queries/context";
import { loadGlucoseSeries } from "@/db/queries/glucose";
import { DailyProfilesGrid } from "@/components/charts";
import { AnomalyList, CausalLinkList, RuleList } from "@/components/intelligence/pattern-views";
import { chooseMotifWindow, groupPatterns, readMotifStarts } from "@/components/intelligence/pattern-data";
import { formatLocalDate } from "@/components/intelligence/intelligence-format";
import { computeDailyProfiles } from "@/lib/analytics/glucose";
import { isAppError } from "@/lib/errors";
import type { GlucoseUnit } from "@/lib/ingest/units";
import { loadFreshness, loadPatterns } from "../_data/loaders";

const NONE_YET = "Nothing found yet: patterns appear after the first analysis.";

/**
 * Recurring days: the motifs (matrix profile) as a list to choose from, and the chosen one drawn as
 * the days it occurs on — a grid of 28 days with those days highlighted.
 */
export async function MotifPanel({ viewer, timezone, unit, low, high, motifIndex, hrefFor }: {
  viewer: Viewer;
  timezone: string;
  unit: GlucoseUnit;
  low: number;
  high: number;
  motifIndex: number;
  /** The address that selects motif i (1-based), keeping the page's other parameters. */
  hrefFor: (oneBased: number) => string;
}) {
  const [patterns, freshness] = await Promise.all([loadPatterns(viewer.userId, viewer.role), loadFreshness(viewer.userId, viewer.role)]);
  const { motifs } = groupPatterns(patterns);
  if (motifs.length === 0) {
    return <p className="text-sm text-slate-700">{patterns.length === 0 ? NONE_YET : "No day-long glucose shape recurs clearly enough to call it a pattern yet."}</p>;
  }
  const selected = motifs[Math.min(motifIndex, motifs.length - 1)];
  const dates = selected.exampleDates ?? [];
  const last = freshness.lastGlucoseDate ?? dates[dates.length - 1];
  const window = chooseMotifWindow(dates, last);
  const start = DateTime.fromISO(window.from, { zone: timezone }).startOf("day");
  const end = DateTime.fromISO(window.to, { zone: timezone }).startOf("day").plus({ days: 1 });
  const series = await loadGlucoseSeries(viewer, { start: start.toJSDate(), end: end.toJSDate() });
  let profiles: ReturnType<typeof computeDailyProfiles> = [];
  try {
    profiles = series.values.length > 0 ? computeDailyProfiles(series, { timezone }) : [];
  } catch (e) {
    // Malformed stored readings (duplicate instants from two sources…) leave the grid empty, not the page broken.
    if (!isAppError(e)) throw e;
  }
  const starts = readMotifStarts(selected.metadata, timezone);
  const inWindow = dates.filter((d) => d >= window.from && d <= window.to);

  return (
    <div className="space-y-4">
      {motifs.length > 1 && (
        <nav aria-label="Recurring patterns">
          <ul className="flex flex-wrap gap-2">
            {motifs.map((m, i) => {
              const active = m.id === selected.id;
              return (
                <li key={m.id}>
                  <Link
                    href={hrefFor(i + 1)}
                    scroll={false}
                    aria-current={active ? "true" : undefined}
                    className={`block rounded-lg px-3 py-1.5 text-sm font-semibold ring-1 ${active ? "bg-brand-600 text-white ring-brand-600" : "bg-white text-slate-800 ring-slate-300 hover:bg-slate-50"}`}
                  >
                    Pattern {i + 1}
                    <span className="font-normal"> · {m.occurrences ?? dates.length} times</span>
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
      )}
      <div>
        <h3 className="text-sm font-semibold text-slate-900">Pattern {motifs.indexOf(selected) + 1}</h3>
        <p className="mt-1 text-sm text-slate-800">{selected.description}</p>
        {starts.length > 0 && <p className="mt-1 text-xs text-slate-600">Starts: {starts.join(" · ")}</p>}
      </div>
      <p className="text-sm text-slate-700">
        {window.recent ? "The last 28 days" : `The 28 days up to ${formatLocalDate(window.to)} (it has not recurred since)`}: the{" "}
        {inWindow.length === 1 ? "highlighted day is" : `${inWindow.length} highlighted days are`} where the shape begins.
      </p>
      <DailyProfilesGrid profiles={profiles} unit={unit} low={low} high={high} highlight={dates} highlightLabel="Pattern" />
    </div>
  );
}

export async function RulesPanel({ viewer }: { viewer: Viewer }) {
  const patterns = await loadPatterns(viewer.userId, viewer.role);
  const { rules } = groupPatterns(patterns);
  if (rules.length === 0) {
    return <p className="text-sm text-slate-700">{patterns.length === 0 ? NONE_YET : "No combination of habits goes with your glucose days clearly enough (lift ≥ 1.2, confidence ≥ 60 %) yet."}</p>;
  }
  return <RuleList rules={rules} />;
}

export async function CausalPanel({ viewer }: { viewer: Viewer }) {
  const patterns = await loadPatterns(viewer.userId, viewer.role);
  const { causal } = groupPatterns(patterns);
  if (causal.length === 0) {
    return <p className="text-sm text-slate-700">{patterns.length === 0 ? NONE_YET : "No causal link passes the PCMCI test (α = 0.01) yet; it needs about 6 weeks of complete days."}</p>;
  }
  return <CausalLinkList links={causal} />;
}

export async function AnomalyPanel({ viewer }: { viewer: Viewer }) {
  const patterns = await loadPatterns(viewer.userId, viewer.role);
  const { anomalies } = groupPatterns(patterns);
  if (anomalies.length === 0) return <p className="text-sm text-slate-700">{patterns.length === 0 ? NONE_YET : "No stretch stands out from the rest."}</p>;
  return <AnomalyList anomalies={anomalies} />;
}
