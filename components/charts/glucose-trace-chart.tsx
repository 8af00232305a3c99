"use client";

import "uplot/dist/uPlot.min.css";
import uPlot from "uplot";
import { useCallback, useId, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { EVENT_COLORS } from "./chart-colors";
import { formatInstant, type GlucoseUnit } from "./chart-format";
import { computeTraceYRange } from "./glucose-axis";
import { buildTraceOptions } from "./trace-options";
import {
  buildTraceTable,
  describeTrace,
  prepareEvents,
  prepareTraceData,
  summarizeTrace,
  type ChartEvent,
  type ChartEventKind,
} from "./trace-data";
import { useUplot } from "./use-uplot";
import { ZOOM_KEYS_HELP, applyZoomKey, isZoomed, type XRange } from "./zoom";

export type GlucoseTraceChartProps = {
  /** Epoch ms, ascending. */
  times: readonly number[];
  /** mg/dL, paired with `times`; null marks a missing reading. */
  values: readonly (number | null)[];
  unit?: GlucoseUnit;
  /** IANA zone of the person; axis labels are in their wall-clock time. Default "UTC". */
  timezone?: string;
  /** Target band, mg/dL (default 70–180, the consensus range). */
  low?: number;
  high?: number;
  /** Meals, workouts and sleep to mark on the timeline. */
  events?: readonly ChartEvent[];
  /** Opening words of the spoken summary, e.g. "Glucose over the last 24 hours". */
  title?: string;
  /** Height of the plot and axes, CSS px (the live legend adds ~30 px). Default 260. */
  height?: number;
  /** Drag or keyboard zoom along time, with a reset button. Default true. */
  zoomable?: boolean;
  /** Readings further apart than this are drawn as a gap; default 3 sampling intervals, ≥ 15 min. */
  maxGapMinutes?: number;
  className?: string;
};

const EVENT_NAMES: Record<ChartEventKind, string> = { meal: "Meal", workout: "Workout", sleep: "Sleep" };

/** The glucose line over any span (a day on the dashboard, up to 90 days on the timeline), on a canvas drawn by uPlot. */
export function GlucoseTraceChart({
  times,
  values,
  unit = "mg/dL",
  timezone = "UTC",
  low = 70,
  high = 180,
  events,
  title,
  height = 260,
  zoomable = true,
  maxGapMinutes,
  className = "",
}: GlucoseTraceChartProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const hintId = useId();
  const [zoomed, setZoomed] = useState(false);

  const trace = useMemo(() => prepareTraceData({ times, values }, { maxGapMinutes }), [times, values, maxGapMinutes]);
  const summary = useMemo(() => summarizeTrace({ times, values }, low, high), [times, values, low, high]);
  const prepared = useMemo(() => prepareEvents(events), [events]);
  const label = describeTrace(summary, { unit, timezone, low, high, title, events });

  const full: XRange | null = trace.xs.length > 1 ? { min: trace.xs[0], max: trace.xs[trace.xs.length - 1] } : null;
  const fullMin = full?.min;
  const fullMax = full?.max;

  const data = useMemo<uPlot.AlignedData | null>(() => (trace.xs.length > 0 ? [trace.xs, trace.ys] : null), [trace]);
  const buildOptions = useCallback(
    (width: number) =>
      buildTraceOptions(
        {
          width,
          height,
          unit,
          timezone,
          low,
          high,
          yRange: computeTraceYRange(summary?.min ?? null, summary?.max ?? null),
          events: prepared,
          zoomable,
          onXRangeChange: (view) => {
            if (fullMin !== undefined && fullMax !== undefined) setZoomed(isZoomed(view, { min: fullMin, max: fullMax }));
          },
        },
        uPlot,
      ),
    [height, unit, timezone, low, high, summary, prepared, zoomable, fullMin, fullMax],
  );
  const chartRef = useUplot(containerRef, buildOptions, data, height);

  const resetZoom = () => {
    if (full) chartRef.current?.setScale("x", full);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const chart = chartRef.current;
    const { min, max } = chart?.scales.x ?? {};
    if (!chart || !full || min === undefined || max === undefined) return;
    const next = applyZoomKey(e.key, { min, max }, full);
    if (next === null) return;
    e.preventDefault();
    chart.setScale("x", next);
  };

  const kinds = (["meal", "workout", "sleep"] as const).filter((k) => prepared.some((e) => e.kind === k));
  const rows = buildTraceTable(summary, unit, low, high);

  if (summary === null) {
    return (
      <figure className={`min-w-0 ${className}`}>
        <p className="rounded-lg bg-slate-50 px-3 py-6 text-center text-sm text-slate-700 ring-1 ring-slate-200">{label}</p>
      </figure>
    );
  }

  return (
    <figure className={`min-w-0 ${className}`}>
      {zoomable && (
        <div className="flex min-h-8 items-center justify-end gap-2">
          {zoomed ? (
            <button
              type="button"
              onClick={resetZoom}
              className="rounded-md bg-white px-2.5 py-1 text-xs font-semibold text-slate-800 ring-1 ring-slate-300 hover:bg-slate-50"
            >
              Reset zoom
            </button>
          ) : (
            <span className="text-xs text-slate-600">Drag across the chart to zoom</span>
          )}
        </div>
      )}
      <div
        ref={containerRef}
        role="img"
        aria-label={label}
        aria-describedby={zoomable ? hintId : undefined}
        tabIndex={zoomable ? 0 : undefined}
        onKeyDown={zoomable ? onKeyDown : undefined}
        className="w-full min-w-0 rounded-md"
        style={{ minHeight: height }}
      />
      {zoomable && (
        <p id={hintId} className="sr-only">
          {ZOOM_KEYS_HELP}
        </p>
      )}
      {kinds.length > 0 && (
        <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700" aria-hidden="true">
          {kinds.map((k) => (
            <li key={k} className="flex items-center gap-1.5">
              <span
                className="inline-block h-3 w-3 rounded-sm"
                style={{ backgroundColor: EVENT_COLORS[k].fill, border: `1.5px ${k === "meal" ? "dashed" : "solid"} ${EVENT_COLORS[k].line}` }}
              />
              {EVENT_NAMES[k]}
            </li>
          ))}
        </ul>
      )}
      <div className="sr-only">
        <table>
        <caption>Glucose summary</caption>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label}>
              <th scope="row">{r.label}</th>
              <td>{r.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </div>
      {prepared.length > 0 && (
        <ul className="sr-only" aria-label="Events on the chart">
          {prepared.map((e, i) => (
            <li key={i}>
              {EVENT_NAMES[e.kind]}: {e.label}, {formatInstant(e.start * 1000, timezone)}
              {e.end !== null ? ` to ${formatInstant(e.end * 1000, timezone)}` : ""}
            </li>
          ))}
        </ul>
      )}
    </figure>
  );
}
