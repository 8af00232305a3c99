import { BRAND_COLORS, TRACE_COLORS } from "./chart-colors";
import type { GlucoseUnit } from "./chart-format";
import { MINI_HEIGHT, MINI_WIDTH, describeDailyProfiles, prepareDailyProfileCells, type DailyProfileInput } from "./daily-profiles-data";
import { computeThresholdStops } from "./glucose-axis";

export type DailyProfilesGridProps = {
  /** computeDailyProfiles's result (lib/analytics/glucose/daily-profiles.ts), e.g. the last 14 days. */
  profiles: readonly DailyProfileInput[];
  unit?: GlucoseUnit;
  /** Target band, mg/dL (default 70–180). */
  low?: number;
  high?: number;
  /** Local dates (YYYY-MM-DD) to highlight, e.g. the days of a discovered motif. */
  highlight?: readonly string[] | ReadonlySet<string>;
  /** Badge on highlighted days. Default "Pattern". */
  highlightLabel?: string;
  className?: string;
};

/**
 * Small multiples: one mini chart per day. Drawn as SVG paths, not as 14 uPlot instances: a day
 * holds ≤ 288 readings (~3 kB of path), SVG renders on the server with no JavaScript, prints,
 * scales with the grid cell without a ResizeObserver per chart, and 14 canvases would cost 14
 * chart objects and observers on a phone for pictures nobody zooms into.
 */
export function DailyProfilesGrid({ profiles, unit = "mg/dL", low = 70, high = 180, highlight, highlightLabel = "Pattern", className = "" }: DailyProfilesGridProps) {
  const { yDomain, cells } = prepareDailyProfileCells(profiles, { unit, low, high, highlight });
  const label = describeDailyProfiles(profiles, { unit, highlight, highlightLabel: `${highlightLabel} day` });
  // Same threshold coloring as the trace, as an SVG gradient in the viewBox's units (bottom → top).
  const stops = computeThresholdStops(yDomain[0], yDomain[1], low, high, TRACE_COLORS);
  const gradientId = `daily-glucose-${yDomain[0]}-${yDomain[1]}-${low}-${high}`;

  if (cells.length === 0) {
    return (
      <figure className={`min-w-0 ${className}`}>
        <p className="text-sm text-slate-700">{label}</p>
      </figure>
    );
  }

  return (
    <figure className={`min-w-0 ${className}`}>
      <svg width="0" height="0" className="absolute" aria-hidden="true" focusable="false">
        <defs>
          <linearGradient id={gradientId} gradientUnits="userSpaceOnUse" x1="0" y1={MINI_HEIGHT} x2="0" y2="0">
            {stops.map(([offset, color], i) => (
              <stop key={i} offset={offset} stopColor={color} />
            ))}
          </linearGradient>
        </defs>
      </svg>
      <div role="img" aria-label={label}>
        <ul className="grid grid-cols-2 gap-2 sm:grid-cols-4 lg:grid-cols-7">
          {cells.map((c) => (
            <li
              key={c.date}
              className={`rounded-lg p-2 ${c.highlighted ? "bg-brand-50 ring-2 ring-brand-600" : "bg-white ring-1 ring-slate-200"}`}
            >
              <div className="flex items-center justify-between gap-1 text-xs">
                <span className="font-semibold text-slate-900">{c.label}</span>
                {c.highlighted && (
                  <span className="rounded px-1 text-[10px] font-semibold text-white" style={{ backgroundColor: BRAND_COLORS[700] }}>
                    {highlightLabel}
                  </span>
                )}
              </div>
              <svg viewBox={`0 0 ${MINI_WIDTH} ${MINI_HEIGHT}`} className="mt-1 block h-auto w-full" aria-hidden="true" focusable="false">
                <rect x="0" y={c.band.y} width={MINI_WIDTH} height={c.band.height} fill={TRACE_COLORS.targetFill} />
                {c.path ? (
                  <path d={c.path} fill="none" stroke={`url(#${gradientId})`} strokeWidth="1.5" strokeLinejoin="round" strokeLinecap="round" />
                ) : (
                  <text x={MINI_WIDTH / 2} y={MINI_HEIGHT / 2} textAnchor="middle" dominantBaseline="middle" fontSize="10" fill="#475569">
                    No readings
                  </text>
                )}
              </svg>
              <p className="mt-1 text-[11px] leading-tight text-slate-700">
                {c.hasData ? `${c.meanText} · ${c.inRangeText} in range` : "—"}
              </p>
            </li>
          ))}
        </ul>
      </div>
      <div className="sr-only">
        <table>
        <caption>Daily glucose ({unit})</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">Mean</th>
            <th scope="col">In range 70–180 mg/dL</th>
            <th scope="col">{highlightLabel}</th>
          </tr>
        </thead>
        <tbody>
          {cells.map((c) => (
            <tr key={c.date}>
              <th scope="row">{c.label}</th>
              <td>{c.meanText}</td>
              <td>{c.inRangeText}</td>
              <td>{c.highlighted ? "yes" : "no"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </div>
    </figure>
  );
}
