import { assertValidSeries } from "./series";
import type { GlucoseSeries } from "./types";

/**
 * GRADE of one reading (Hill et al. 2007) as iglu: 425 · (log10(log10(gl / 18)) + 0.16)², with
 * gl / 18 converting mg/dL to mmol/L, capped at 50. At or below 18 mg/dL the formula has no value
 * (log10 of a non-positive number); its limit from above is +∞, so such a reading scores the cap, 50.
 */
export function gradeOfReading(gl: number): number {
  const mmol = gl / 18;
  if (mmol <= 1) return 50;
  const g = Math.log10(Math.log10(mmol)) + 0.16;
  return Math.min(425 * g * g, 50);
}

/** iglu grade: mean GRADE score of all readings. */
export function computeGrade(series: GlucoseSeries): number {
  assertValidSeries(series, 1);
  const v = series.values;
  let sum = 0;
  for (let i = 0; i < v.length; i++) sum += gradeOfReading(v[i]);
  return sum / v.length;
}

export type GradeShares = {
  /** iglu grade_eugly: % of the GRADE total from readings with lower ≤ gl ≤ upper (70–140). */
  euglycemia: number;
  /** iglu grade_hyper: % from readings gl > upper (140). */
  hyperglycemia: number;
  /** iglu grade_hypo: % from readings gl < hypoLower (80). */
  hypoglycemia: number;
};

export type GradeShareOptions = { eugLower?: number; eugUpper?: number; hyperAbove?: number; hypoBelow?: number };

/**
 * The GRADE shares with iglu's defaults. iglu uses 70–140 for euglycemia but < 80 for hypoglycemia,
 * so readings in 70–80 count twice and the three shares can add up to slightly more than 100 %.
 * When every reading scores 0 (all exactly at the GRADE minimum, ≈ 6.6 mmol/L… never in practice)
 * the shares would be 0/0: they are then reported as 0.
 */
export function computeGradeShares(series: GlucoseSeries, options: GradeShareOptions = {}): GradeShares {
  assertValidSeries(series, 1);
  const { eugLower = 70, eugUpper = 140, hyperAbove = 140, hypoBelow = 80 } = options;
  let total = 0;
  let eug = 0;
  let hyper = 0;
  let hypo = 0;
  const values = series.values;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const g = gradeOfReading(v);
    total += g;
    if (v >= eugLower && v <= eugUpper) eug += g;
    if (v > hyperAbove) hyper += g;
    if (v < hypoBelow) hypo += g;
  }
  if (total === 0) return { euglycemia: 0, hyperglycemia: 0, hypoglycemia: 0 };
  return { euglycemia: (100 * eug) / total, hyperglycemia: (100 * hyper) / total, hypoglycemia: (100 * hypo) / total };
}
