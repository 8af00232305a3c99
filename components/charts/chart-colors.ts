/**
 * Colors of every chart, as hex values. They mirror the tokens of app/globals.css (`--color-tbr2`,
 * `--color-tbr1`, `--color-tir`, `--color-tar1`, `--color-tar2`, `--color-brand-*`) because uPlot
 * paints on a canvas, which cannot take `var(--…)`, and because the benchmark page has no Tailwind.
 * Keep both in step: chart-colors.test.ts checks the hex values against globals.css.
 */

/** The consensus time-in-ranges palette (AGP report convention), globals.css tokens. */
export const CONSENSUS_COLORS = {
  veryLow: "#a3161a", // --color-tbr2
  low: "#e8453c", // --color-tbr1
  inRange: "#2f9e44", // --color-tir
  high: "#f2b705", // --color-tar1
  veryHigh: "#e8760c", // --color-tar2
} as const;

export const BRAND_COLORS = {
  50: "#eef6ff",
  100: "#d9ebff",
  600: "#1f5fbf",
  700: "#174a96",
  900: "#0f2f5f",
} as const;

/**
 * Lines drawn on white. WCAG 1.4.11 asks 3:1 for graphics that carry meaning; the pale consensus
 * fills (#f2b705 is 1.9:1) are fine as area fills next to text labels, but a thin line colored
 * that way disappears, so the trace uses darker members of the same hues.
 */
export const TRACE_COLORS = {
  inRange: BRAND_COLORS[700],
  below: CONSENSUS_COLORS.veryLow,
  above: "#b45309", // amber-700: reads as "high" like --color-tar2 but passes 3:1 as a 1.5 px line
  targetLine: "#2f9e44",
  targetFill: "rgba(47, 158, 68, 0.10)",
} as const;

/** Event markers on the timeline; line colors pass 3:1 on white, span fills are pale. */
export const EVENT_COLORS = {
  meal: { line: "#9a3412", fill: "rgba(154, 52, 18, 0.10)" }, // orange-800
  workout: { line: "#0f766e", fill: "rgba(15, 118, 110, 0.12)" }, // teal-700
  sleep: { line: "#5b21b6", fill: "rgba(91, 33, 182, 0.10)" }, // violet-800
} as const;

/**
 * The AGP report look (IDC AGP, Johnson et al. 2019): dark median, a darker band for the 25–75 %
 * range and a lighter one for the 5–95 % range, green target lines.
 */
export const AGP_COLORS = {
  median: BRAND_COLORS[900],
  iqrFill: "#7ea6dc",
  outerFill: "#d3e3f7",
  outerLine: "#5b88c9",
  targetLine: CONSENSUS_COLORS.inRange,
  targetFill: "rgba(47, 158, 68, 0.08)",
} as const;

/** Text on white: all ≥ 4.5:1 (WCAG AA for normal text). */
export const TEXT_COLORS = {
  strong: "#0f172a", // slate-900
  body: "#334155", // slate-700
  muted: "#475569", // slate-600
  met: "#15803d", // green-700
  notMet: "#b91c1c", // red-700
} as const;

export const GRID_COLOR = "#e2e8f0"; // slate-200
export const AXIS_TEXT_COLOR = TEXT_COLORS.muted;

/** WCAG 2.x relative luminance of a #rrggbb color. */
export function computeRelativeLuminance(hex: string): number {
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!m) throw new RangeError(`Not a #rrggbb color: ${hex}`);
  const channel = (i: number) => {
    const c = parseInt(m[1].slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
}

/** WCAG contrast ratio between two #rrggbb colors (1 to 21). */
export function computeContrastRatio(a: string, b: string): number {
  const la = computeRelativeLuminance(a);
  const lb = computeRelativeLuminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}
