import { AppError } from "@/lib/errors";
import { buildDayGrid, type DayGrid } from "./day-grid";
import { roundHalfEven } from "./numeric";
import { metricUnavailable, metricValue, type DayGridOptions, type GlucoseSeries, type MetricOutcome } from "./types";

/**
 * Variability metrics defined on iglu's interpolated day-by-day grid (CGMS2DayByDay). Each accepts
 * either a series (the grid is built with `options`) or a grid already built, so the top-level
 * function interpolates once and shares it.
 */
type GridInput = GlucoseSeries | DayGrid;

function toGrid(input: GridInput, options: DayGridOptions): DayGrid {
  return "pointsPerDay" in input ? input : buildDayGrid(input, options);
}

/**
 * iglu conga(n = 24): SD of the differences between grid values exactly n hours apart, taken along
 * the flattened grid (lag = round(60 / dt0) · n points), skipping pairs with a missing end.
 * Null when fewer than two such pairs exist (for CONGA24: data must span more than a day).
 */
export function computeConga(input: GridInput, options: DayGridOptions & { hours?: number } = {}): MetricOutcome {
  const hours = options.hours ?? 24;
  if (!(hours > 0) || !Number.isInteger(hours)) {
    throw new AppError("bad_request:analytics", "CONGA needs a whole, positive number of hours.");
  }
  const grid = toGrid(input, options);
  const lag = roundHalfEven(60 / grid.dt0Min) * hours;
  const v = grid.values;
  let n = 0;
  let mean = 0;
  let m2 = 0;
  // Welford's update: one pass, no temporary array of differences.
  for (let i = 0; i + lag < v.length; i++) {
    const d = v[i + lag] - v[i];
    if (d !== d) continue;
    n++;
    const delta = d - mean;
    mean += delta / n;
    m2 += delta * (d - mean);
  }
  if (n < 2) {
    return metricUnavailable(`CONGA${hours} needs at least two pairs of readings exactly ${hours} hours apart; there ${n === 1 ? "is 1" : `are ${n}`}.`);
  }
  return metricValue(Math.sqrt(m2 / (n - 1)));
}

/**
 * iglu modd(lag = 1): mean absolute difference between grid values at the same time of day on
 * days `lag` apart (R: mean(abs(diff(gd2d, lag)), na.rm = TRUE)). Null unless two days overlap.
 */
export function computeModd(input: GridInput, options: DayGridOptions & { lagDays?: number } = {}): MetricOutcome {
  const lagDays = options.lagDays ?? 1;
  if (!(lagDays >= 1) || !Number.isInteger(lagDays)) {
    throw new AppError("bad_request:analytics", "MODD needs a whole, positive number of days as lag.");
  }
  const grid = toGrid(input, options);
  const lag = grid.pointsPerDay * lagDays;
  const v = grid.values;
  let n = 0;
  let sum = 0;
  for (let i = 0; i + lag < v.length; i++) {
    const d = v[i + lag] - v[i];
    if (d !== d) continue;
    sum += Math.abs(d);
    n++;
  }
  if (n === 0) {
    return metricUnavailable("MODD needs readings at the same time of day on at least two days; there are none.");
  }
  return metricValue(sum / n);
}

/**
 * MAG, mean absolute glucose change per hour (Hermanides et al. 2010), as iglu 4.3.0 computes it
 * (PR irinagain/iglu#187, "Updated MAG computation in the presence of large missing data"): the sum
 * of |change| between successive grid points (differences at the meter frequency dt0) divided by
 * the hours those differences span, (number of non-missing differences · dt0 / 60). Differences
 * that touch a gap are left out of both sums. Older iglu (≤ 4.2) sampled every 60 min instead.
 */
export function computeMag(input: GridInput, options: DayGridOptions = {}): MetricOutcome {
  const grid = toGrid(input, options);
  const v = grid.values;
  let sumAbs = 0;
  let count = 0;
  for (let i = 1; i < v.length; i++) {
    const d = v[i] - v[i - 1];
    if (d !== d) continue;
    sumAbs += Math.abs(d);
    count++;
  }
  if (count === 0) return metricUnavailable("MAG needs two successive interpolated readings at least; there are none.");
  return metricValue(sumAbs / ((count * grid.dt0Min) / 60));
}
