/**
 * Clinical glucose metrics with the definitions of the R package iglu (4.x; reference values from
 * iglu 4.3.0) and the 2019 international consensus, plus the ambulatory glucose profile.
 * Pure functions over typed arrays: no database, no React.
 */
export type { GlucoseSeries, MetricOutcome, DayGridOptions } from "./types";
export { toSeries, toSeriesFromArrays, assertValidSeries, type GlucoseRow } from "./series";
export { parseCgmCsv, parseTimestamp, type ParsedCgmCsv } from "./csv-input";
export { buildDayGrid, detectSamplingIntervalMin, gridTimeAt, type DayGrid } from "./day-grid";
export {
  computeMean,
  computeMedian,
  computeQuantile,
  computeQuantiles,
  computeRange,
  computeIqr,
  computeSd,
  computeCv,
  computeMad,
  computeGmi,
  computeEa1c,
  type GlucoseQuantiles,
} from "./basic-statistics";
export {
  computePercentAbove,
  computePercentBelow,
  computePercentInRange,
  computePercentInRanges,
  type RangeSpec,
  type RangePercent,
} from "./time-in-ranges";
export {
  computeLbgi,
  computeHbgi,
  computeAdrr,
  computeBgRiskIndices,
  computeJIndex,
  computeMValue,
  computeHyperIndex,
  computeHypoIndex,
  computeIgc,
} from "./risk-indices";
export { computeGrade, computeGradeShares, gradeOfReading, type GradeShares } from "./grade";
export { computeGri, computeCogi, type GriComponents, type CogiOptions } from "./composite-indices";
export { computeConga, computeModd, computeMag } from "./grid-variability";
export { computeMage, computeMageSegments, type MageOptions, type MageSegment } from "./mage";
export { computeEpisodes, labelEvents, type EpisodeSummary, type EpisodeOptions } from "./episodes";
export { computeActivePercent, type ActivePercent } from "./active-percent";
export { evaluateConsensusTargets, type ConsensusTarget } from "./consensus-targets";
export { computeGlucoseMetrics, type GlucoseMetrics, type GlucoseMetricsOptions } from "./compute-glucose-metrics";
export { computeAgp, smoothCircular, AGP_BINS, AGP_BIN_MINUTES, type Agp, type AgpCurves, type AgpOptions } from "./agp";
export { computeDailyProfiles, type DailyProfile } from "./daily-profiles";
export { assignLocalDays, listLocalDays, localDayOf, startOfLocalDay, type LocalDay } from "./local-days";
