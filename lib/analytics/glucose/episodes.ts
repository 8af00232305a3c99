import { buildDayGrid, type DayGrid } from "./day-grid";
import type { DayGridOptions, GlucoseSeries } from "./types";

/**
 * Hypo- and hyperglycemic episodes as iglu episode_calculation (R/episode_calculation.R, iglu ≥ 3),
 * following Battelino et al. 2023 (Lancet Diabetes Endocrinol 11:42-57):
 *
 * - the trace is the CGMS2DayByDay grid; runs of non-missing grid points are separate segments;
 * - an episode starts with at least dur_length minutes (⌈15 / dt0⌉ points) below (hypo: gl < threshold)
 *   or above (hyper: gl > threshold) the threshold, and ends only after at least end_length minutes
 *   (⌈15 / dt0⌉ points) back on the other side; shorter returns stay inside the episode;
 * - lv1 hypo < 70, lv2 hypo < 54, lv1 hyper > 180, lv2 hyper > 250 mg/dL; lv2 episodes are a subset
 *   of lv1; "lv1_excl" are lv1 episodes that never reach lv2; "extended" hypo is < 70 for more than
 *   120 minutes (120 / dt0 + 1 points);
 * - per kind: number of episodes, episodes per day (over the time covered by non-missing grid
 *   points), mean duration (points · dt0 minutes) and mean of the episodes' mean glucose.
 */
export type EpisodeKind = "hypo" | "hyper";
export type EpisodeLevel = "lv1" | "lv2" | "extended" | "lv1_excl";

export type EpisodeSummary = {
  type: EpisodeKind;
  level: EpisodeLevel;
  totalEpisodes: number;
  avgEpisodesPerDay: number;
  /** Minutes; 0 when there is no episode (as iglu). */
  avgDurationMin: number;
  /** mg/dL; null when there is no episode (iglu: NA). */
  avgGlucose: number | null;
};

export type EpisodeOptions = DayGridOptions & {
  lv1Hypo?: number;
  lv2Hypo?: number;
  lv1Hyper?: number;
  lv2Hyper?: number;
  durationMin?: number;
  endDurationMin?: number;
};

/**
 * iglu event_class: labels each point of one segment with its episode number (0 = none).
 * Runs where the level test holds for ≥ eventPoints start an episode; runs where it fails for
 * ≥ endPoints end one (the episode stops just before such a run). Several starts before the same end
 * are one episode, from the first start.
 */
export function labelEvents(gl: Float64Array, isHypo: boolean, threshold: number, eventPoints: number, endPoints: number): Int32Array {
  const n = gl.length;
  const labels = new Int32Array(n);
  const starts: number[] = [];
  const ends: number[] = [];
  let runStart = 0;
  for (let i = 1; i <= n; i++) {
    const inLevelPrev = isHypo ? gl[i - 1] < threshold : gl[i - 1] > threshold;
    const inLevelHere = i < n ? (isHypo ? gl[i] < threshold : gl[i] > threshold) : !inLevelPrev;
    if (i === n || inLevelHere !== inLevelPrev) {
      const length = i - runStart;
      if (inLevelPrev && length >= eventPoints) starts.push(runStart);
      if (!inLevelPrev && length >= endPoints) ends.push(runStart);
      runStart = i;
    }
  }
  ends.push(n);
  let label = 0;
  let e = 0;
  let lastEnd = -1;
  for (const s of starts) {
    while (ends[e] <= s) e++;
    const endRef = ends[e] - 1;
    if (endRef === lastEnd) continue;
    lastEnd = endRef;
    label++;
    for (let k = s; k <= endRef; k++) labels[k] = label;
  }
  return labels;
}

/** iglu's lv1_excl: an lv1 episode keeps its label only if no point of it is in an lv2 episode. */
function excludeLevel2(lv1: Int32Array, lv2: Int32Array): Int32Array {
  const out = Int32Array.from(lv1);
  const touched = new Set<number>();
  for (let i = 0; i < lv1.length; i++) if (lv1[i] > 0 && lv2[i] > 0) touched.add(lv1[i]);
  for (let i = 0; i < out.length; i++) if (touched.has(out[i])) out[i] = 0;
  return out;
}

type Accumulator = { episodes: number; points: number; sumOfMeans: number };

function summarise(acc: Accumulator, type: EpisodeKind, level: EpisodeLevel, totalPoints: number, dt0: number): EpisodeSummary {
  const days = (totalPoints * dt0) / 60 / 24;
  if (acc.episodes === 0) {
    return { type, level, totalEpisodes: 0, avgEpisodesPerDay: 0, avgDurationMin: 0, avgGlucose: null };
  }
  return {
    type,
    level,
    totalEpisodes: acc.episodes,
    avgEpisodesPerDay: acc.episodes / days,
    avgDurationMin: (acc.points / acc.episodes) * dt0,
    avgGlucose: acc.sumOfMeans / acc.episodes,
  };
}

function accumulate(acc: Accumulator, labels: Int32Array, gl: Float64Array): void {
  let i = 0;
  while (i < labels.length) {
    if (labels[i] === 0) {
      i++;
      continue;
    }
    const label = labels[i];
    let sum = 0;
    let count = 0;
    while (i < labels.length && labels[i] === label) {
      sum += gl[i];
      count++;
      i++;
    }
    acc.episodes++;
    acc.points += count;
    acc.sumOfMeans += sum / count;
  }
}

/** Splits the grid into runs of non-missing values (iglu's "segments"). */
function nonMissingRuns(grid: DayGrid): Float64Array[] {
  const runs: Float64Array[] = [];
  const v = grid.values;
  let i = 0;
  while (i < v.length) {
    if (v[i] !== v[i]) {
      i++;
      continue;
    }
    const from = i;
    while (i < v.length && v[i] === v[i]) i++;
    runs.push(v.subarray(from, i));
  }
  return runs;
}

/** The seven rows of iglu episode_calculation for one person, in iglu's order. */
export function computeEpisodes(input: GlucoseSeries | DayGrid, options: EpisodeOptions = {}): EpisodeSummary[] {
  const grid = "pointsPerDay" in input ? input : buildDayGrid(input, options);
  const { lv1Hypo = 70, lv2Hypo = 54, lv1Hyper = 180, lv2Hyper = 250, durationMin = 15 } = options;
  const endDurationMin = options.endDurationMin ?? durationMin;
  const dt0 = grid.dt0Min;
  const durPoints = Math.ceil(durationMin / dt0);
  const endPoints = Math.ceil(endDurationMin / dt0);
  const extendedPoints = 120 / dt0 + 1;

  const keys = ["lv1Hypo", "lv2Hypo", "extHypo", "lv1Hyper", "lv2Hyper", "lv1HypoExcl", "lv1HyperExcl"] as const;
  const acc = Object.fromEntries(keys.map((k) => [k, { episodes: 0, points: 0, sumOfMeans: 0 }])) as Record<
    (typeof keys)[number],
    Accumulator
  >;
  let totalPoints = 0;
  for (const gl of nonMissingRuns(grid)) {
    totalPoints += gl.length;
    const lv1Ho = labelEvents(gl, true, lv1Hypo, durPoints, endPoints);
    const lv2Ho = labelEvents(gl, true, lv2Hypo, durPoints, endPoints);
    const extHo = labelEvents(gl, true, lv1Hypo, extendedPoints, endPoints);
    const lv1Hr = labelEvents(gl, false, lv1Hyper, durPoints, endPoints);
    const lv2Hr = labelEvents(gl, false, lv2Hyper, durPoints, endPoints);
    accumulate(acc.lv1Hypo, lv1Ho, gl);
    accumulate(acc.lv2Hypo, lv2Ho, gl);
    accumulate(acc.extHypo, extHo, gl);
    accumulate(acc.lv1Hyper, lv1Hr, gl);
    accumulate(acc.lv2Hyper, lv2Hr, gl);
    accumulate(acc.lv1HypoExcl, excludeLevel2(lv1Ho, lv2Ho), gl);
    accumulate(acc.lv1HyperExcl, excludeLevel2(lv1Hr, lv2Hr), gl);
  }
  return [
    summarise(acc.lv1Hypo, "hypo", "lv1", totalPoints, dt0),
    summarise(acc.lv2Hypo, "hypo", "lv2", totalPoints, dt0),
    summarise(acc.extHypo, "hypo", "extended", totalPoints, dt0),
    summarise(acc.lv1Hyper, "hyper", "lv1", totalPoints, dt0),
    summarise(acc.lv2Hyper, "hyper", "lv2", totalPoints, dt0),
    summarise(acc.lv1HypoExcl, "hypo", "lv1_excl", totalPoints, dt0),
    summarise(acc.lv1HyperExcl, "hyper", "lv1_excl", totalPoints, dt0),
  ];
}
