import type { EpisodeSummary } from "@/lib/analytics/glucose";
import { formatGlucose } from "@/lib/glucose-format";
import type { GlucoseUnit } from "@/lib/ingest/units";

/**
 * Glucose excursions of the period as iglu's episode_calculation counts them (≥ 15 min beyond the
 * threshold, ended by ≥ 15 min back): level 1 and 2 highs and lows. The trace above shows where they are.
 */
export function ExcursionSummary({ episodes, days, unit }: { episodes: readonly EpisodeSummary[]; days: number; unit: GlucoseUnit }) {
  const g = (mgdl: number) => `${formatGlucose(mgdl, unit)}\u00a0${unit}`;
  const pick = (type: "hypo" | "hyper", level: "lv1" | "lv2") => episodes.find((e) => e.type === type && e.level === level);
  const rows = [
    { label: `Highs above ${g(180)}`, e: pick("hyper", "lv1") },
    { label: `Of which above ${g(250)}`, e: pick("hyper", "lv2") },
    { label: `Lows below ${g(70)}`, e: pick("hypo", "lv1") },
    { label: `Of which below ${g(54)}`, e: pick("hypo", "lv2") },
  ];
  return (
    <div>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Glucose excursions over the last {days} days</caption>
        <thead className="text-xs uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="py-2 pr-2 sm:pr-3">Excursion</th>
            <th scope="col" className="py-2 pr-2 text-right sm:pr-3">Episodes</th>
            <th scope="col" className="py-2 pr-2 text-right sm:pr-3">Per day</th>
            <th scope="col" className="py-2 text-right"><span className="sm:hidden">Avg length</span><span className="hidden sm:inline">Average length</span></th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ label, e }) => (
            <tr key={label} className="border-t border-slate-200">
              <th scope="row" className="py-2 pr-2 font-medium sm:pr-3">{label}</th>
              <td className="py-2 pr-2 text-right tabular-nums sm:pr-3">{e ? e.totalEpisodes : "—"}</td>
              <td className="py-2 pr-2 text-right tabular-nums sm:pr-3">{e && Number.isFinite(e.avgEpisodesPerDay) ? e.avgEpisodesPerDay.toFixed(1) : "—"}</td>
              <td className="py-2 text-right tabular-nums">{e && e.totalEpisodes > 0 ? `${Math.round(e.avgDurationMin)} min` : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
