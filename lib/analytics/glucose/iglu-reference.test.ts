import { describe, expect, it } from "vitest";
import { computeCogi } from "./composite-indices";
import { computeGlucoseMetrics, type GlucoseMetrics } from "./compute-glucose-metrics";
import {
  IGLU_REFERENCE,
  IGLU_REFERENCE_EPISODES,
  IGLU_REFERENCE_MAGE_3_35,
  IGLU_REFERENCE_SUBJECTS,
} from "./fixtures/iglu-r-reference";
import { IGLU_FIVE_SUBJECT_CSV, loadSubjects } from "./fixtures/shared-data";
import { computeConga } from "./grid-variability";
import { computeMage } from "./mage";
import { computePercentAbove, computePercentBelow } from "./time-in-ranges";
import type { GlucoseSeries } from "./types";

/** The brief's contract: every metric within 0.5 % of iglu (absolute 1e-9 where iglu says 0). */
const RELATIVE_TOLERANCE = 0.005;

const subjects = loadSubjects(IGLU_FIVE_SUBJECT_CSV);
const seriesList: GlucoseSeries[] = IGLU_REFERENCE_SUBJECTS.map((id) => subjects.get(id) as GlucoseSeries);
const metricsList: GlucoseMetrics[] = seriesList.map((s) => computeGlucoseMetrics(s));

/** How each iglu reference row is read off our results (top-level object or the single functions). */
const OURS: Record<string, (m: GlucoseMetrics, s: GlucoseSeries) => number | null> = {
  mean_glu: (m) => m.mean,
  median_glu: (m) => m.median,
  "quantile_glu 0": (m) => m.quantiles.p0,
  "quantile_glu 25": (m) => m.quantiles.p25,
  "quantile_glu 50": (m) => m.quantiles.p50,
  "quantile_glu 75": (m) => m.quantiles.p75,
  "quantile_glu 100": (m) => m.quantiles.p100,
  range_glu: (m) => m.range,
  iqr_glu: (m) => m.iqr,
  sd_glu: (m) => m.sd,
  cv_glu: (m) => m.cv,
  mad_glu: (m) => m.mad,
  gmi: (m) => m.gmi,
  ea1c: (m) => m.ea1c,
  "in_range_percent 70-180": (m) => m.timeInRanges.inRange70to180,
  "in_range_percent 63-140": (m) => m.timeInRanges.inRange63to140,
  "above_percent 140": (m) => m.timeInRanges.above140,
  "above_percent 180": (m) => m.timeInRanges.above180,
  "above_percent 250": (m) => m.timeInRanges.above250,
  "above_percent 100": (_m, s) => computePercentAbove(s, 100),
  "above_percent 50": (_m, s) => computePercentAbove(s, 50),
  "below_percent 54": (m) => m.timeInRanges.below54,
  "below_percent 70": (m) => m.timeInRanges.below70,
  "below_percent 100": (_m, s) => computePercentBelow(s, 100),
  "below_percent 30": (_m, s) => computePercentBelow(s, 30),
  j_index: (m) => m.jIndex,
  lbgi: (m) => m.lbgi,
  hbgi: (m) => m.hbgi,
  adrr: (m) => m.adrr,
  grade: (m) => m.grade,
  grade_eugly: (m) => m.gradeEuglycemia,
  grade_hyper: (m) => m.gradeHyperglycemia,
  grade_hypo: (m) => m.gradeHypoglycemia,
  gri: (m) => m.gri,
  cogi: (m) => m.cogi,
  "cogi targets 80-180": (_m, s) => computeCogi(s, { targets: [80, 180] }),
  m_value: (m) => m.mValue,
  hyper_index: (m) => m.hyperIndex,
  hypo_index: (m) => m.hypoIndex,
  igc: (m) => m.igc,
  mag: (m) => m.mag,
  mage: (m) => m.mage,
  conga: (m) => m.conga,
  "conga n 96": (_m, s) => computeConga(s, { hours: 96 }).value,
  modd: (m) => m.modd,
  active_percent: (m) => m.activePercent,
  "active_percent ndays": (m) => m.daysCovered,
};

function relativeError(ours: number, reference: number): number {
  if (reference === 0) return Math.abs(ours);
  return Math.abs(ours - reference) / Math.abs(reference);
}

const cases = Object.entries(IGLU_REFERENCE).flatMap(([metric, values]) =>
  values.map((reference, subject) => ({ metric, subject, id: IGLU_REFERENCE_SUBJECTS[subject], reference })),
);

describe("every metric × every subject matches R iglu 4.3.0 within 0.5 %", () => {
  it("covers all 47 reference rows for all 5 subjects", () => {
    expect(Object.keys(OURS).sort()).toEqual(Object.keys(IGLU_REFERENCE).sort());
    expect(cases).toHaveLength(47 * 5);
  });

  it.each(cases)("$metric for $id = $reference", ({ metric, subject, reference }) => {
    const ours = OURS[metric](metricsList[subject], seriesList[subject]);
    expect(ours).not.toBeNull();
    const error = relativeError(ours as number, reference);
    expect(error).toBeLessThanOrEqual(reference === 0 ? 1e-9 : RELATIVE_TOLERANCE);
  });

  it("agrees with R far beyond the tolerance: worst relative deviation < 1e-9", () => {
    let worst = 0;
    for (const { metric, subject, reference } of cases) {
      const ours = OURS[metric](metricsList[subject], seriesList[subject]) as number;
      worst = Math.max(worst, relativeError(ours, reference));
    }
    expect(worst).toBeLessThan(1e-9);
  });

  it("matches the brief's quoted Subject 1 values", () => {
    const m = metricsList[0];
    expect(m.mean).toBeCloseTo(123.6655, 4);
    expect(m.sd).toBeCloseTo(33.2681, 4);
    expect(m.cv).toBeCloseTo(26.9017, 4);
    expect(m.gmi).toBeCloseTo(6.2681, 4);
    expect(m.timeInRanges.inRange70to180).toBeCloseTo(91.6638, 4);
    expect(m.mage).toBeCloseTo(72.4243, 4);
    expect(m.conga).toBeCloseTo(37.0335, 4);
    expect(m.modd).toBeCloseTo(27.8087, 4);
    expect(m.lbgi).toBeCloseTo(0.432, 4);
    expect(m.hbgi).toBeCloseTo(1.8073, 4);
  });
});

describe("episode_calculation matches R iglu for every subject and every level", () => {
  const rows = IGLU_REFERENCE_EPISODES.flatMap((subjectRows, subject) =>
    subjectRows.map(([type, level, total, perDay, duration, gl], row) => ({
      id: IGLU_REFERENCE_SUBJECTS[subject],
      subject,
      row,
      type,
      level,
      total,
      perDay,
      duration,
      gl,
    })),
  );

  it.each(rows)("$id $type $level: $total episodes", ({ subject, row, type, level, total, perDay, duration, gl }) => {
    const ours = (metricsList[subject].episodes ?? [])[row];
    expect(ours.type).toBe(type);
    expect(ours.level).toBe(level);
    expect(ours.totalEpisodes).toBe(total);
    expect(relativeError(ours.avgEpisodesPerDay, perDay)).toBeLessThanOrEqual(perDay === 0 ? 1e-12 : 1e-9);
    expect(relativeError(ours.avgDurationMin, duration)).toBeLessThanOrEqual(duration === 0 ? 1e-12 : 1e-9);
    if (gl === null) expect(ours.avgGlucose).toBeNull();
    else expect(relativeError(ours.avgGlucose as number, gl)).toBeLessThan(1e-9);
  });
});

describe("MAGE honours the moving-average windows (iglu short_ma = 3, long_ma = 35)", () => {
  it.each(IGLU_REFERENCE_MAGE_3_35.map((reference, subject) => ({ subject, id: IGLU_REFERENCE_SUBJECTS[subject], reference })))(
    "$id = $reference",
    ({ subject, reference }) => {
      const ours = computeMage(seriesList[subject], { shortMa: 3, longMa: 35 }).value as number;
      expect(relativeError(ours, reference)).toBeLessThan(1e-9);
    },
  );
});

describe("consensus targets on the reference data", () => {
  it("Subject 1 meets TIR, TBR, TAR and CV targets but wore the CGM 79.8 % of the time", () => {
    const byId = Object.fromEntries(metricsList[0].consensus.map((t) => [t.id, t]));
    expect(byId.tir_70_180.met).toBe(true);
    expect(byId.tbr_70.met).toBe(true);
    expect(byId.tbr_54.met).toBe(true);
    expect(byId.tar_180.met).toBe(true);
    expect(byId.tar_250.met).toBe(true);
    expect(byId.cv.met).toBe(true);
    expect(byId.active.value).toBeCloseTo(79.8411, 4);
    expect(byId.active.met).toBe(true);
  });

  it("Subject 2 misses TIR (26.4 %), TAR > 180 (73.6 %), TAR > 250 (26.1 %) and wear (58.9 %)", () => {
    const byId = Object.fromEntries(metricsList[1].consensus.map((t) => [t.id, t]));
    expect(byId.tir_70_180.met).toBe(false);
    expect(byId.tar_180.met).toBe(false);
    expect(byId.tar_250.met).toBe(false);
    expect(byId.active.met).toBe(false);
    expect(byId.tbr_70.met).toBe(true);
    expect(byId.cv.met).toBe(true);
  });

  it("no metric is unavailable on two weeks of real data", () => {
    for (const m of metricsList) expect(m.unavailable).toEqual([]);
  });
});
