import { TEXT_COLORS } from "./chart-colors";
import type { GlucoseUnit } from "./chart-format";
import {
  buildTimeInRangesRows,
  computeStackedSegments,
  describeTimeInRanges,
  findTimeInRangesProblem,
  summarizeUnmetTargets,
  type TimeInRangesInput,
} from "./time-in-ranges-data";

export type TimeInRangesBarProps = {
  /** Percentages as in computeGlucoseMetrics(...).timeInRanges (below70 includes below54, above180 includes above250). */
  ranges: TimeInRangesInput;
  unit?: GlucoseUnit;
  /** Optional caption above the bar, e.g. "Time in ranges, last 14 days". */
  title?: string;
  className?: string;
};

/**
 * The consensus five-band stacked bar, as on the AGP report: very high on top, very low at the
 * bottom, each band's share, its consensus target and whether it is met. Plain HTML (no hooks, no
 * canvas), so it renders in server components, in the doctor's page and in email.
 * Unusable input (a share outside 0–100, shares that do not add up) shows a sentence instead.
 */
export function TimeInRangesBar({ ranges, unit = "mg/dL", title, className = "" }: TimeInRangesBarProps) {
  const rows = buildTimeInRangesRows(ranges, unit);
  if (rows === null) {
    return (
      <figure className={`min-w-0 ${className}`}>
        {title && <figcaption className="mb-2 text-sm font-semibold text-slate-900">{title}</figcaption>}
        <p className="text-sm text-slate-700">{findTimeInRangesProblem(ranges)}</p>
      </figure>
    );
  }
  const segments = computeStackedSegments(rows);
  const colorOf = new Map(rows.map((r) => [r.id, r.color]));

  return (
    <figure className={`min-w-0 ${className}`}>
      {title && <figcaption className="mb-2 text-sm font-semibold text-slate-900">{title}</figcaption>}
      <p className="sr-only">{summarizeUnmetTargets(rows)}</p>
      <div className="flex gap-3 sm:gap-4">
        <div role="img" aria-label={describeTimeInRanges(rows)} className="relative w-8 shrink-0 overflow-hidden rounded-md ring-1 ring-slate-300" style={{ minHeight: 200 }}>
          {segments.map((s) => (
            <div
              key={s.id}
              className="absolute inset-x-0"
              // A white hairline between bands keeps adjacent pale colors (yellow on orange) apart.
              style={{ top: `${s.start}%`, height: `${s.size}%`, backgroundColor: colorOf.get(s.id), boxShadow: "inset 0 -1px 0 #ffffff" }}
            />
          ))}
        </div>
        <ul className="min-w-0 flex-1 divide-y divide-slate-100">
          {rows.map((r) => (
            <li key={r.id} className="py-1.5">
              <div className="flex items-baseline justify-between gap-2">
                <span className="flex min-w-0 flex-wrap items-center gap-x-1.5 text-sm font-medium text-slate-900">
                  <span aria-hidden="true" className="inline-block h-2.5 w-2.5 shrink-0 rounded-sm" style={{ backgroundColor: r.color }} />
                  {r.name}
                  <span className="text-xs font-normal text-slate-600">{r.bounds}</span>
                </span>
                <span className="shrink-0 text-sm font-semibold tabular-nums text-slate-900">{r.percentText}</span>
              </div>
              <div className="flex flex-wrap items-baseline justify-between gap-x-2 text-xs text-slate-600">
                <span>
                  Target {r.targetText}
                  {r.cumulativeText ? ` · ${r.cumulativeText}` : ""}
                </span>
                <span className="font-semibold" style={{ color: r.met ? TEXT_COLORS.met : TEXT_COLORS.notMet }}>
                  <span aria-hidden="true">{r.met ? "✓ " : "✗ "}</span>
                  {r.met ? "Met" : "Not met"}
                </span>
              </div>
            </li>
          ))}
        </ul>
      </div>
    </figure>
  );
}
