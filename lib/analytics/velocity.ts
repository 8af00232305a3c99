import { DateTime } from "luxon";
import { AppError } from "@/lib/errors";
import { studentTTwoSidedPValue } from "./correlation/student-t";

/**
 * Health velocity: how fast time in range, mean glucose and glucose variability move, week by week.
 *
 * Weeks are built from the daily aggregates (db/schema daily_aggregates: a local day's reading count,
 * mean, sample SD and % in 70–180 mg/dL), weighted by readings, so a week's figure is exactly the one
 * computed on all its readings at once (not a mean of daily means, where a 40-reading day would count
 * as much as a 288-reading day):
 *   - time in range  = Σ nᵢ·tirᵢ / Σ nᵢ;
 *   - mean           = Σ nᵢ·mᵢ / Σ nᵢ;
 *   - CV             = 100 · SD / mean, with the week's sample SD recomposed from the days'
 *                      (the ANOVA identity: SS = Σ (nᵢ − 1)·sᵢ² + Σ nᵢ·(mᵢ − M)², SD = √(SS / (N − 1)),
 *                      the same sample SD iglu's `cv_glu` takes with R's `sd`).
 * The trend of each metric is the ordinary least-squares slope over the week index (unit: per week),
 * tested against a flat line with Student's t on n − 2 degrees of freedom (the test of scipy's
 * `linregress` and R's `summary(lm(y ~ x))`), with a 95 % confidence interval slope ± t₀.₉₇₅ · SE.
 * Nothing here returns NaN: see each type for what degenerate input gives.
 */

/** One local day of aggregates, as stored in daily_aggregates (mg/dL, percent). */
export type VelocityDay = {
  date: string;
  readings: number;
  meanMgdl: number | null;
  sdMgdl: number | null;
  tirPercent: number | null;
};

export type WeeklyGlucose = {
  /** First and last local date of the 7-day block (inclusive). */
  start: string;
  end: string;
  /** Days of the block with at least one reading. */
  daysWithData: number;
  readings: number;
  /** False when the block has fewer than `minDaysPerWeek` days with readings: its figures are null. */
  enough: boolean;
  /** % of readings in 70–180 mg/dL; null when `enough` is false. */
  tirPercent: number | null;
  /** mg/dL; null when `enough` is false. */
  meanMgdl: number | null;
  /** %; null when `enough` is false, with fewer than 2 readings, or a mean ≤ 0. */
  cvPercent: number | null;
};

export type WeeklyOptions = {
  /** Last local date of the most recent block (inclusive), YYYY-MM-DD: usually today. */
  endDate: string;
  /** Number of 7-day blocks, oldest first in the result. Default 8. */
  weeks?: number;
  /**
   * A block needs readings on at least this many of its 7 days to count (default 3): a week seen
   * through one day says more about that day than about the week.
   */
  minDaysPerWeek?: number;
};

export const DEFAULT_VELOCITY_WEEKS = 8;
export const DEFAULT_MIN_DAYS_PER_WEEK = 3;

/**
 * Rolling 7-day blocks ending on `endDate` (not calendar weeks: every block is complete, and the last
 * one holds the most recent days), oldest first. Days outside the blocks are ignored.
 */
export function summarizeWeeks(days: readonly VelocityDay[], options: WeeklyOptions): WeeklyGlucose[] {
  const weeks = options.weeks ?? DEFAULT_VELOCITY_WEEKS;
  const minDays = options.minDaysPerWeek ?? DEFAULT_MIN_DAYS_PER_WEEK;
  const end = DateTime.fromISO(options.endDate, { zone: "utc" });
  if (!end.isValid || !/^\d{4}-\d{2}-\d{2}$/.test(options.endDate)) {
    throw new AppError("bad_request:analytics", `The end date must be a date like 2026-03-20 (got "${options.endDate}").`);
  }
  if (!Number.isInteger(weeks) || weeks < 1) throw new AppError("bad_request:analytics", "Velocity needs at least one week.");

  const blocks = Array.from({ length: weeks }, (_, i) => {
    const blockEnd = end.minus({ days: 7 * (weeks - 1 - i) });
    return { start: blockEnd.minus({ days: 6 }).toISODate()!, end: blockEnd.toISODate()!, days: [] as VelocityDay[] };
  });
  for (const day of days) {
    // ISO dates compare correctly as strings.
    const block = blocks.find((b) => day.date >= b.start && day.date <= b.end);
    if (block && day.readings > 0 && day.meanMgdl !== null && Number.isFinite(day.meanMgdl)) block.days.push(day);
  }
  return blocks.map((b) => summarizeBlock(b.start, b.end, b.days, minDays));
}

function summarizeBlock(start: string, end: string, days: readonly VelocityDay[], minDays: number): WeeklyGlucose {
  const readings = days.reduce((s, d) => s + d.readings, 0);
  const base = { start, end, daysWithData: days.length, readings };
  if (days.length < minDays || readings === 0) return { ...base, enough: false, tirPercent: null, meanMgdl: null, cvPercent: null };

  let weightedMean = 0;
  let tirWeight = 0;
  let weightedTir = 0;
  for (const d of days) {
    weightedMean += d.readings * (d.meanMgdl as number);
    if (d.tirPercent !== null && Number.isFinite(d.tirPercent)) {
      weightedTir += d.readings * d.tirPercent;
      tirWeight += d.readings;
    }
  }
  const mean = weightedMean / readings;
  let sumOfSquares = 0;
  for (const d of days) {
    // A missing SD only happens on a one-reading day, whose within-day spread is 0 anyway.
    const sd = d.sdMgdl !== null && Number.isFinite(d.sdMgdl) ? d.sdMgdl : 0;
    sumOfSquares += (d.readings - 1) * sd * sd + d.readings * ((d.meanMgdl as number) - mean) ** 2;
  }
  const cv = readings >= 2 && mean > 0 ? (100 * Math.sqrt(sumOfSquares / (readings - 1))) / mean : null;
  return { ...base, enough: true, tirPercent: tirWeight > 0 ? weightedTir / tirWeight : null, meanMgdl: mean, cvPercent: cv };
}

/** How much to trust a trend, from the two-sided p-value of its slope. */
export type TrendConfidence = "high" | "medium" | "low" | "none";

/**
 * The rule, for the UI (which must not invent its own): "high" p < 0.01, "medium" p < 0.05,
 * "low" p < 0.10 (suggestive: worth watching), "none" otherwise (no evidence the metric moves).
 * Eight weekly points leave 6 degrees of freedom, so only steady moves reach "medium" or "high".
 */
export function classifyTrendConfidence(pValue: number): TrendConfidence {
  if (pValue < 0.01) return "high";
  if (pValue < 0.05) return "medium";
  if (pValue < 0.1) return "low";
  return "none";
}

/** Relative size under which a residual or a slope is rounding error. */
const EXACT_TOLERANCE = 1e-10;

/** Fewer weeks with data than this and no trend is fitted (df = n − 2 ≥ 2 keeps the t-test meaningful). */
export const MIN_TREND_WEEKS = 4;

export type LinearTrend =
  | {
      kind: "insufficient";
      /** Weeks with a value. */
      n: number;
      minWeeks: number;
    }
  | {
      kind: "fitted";
      n: number;
      /** Units of the metric per week. */
      slopePerWeek: number;
      /** Fitted value at the first week (index 0). */
      intercept: number;
      /** Standard error of the slope; 0 when the points lie exactly on a line. */
      standardError: number;
      df: number;
      /** slope / SE; null when SE is 0 (a perfect line: the slope is exact). */
      tStatistic: number | null;
      /** Two-sided p-value of "the slope is 0": 0 for an exact non-flat line, 1 for an exactly flat one. */
      pValue: number;
      /** 95 % confidence interval of the slope. */
      ci95: { low: number; high: number };
      confidence: TrendConfidence;
      direction: "up" | "down" | "flat";
    };

/**
 * Least-squares line through (i, values[i]) for the weeks that have a value; a null week keeps its
 * place on the x axis, so a gap does not compress time.
 */
export function fitLinearTrend(values: readonly (number | null)[], options: { minWeeks?: number } = {}): LinearTrend {
  const minWeeks = Math.max(3, options.minWeeks ?? MIN_TREND_WEEKS);
  const xs: number[] = [];
  const ys: number[] = [];
  values.forEach((v, i) => {
    if (v !== null && Number.isFinite(v)) {
      xs.push(i);
      ys.push(v);
    }
  });
  const n = xs.length;
  if (n < minWeeks) return { kind: "insufficient", n, minWeeks };

  const meanX = xs.reduce((a, b) => a + b, 0) / n;
  const meanY = ys.reduce((a, b) => a + b, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (xs[i] - meanX) ** 2;
    sxy += (xs[i] - meanX) * (ys[i] - meanY);
  }
  const slope = sxy / sxx;
  const intercept = meanY - slope * meanX;
  let ssr = 0;
  for (let i = 0; i < n; i++) ssr += (ys[i] - (intercept + slope * xs[i])) ** 2;
  const df = n - 2;
  // Rounding leaves a residual of ~1e-15 of the data's scale on an exact line: that is 0, not noise
  // (and a spurious SE of 1e-16 would turn an exact line into a meaningless t of 1e14).
  const scale = Math.max(1, ...ys.map(Math.abs));
  const residualSd = Math.sqrt(ssr / df);
  const standardError = residualSd <= EXACT_TOLERANCE * scale ? 0 : residualSd / Math.sqrt(sxx);
  const flatSlope = Math.abs(slope) <= EXACT_TOLERANCE * scale;
  const slopePerWeek = flatSlope ? 0 : slope;

  let tStatistic: number | null;
  let pValue: number;
  if (standardError === 0) {
    tStatistic = null;
    pValue = slopePerWeek === 0 ? 1 : 0;
  } else {
    tStatistic = slopePerWeek / standardError;
    pValue = studentTTwoSidedPValue(tStatistic, df);
  }
  const half = studentTQuantile975(df) * standardError;
  return {
    kind: "fitted",
    n,
    slopePerWeek,
    intercept,
    standardError,
    df,
    tStatistic,
    pValue,
    ci95: { low: slopePerWeek - half, high: slopePerWeek + half },
    confidence: classifyTrendConfidence(pValue),
    direction: slopePerWeek > 0 ? "up" : slopePerWeek < 0 ? "down" : "flat",
  };
}

/**
 * t such that P(|T| > t) = 0.05 with `df` degrees of freedom (scipy `stats.t.ppf(0.975, df)`), by
 * bisection on the two-sided p-value, which decreases strictly in t.
 */
export function studentTQuantile975(df: number): number {
  if (!(df > 0)) throw new AppError("bad_request:analytics", `Student's t needs df > 0 (got ${df}).`);
  let low = 0;
  let high = 2;
  while (studentTTwoSidedPValue(high, df) > 0.05) high *= 2;
  for (let i = 0; i < 200 && high - low > 1e-12 * high; i++) {
    const mid = (low + high) / 2;
    if (studentTTwoSidedPValue(mid, df) > 0.05) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}

export type VelocityMetricId = "tir" | "mean" | "cv";

export type VelocityMetric = {
  id: VelocityMetricId;
  /** One value per week, oldest first; null for a week without enough data. */
  values: (number | null)[];
  /** The most recent week with a value, or null. */
  latest: number | null;
  trend: LinearTrend;
  /**
   * Which way is better for most people, for wording only: time in range up, CV down. Mean glucose
   * has none: lower is better above target and worse near hypoglycemia.
   */
  betterDirection: "up" | "down" | null;
};

export type Velocity = { weeks: WeeklyGlucose[]; metrics: Record<VelocityMetricId, VelocityMetric> };

/** Weekly figures and their trends, ready for the velocity page. */
export function computeVelocity(days: readonly VelocityDay[], options: WeeklyOptions & { minTrendWeeks?: number }): Velocity {
  const weeks = summarizeWeeks(days, options);
  const metric = (id: VelocityMetricId, pick: (w: WeeklyGlucose) => number | null, betterDirection: "up" | "down" | null): VelocityMetric => {
    const values = weeks.map(pick);
    const present = values.filter((v): v is number => v !== null);
    return { id, values, latest: present.length ? present[present.length - 1] : null, trend: fitLinearTrend(values, { minWeeks: options.minTrendWeeks }), betterDirection };
  };
  return {
    weeks,
    metrics: {
      tir: metric("tir", (w) => w.tirPercent, "up"),
      mean: metric("mean", (w) => w.meanMgdl, null),
      cv: metric("cv", (w) => w.cvPercent, "down"),
    },
  };
}
