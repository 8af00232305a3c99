import { isAppError } from "@/lib/errors";
import { computeActivePercent } from "./active-percent";
import { computeCv, computeEa1c, computeGmi, computeMean, computeSd, madOfSorted } from "./basic-statistics";
import { computeCogi, computeGri } from "./composite-indices";
import { evaluateConsensusTargets, type ConsensusTarget } from "./consensus-targets";
import { buildDayGrid, type DayGrid } from "./day-grid";
import { computeEpisodes, type EpisodeSummary } from "./episodes";
import { computeGrade, computeGradeShares } from "./grade";
import { computeConga, computeMag, computeModd } from "./grid-variability";
import { computeMage, type MageOptions } from "./mage";
import { quantileSorted, sortedFinite } from "./numeric";
import {
  computeBgRiskIndices,
  computeHyperIndex,
  computeHypoIndex,
  computeJIndex,
  computeMValue,
} from "./risk-indices";
import { assertValidSeries } from "./series";
import { computePercentAbove, computePercentBelow, computePercentInRange, computePercentInRanges, type RangePercent, type RangeSpec } from "./time-in-ranges";
import type { GlucoseSeries, MetricOutcome } from "./types";

export type GlucoseMetricsOptions = {
  /** IANA zone for calendar days (ADRR) and the day grid's midnights. Default "UTC". */
  timezone?: string;
  /** Extra ranges reported as % of readings with lower ≤ gl ≤ upper. */
  customRanges?: RangeSpec[];
  /** n of CONGA(n), hours. Default 24 (iglu). */
  congaHours?: number;
  /** Largest interpolated gap on the day grid, minutes. Default 45 (iglu). */
  interGapMin?: number;
  mage?: Pick<MageOptions, "shortMa" | "longMa" | "maxGapMin">;
};

export type GlucoseMetrics = {
  readings: number;
  startMs: number;
  endMs: number;
  mean: number;
  median: number;
  /** R quantile type 7; p0/p100 are min/max. */
  quantiles: { p0: number; p5: number; p25: number; p50: number; p75: number; p95: number; p100: number };
  range: number;
  iqr: number;
  sd: number;
  cv: number;
  mad: number;
  gmi: number;
  ea1c: number;
  timeInRanges: {
    inRange70to180: number;
    inRange63to140: number;
    above140: number;
    above180: number;
    above250: number;
    below54: number;
    below70: number;
    custom: RangePercent[];
  };
  jIndex: number;
  lbgi: number;
  hbgi: number;
  adrr: number;
  grade: number;
  gradeEuglycemia: number;
  gradeHyperglycemia: number;
  gradeHypoglycemia: number;
  gri: number;
  griHypoComponent: number;
  griHyperComponent: number;
  cogi: number;
  mValue: number;
  hyperIndex: number;
  hypoIndex: number;
  igc: number;
  mag: number | null;
  mage: number | null;
  conga: number | null;
  congaHours: number;
  modd: number | null;
  /** iglu episode_calculation rows (null when the day grid cannot be built). */
  episodes: EpisodeSummary[] | null;
  activePercent: number;
  daysCovered: number;
  consensus: ConsensusTarget[];
  /** Every metric that is null, with the reason in a sentence. */
  unavailable: { metric: string; reason: string }[];
};

/**
 * Every clinical metric of one person's series, with iglu 4.x definitions. Needs ≥ 2 readings
 * (AppError "bad_request:analytics" otherwise). Metrics that need more structure (several days,
 * a 2h40 stretch for MAGE, readings ≤ 45 min apart for the day grid) are null with a reason in
 * `unavailable`; no field is ever NaN.
 */
export function computeGlucoseMetrics(series: GlucoseSeries, options: GlucoseMetricsOptions = {}): GlucoseMetrics {
  assertValidSeries(series, 2);
  const timezone = options.timezone ?? "UTC";
  const congaHours = options.congaHours ?? 24;
  const unavailable: { metric: string; reason: string }[] = [];

  const take = (metric: string, outcome: MetricOutcome): number | null => {
    if (outcome.value === null) unavailable.push({ metric, reason: outcome.reason });
    return outcome.value;
  };

  let grid: DayGrid | null = null;
  try {
    grid = buildDayGrid(series, { timezone, interGapMin: options.interGapMin });
  } catch (e) {
    if (!isAppError(e)) throw e;
    for (const metric of ["mag", "conga", "modd", "episodes"]) unavailable.push({ metric, reason: e.message });
  }

  let mage: number | null;
  try {
    mage = take("mage", computeMage(series, { ...options.mage, timezone, interGapMin: options.interGapMin }));
  } catch (e) {
    if (!isAppError(e)) throw e;
    mage = null;
    unavailable.push({ metric: "mage", reason: e.message });
  }

  const sorted = sortedFinite(series.values);
  const inRange70to180 = computePercentInRange(series, 70, 180);
  const below70 = computePercentBelow(series, 70);
  const below54 = computePercentBelow(series, 54);
  const above180 = computePercentAbove(series, 180);
  const above250 = computePercentAbove(series, 250);
  const cv = computeCv(series);
  const active = computeActivePercent(series);
  const gradeShares = computeGradeShares(series);
  const gri = computeGri(series);
  const hyperIndex = computeHyperIndex(series);
  const hypoIndex = computeHypoIndex(series);
  const bgRisk = computeBgRiskIndices(series, timezone);

  const metrics: GlucoseMetrics = {
    readings: series.values.length,
    startMs: series.times[0],
    endMs: series.times[series.times.length - 1],
    mean: computeMean(series),
    median: quantileSorted(sorted, 0.5),
    quantiles: {
      p0: quantileSorted(sorted, 0),
      p5: quantileSorted(sorted, 0.05),
      p25: quantileSorted(sorted, 0.25),
      p50: quantileSorted(sorted, 0.5),
      p75: quantileSorted(sorted, 0.75),
      p95: quantileSorted(sorted, 0.95),
      p100: quantileSorted(sorted, 1),
    },
    range: sorted[sorted.length - 1] - sorted[0],
    iqr: quantileSorted(sorted, 0.75) - quantileSorted(sorted, 0.25),
    sd: computeSd(series),
    cv,
    mad: madOfSorted(sorted),
    gmi: computeGmi(series),
    ea1c: computeEa1c(series),
    timeInRanges: {
      inRange70to180,
      inRange63to140: computePercentInRange(series, 63, 140),
      above140: computePercentAbove(series, 140),
      above180,
      above250,
      below54,
      below70,
      custom: computePercentInRanges(series, options.customRanges ?? []),
    },
    jIndex: computeJIndex(series),
    lbgi: bgRisk.lbgi,
    hbgi: bgRisk.hbgi,
    adrr: bgRisk.adrr,
    grade: computeGrade(series),
    gradeEuglycemia: gradeShares.euglycemia,
    gradeHyperglycemia: gradeShares.hyperglycemia,
    gradeHypoglycemia: gradeShares.hypoglycemia,
    gri: gri.gri,
    griHypoComponent: gri.hypoComponent,
    griHyperComponent: gri.hyperComponent,
    cogi: computeCogi(series),
    mValue: computeMValue(series),
    hyperIndex,
    hypoIndex,
    igc: hyperIndex + hypoIndex,
    mag: grid ? take("mag", computeMag(grid)) : null,
    mage,
    conga: grid ? take("conga", computeConga(grid, { hours: congaHours })) : null,
    congaHours,
    modd: grid ? take("modd", computeModd(grid)) : null,
    episodes: grid ? computeEpisodes(grid) : null,
    activePercent: active.activePercent,
    daysCovered: active.days,
    consensus: evaluateConsensusTargets({ inRange70to180, below70, below54, above180, above250, cv, activePercent: active.activePercent }),
    unavailable,
  };
  assertNoNaN(metrics);
  return metrics;
}

/** Last line of defence for "never NaN": a bug that slips a NaN through fails loudly here. */
function assertNoNaN(value: unknown, path = "metrics"): void {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`Internal error: ${path} is ${value}.`);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => assertNoNaN(v, `${path}[${i}]`));
  } else if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) assertNoNaN(v, `${path}.${k}`);
  }
}
