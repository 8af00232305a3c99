"use client";

import "uplot/dist/uPlot.min.css";
import type uPlot from "uplot";
import { useCallback, useMemo, useRef } from "react";
import { AGP_COLORS } from "./chart-colors";
import { NBSP, formatGlucoseRange, type GlucoseUnit } from "./chart-format";
import { buildAgpOptions } from "./agp-options";
import { buildAgpTable, computeAgpMax, describeAgp, prepareAgpData, type AgpInput } from "./agp-data";
import { computeAgpYRange } from "./glucose-axis";
import { useUplot } from "./use-uplot";

export type AgpChartProps = {
  /** computeAgp's result (lib/analytics/glucose/agp.ts), or the part of it listed in AgpInput. */
  agp: AgpInput;
  unit?: GlucoseUnit;
  /** Target band, mg/dL (default 70–180). */
  low?: number;
  high?: number;
  /** Height of the plot and axes, CSS px. Default 300. */
  height?: number;
  className?: string;
};

/**
 * The ambulatory glucose profile: a typical day from many days of readings. Not interactive:
 * there is nothing to zoom, and the key below names the bands, as the printed AGP report does.
 */
export function AgpChart({ agp, unit = "mg/dL", low = 70, high = 180, height = 300, className = "" }: AgpChartProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const label = describeAgp(agp, unit, low, high);
  const max = computeAgpMax(agp);

  const data = useMemo<uPlot.AlignedData | null>(() => {
    if (max === null) return null;
    const d = prepareAgpData(agp);
    return [d.hours, d.p5, d.p25, d.p75, d.p95, d.p50];
  }, [agp, max]);
  const buildOptions = useCallback(
    (width: number) => buildAgpOptions({ width, height, unit, low, high, yRange: computeAgpYRange(max), legend: false }),
    [height, unit, low, high, max],
  );
  useUplot(containerRef, buildOptions, data, height);

  if (data === null) {
    return (
      <figure className={`min-w-0 ${className}`}>
        <p className="rounded-lg bg-slate-50 px-3 py-6 text-center text-sm text-slate-700 ring-1 ring-slate-200">{label}</p>
      </figure>
    );
  }

  const rows = buildAgpTable(agp, unit);
  const key = [
    { name: "Median", swatch: { height: 3, backgroundColor: AGP_COLORS.median } },
    { name: `25–75${NBSP}%`, swatch: { height: 10, backgroundColor: AGP_COLORS.iqrFill } },
    { name: `5–95${NBSP}%`, swatch: { height: 10, backgroundColor: AGP_COLORS.outerFill, border: `1px dashed ${AGP_COLORS.outerLine}` } },
    { name: `Target ${formatGlucoseRange(low, high, unit)}`, swatch: { height: 2, backgroundColor: AGP_COLORS.targetLine } },
  ];

  return (
    <figure className={`min-w-0 ${className}`}>
      <div ref={containerRef} role="img" aria-label={label} className="w-full min-w-0" style={{ minHeight: height }} />
      <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700" aria-hidden="true">
        {key.map((k) => (
          <li key={k.name} className="flex items-center gap-1.5">
            <span className="inline-block w-4 rounded-sm" style={k.swatch} />
            {k.name}
          </li>
        ))}
      </ul>
      <div className="sr-only">
        <table>
        <caption>
          Glucose percentiles by time of day ({unit}), {agp.daysWithData} days
        </caption>
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">5th</th>
            <th scope="col">25th</th>
            <th scope="col">Median</th>
            <th scope="col">75th</th>
            <th scope="col">95th</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.time}>
              <th scope="row">{r.time}</th>
              <td>{r.p5}</td>
              <td>{r.p25}</td>
              <td>{r.p50}</td>
              <td>{r.p75}</td>
              <td>{r.p95}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </div>
    </figure>
  );
}
