import { buildLinePath, scaleLinear } from "./svg-paths";

/**
 * Data preparation for Sparkline: a tiny trend line (adherence, mood…) and its description.
 */

/** "percent": values are fractions 0–1 printed as "85 %"; "number": printed as is (1 decimal at most). */
export type SparklineFormat = "percent" | "number";

export type SparklineInput = {
  values: readonly (number | null)[];
  format?: SparklineFormat;
  /** Fixed y domain (e.g. [0, 1] for adherence); default: the values' own min and max. */
  domain?: [number, number];
  width: number;
  height: number;
  /** Stroke width, to keep the line inside the box. */
  strokeWidth?: number;
};

export type SparklineGeometry = {
  path: string;
  /** The last non-null point, marked with a dot; null without values. */
  last: { x: number; y: number } | null;
};

export function formatSparkValue(value: number, format: SparklineFormat = "number", suffix = ""): string {
  if (!Number.isFinite(value)) return "—";
  if (format === "percent") return `${Math.round(value * 100)}\u00a0%`;
  const rounded = Math.round(value * 10) / 10;
  return `${rounded}${suffix}`;
}

function finiteValues(values: readonly (number | null)[]): number[] {
  return values.filter((v): v is number => v !== null && Number.isFinite(v));
}

/** Evenly spaced points across the width; nulls break the line. Inset by half a stroke so nothing is clipped. */
export function computeSparklineGeometry(input: SparklineInput): SparklineGeometry {
  const finite = finiteValues(input.values);
  if (finite.length === 0) return { path: "", last: null };
  const inset = (input.strokeWidth ?? 1.5) / 2 + 1;
  const domain = input.domain ?? [Math.min(...finite), Math.max(...finite)];
  const n = input.values.length;
  const x = { domain: [0, Math.max(1, n - 1)] as [number, number], range: [inset, input.width - inset] as [number, number] };
  const y = { domain, range: [input.height - inset, inset] as [number, number] };
  const xs = input.values.map((_, i) => i);
  // A single value sits in the middle rather than on the left edge.
  if (n === 1) x.domain = [-1, 1];
  const path = buildLinePath(xs, input.values, x, y);
  let lastIndex = n - 1;
  while (lastIndex >= 0 && (input.values[lastIndex] === null || !Number.isFinite(input.values[lastIndex] as number))) lastIndex--;
  const lastValue = input.values[lastIndex] as number;
  return { path, last: { x: scaleLinear(lastIndex, x), y: scaleLinear(lastValue, y) } };
}

/**
 * The aria-label, e.g. "Adherence over 14 days: from 60 % to 85 %, lowest 50 %, highest 90 %."
 * Without values: "Adherence: no data yet."
 */
export function describeSparkline(label: string, values: readonly (number | null)[], format: SparklineFormat = "number", suffix = ""): string {
  const finite = finiteValues(values);
  if (finite.length === 0) return `${label}: no data yet.`;
  const f = (v: number) => formatSparkValue(v, format, suffix);
  if (finite.length === 1) return `${label}: ${f(finite[0])}.`;
  const first = finite[0];
  const last = finite[finite.length - 1];
  const lowest = Math.min(...finite);
  const highest = Math.max(...finite);
  const missing = values.length - finite.length;
  return (
    `${label}: from ${f(first)} to ${f(last)}, lowest ${f(lowest)}, highest ${f(highest)}` +
    (missing > 0 ? `, ${missing} without data.` : ".")
  );
}
