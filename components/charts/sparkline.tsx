import { BRAND_COLORS } from "./chart-colors";
import { computeSparklineGeometry, describeSparkline, formatSparkValue, type SparklineFormat } from "./sparkline-data";

export type SparklineProps = {
  values: readonly (number | null)[];
  /** What the line measures, with its period: "Adherence over 14 days". Starts the spoken summary. */
  label: string;
  /** "percent" for fractions 0–1 (adherence), "number" otherwise (mood 1–5). Default "number". */
  format?: SparklineFormat;
  /** Printed right after each number, e.g. "/5" (mood) or "\u00a0h" (sleep). */
  suffix?: string;
  /** Fixed y domain, e.g. [0, 1]; default the values' own range. */
  domain?: [number, number];
  width?: number;
  height?: number;
  /** Line color; must keep 3:1 against the background (default brand-600, 6.1:1 on white). */
  color?: string;
  className?: string;
};

/** A tiny trend line (adherence, mood) in SVG: server-renderable, no JavaScript. */
export function Sparkline({ values, label, format = "number", suffix = "", domain, width = 120, height = 32, color = BRAND_COLORS[600], className = "" }: SparklineProps) {
  const strokeWidth = 1.5;
  const { path, last } = computeSparklineGeometry({ values, format, domain, width, height, strokeWidth });
  const summary = describeSparkline(label, values, format, suffix);
  return (
    <span className={`inline-flex items-center ${className}`}>
      <svg role="img" aria-label={summary} width={width} height={height} viewBox={`0 0 ${width} ${height}`} focusable="false">
        {path && <path d={path} fill="none" stroke={color} strokeWidth={strokeWidth} strokeLinejoin="round" strokeLinecap="round" />}
        {last && <circle cx={last.x} cy={last.y} r={2.5} fill={color} />}
        {!path && <line x1={0} y1={height / 2} x2={width} y2={height / 2} stroke="#cbd5e1" strokeDasharray="3 3" />}
      </svg>
      <span className="sr-only">
        Values: {values.map((v) => (v === null || !Number.isFinite(v) ? "no data" : formatSparkValue(v, format, suffix))).join(", ")}
      </span>
    </span>
  );
}
