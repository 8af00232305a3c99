/**
 * Glucose charts. GlucoseTraceChart and AgpChart are client components (uPlot on a canvas);
 * TimeInRangesBar, DailyProfilesGrid and Sparkline are plain markup that also renders in server
 * components. Every chart has role="img", a spoken summary (aria-label) and a visually hidden data summary.
 */
export { GlucoseTraceChart, type GlucoseTraceChartProps } from "./glucose-trace-chart";
export { AgpChart, type AgpChartProps } from "./agp-chart";
export { TimeInRangesBar, type TimeInRangesBarProps } from "./time-in-ranges-bar";
export { DailyProfilesGrid, type DailyProfilesGridProps } from "./daily-profiles-grid";
export { Sparkline, type SparklineProps } from "./sparkline";
export type { ChartEvent, ChartEventKind } from "./trace-data";
export type { AgpInput } from "./agp-data";
export type { TimeInRangesInput } from "./time-in-ranges-data";
export type { DailyProfileInput } from "./daily-profiles-data";
export type { SparklineFormat } from "./sparkline-data";
