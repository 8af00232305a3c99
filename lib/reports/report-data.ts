import { z } from "zod";
import { AppError } from "@/lib/errors";

/**
 * Everything the doctor's PDF shows, as plain JSON (no typed arrays, no Dates): it can be built in
 * one process, cached, sent over a queue and rendered in another. Glucose values are ALWAYS mg/dL
 * here, as stored; `unit` only decides how they are displayed (lib/reports/report-format.ts).
 *
 * The zod schema is the single source of truth: `renderReportPdf` parses its input with it, so a
 * NaN, an Infinity or a missing field is rejected with a sentence instead of reaching the page.
 */

const isoDate = z.iso.date();
const finite = z.number();
const percent = z.number().min(0).max(100);
/** One value per 5-minute bin of the day (288), mg/dL, null where there is no reading. */
const dayCurve = z.array(finite.nullable()).length(288);

export const reportUnitSchema = z.enum(["mg/dL", "mmol/L"]);
export type ReportUnit = z.infer<typeof reportUnitSchema>;

export const reportPageSizeSchema = z.enum(["A4", "LETTER"]);
export type ReportPageSize = z.infer<typeof reportPageSizeSchema>;

/** The consensus targets, with the ids of lib/analytics/glucose/consensus-targets.ts. */
export const consensusTargetIdSchema = z.enum(["tir_70_180", "tbr_70", "tbr_54", "tar_180", "tar_250", "cv", "active"]);
export type ConsensusTargetId = z.infer<typeof consensusTargetIdSchema>;

export const reportTargetSchema = z.object({
  id: consensusTargetIdSchema,
  /** Measured %, null when it could not be computed. */
  value: finite.nullable(),
  comparator: z.enum([">", "<", "≤", "≥"]),
  /** Threshold in % (the glucose limits of each row are fixed by the id). */
  threshold: finite,
  /** Judged on the unrounded value by the analytics; null when the value is null. */
  met: z.boolean().nullable(),
});
export type ReportTarget = z.infer<typeof reportTargetSchema>;

/** Glycemia Risk Index zones (Klonoff et al. 2023): A 0–20, B 20–40, C 40–60, D 60–80, E 80–100. */
export const griZoneSchema = z.enum(["A", "B", "C", "D", "E"]);
export type GriZone = z.infer<typeof griZoneSchema>;

export const reportMetricsSchema = z.object({
  readings: z.number().int().min(2),
  /** Days between the first and the last reading (iglu active_percent's ndays, 0.1 precision). */
  daysCovered: finite.min(0),
  /** Calendar days of the period holding at least one reading. */
  daysWithData: z.number().int().min(1),
  activePercent: percent,
  mean: finite,
  median: finite,
  sd: finite,
  /** %; null is impossible with ≥ 2 readings but kept nullable like the analytics' CV target. */
  cv: finite.nullable(),
  /** Glucose management indicator, % (Bergenstal et al. 2018). */
  gmi: finite,
  /**
   * The five consensus bands in % of readings (Battelino et al. 2019). They partition the readings
   * (sum = 100): veryLow < 54, low 54–<70, inRange 70–180, high >180–250, veryHigh > 250 mg/dL.
   */
  ranges: z.object({ veryLow: percent, low: percent, inRange: percent, high: percent, veryHigh: percent }),
  targets: z.array(reportTargetSchema),
  /** iglu extras: MAGE (mg/dL, null when the series is too short), LBGI/HBGI (Kovatchev), GRI. */
  mage: finite.nullable(),
  lbgi: finite,
  hbgi: finite,
  gri: finite,
  griZone: griZoneSchema,
});
export type ReportMetrics = z.infer<typeof reportMetricsSchema>;

export const reportAgpSchema = z.object({
  /** First and last local date of the AGP window. */
  from: isoDate,
  to: isoDate,
  daysWithData: z.number().int().min(1),
  readings: z.number().int().min(1),
  /** Smoothed percentile curves (lib/analytics/glucose/agp.ts), 288 bins of 5 minutes, mg/dL. */
  p5: dayCurve,
  p25: dayCurve,
  p50: dayCurve,
  p75: dayCurve,
  p95: dayCurve,
});
export type ReportAgp = z.infer<typeof reportAgpSchema>;

export const reportDailyProfileSchema = z.object({
  date: isoDate,
  /** Mean of the readings in each 5-minute wall-clock bin, mg/dL; null where there is none. */
  values: dayCurve,
  readings: z.number().int().min(0),
  mean: finite.nullable(),
  /** % of the day's readings in 70–180 mg/dL; null on a day without readings. */
  inRangePercent: percent.nullable(),
});
export type ReportDailyProfile = z.infer<typeof reportDailyProfileSchema>;

export const reportStorySchema = z.object({
  weekOf: isoDate,
  title: z.string(),
  narrative: z.string(),
  /** Always null when options.includeNotes is false (the builder drops it). */
  personalNote: z.string().nullable(),
});
export type ReportStory = z.infer<typeof reportStorySchema>;

export const reportInsightSchema = z.object({
  type: z.enum(["positive", "warning", "neutral"]),
  title: z.string(),
  description: z.string(),
  /** 0–100. */
  confidence: percent,
});
export type ReportInsight = z.infer<typeof reportInsightSchema>;

export const reportPredictionSchema = z.object({
  event: z.string(),
  /** Whole percent 0–100: an empirical, smoothed frequency from the person's own history. */
  probability: z.number().int().min(0).max(100),
  /** Days behind the probability; null when the source did not record it. */
  sampleSize: z.number().int().min(0).nullable(),
  timeframe: z.string(),
  preventable: z.boolean(),
  reasoning: z.string().nullable(),
});
export type ReportPrediction = z.infer<typeof reportPredictionSchema>;

export const reportOptionsSchema = z.object({
  includeAnalysis: z.boolean(),
  includeNotes: z.boolean(),
  pageSize: reportPageSizeSchema,
});
export type ReportOptions = z.infer<typeof reportOptionsSchema>;

export const reportDataSchema = z.object({
  patient: z.object({ name: z.string().min(1), dateOfBirth: isoDate.nullable() }),
  /** Local calendar dates (in `timezone`), both inclusive. */
  period: z.object({ from: isoDate, to: isoDate }),
  /** ISO 8601 instant. */
  generatedAt: z.iso.datetime({ offset: true }),
  timezone: z.string().min(1),
  unit: reportUnitSchema,
  /** null when the period holds fewer than 2 readings. */
  metrics: reportMetricsSchema.nullable(),
  /** null when the period holds too few days for a percentile profile (see MIN_AGP_DAYS). */
  agp: reportAgpSchema.nullable(),
  /** Up to 14 most recent calendar days of the period, oldest first; days without data included. */
  dailyProfiles: z.array(reportDailyProfileSchema).max(14),
  /** Newest week first. */
  stories: z.array(reportStorySchema),
  insights: z.array(reportInsightSchema),
  predictions: z.array(reportPredictionSchema),
  notablePatterns: z.array(z.string()),
  options: reportOptionsSchema,
});
export type ReportData = z.infer<typeof reportDataSchema>;

/**
 * Validates anything claiming to be ReportData. Throws AppError "bad_request:report" naming the first
 * offending field (never its value: it may be health data).
 */
export function parseReportData(input: unknown): ReportData {
  const result = reportDataSchema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? issue.path.join(".") : "the report";
  throw new AppError("bad_request:report", `The report data is not valid: ${where} is missing or has the wrong shape.`, {
    cause: result.error,
    details: { field: where },
  });
}
