/**
 * Shared types of the glucose analytics. Every function here works on one person's series.
 */

/** One person's CGM readings: epoch milliseconds and mg/dL, same length, times strictly ascending. */
export type GlucoseSeries = {
  readonly times: Float64Array;
  readonly values: Float64Array;
};

/**
 * A metric that can be undefined for a structural reason (too few days, too few readings…).
 * Never NaN: either a finite value, or null with a sentence saying why.
 */
export type MetricOutcome = { value: number; reason: null } | { value: null; reason: string };

export function metricValue(value: number): MetricOutcome {
  return { value, reason: null };
}

export function metricUnavailable(reason: string): MetricOutcome {
  return { value: null, reason };
}

/** Options for every metric that works on iglu's day-by-day interpolated grid (CGMS2DayByDay). */
export type DayGridOptions = {
  /** Grid step in minutes; default: the rounded median sampling interval (iglu CGMS2DayByDay). */
  dt0Min?: number;
  /** Largest gap (minutes) that is linearly interpolated; default 45 as iglu. */
  interGapMin?: number;
  /** IANA zone whose local midnight starts each grid day; default "UTC" (iglu with tz = "" on naive times). */
  timezone?: string;
};
