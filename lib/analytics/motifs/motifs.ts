import { AppError } from "../../errors";
import { computeDistanceProfile } from "./distance-profile";
import type { MatrixProfile } from "./finish-profile";
import { prepareSeries, type PreparedSeries } from "./prepare-series";

export interface MotifMatch {
  /** Start index of the matching subsequence. */
  readonly start: number;
  /** Its z-normalized distance to the motif's representative. */
  readonly distance: number;
}

export interface Motif {
  /** Start of the representative: the subsequence with the smallest profile value left. */
  readonly start: number;
  /** Its nearest neighbour in the matrix profile: with `start`, the motif pair. */
  readonly neighbour: number;
  /** The profile value of the representative, i.e. the distance of the pair. */
  readonly distance: number;
  /** The radius the matches were collected within. */
  readonly radius: number;
  /** Matches by increasing distance; the first is the representative itself at 0, as in STUMPY. */
  readonly matches: readonly MotifMatch[];
}

export interface MotifOptions {
  /** How many motifs at most (STUMPY max_motifs). Default 3. */
  maxMotifs?: number;
  /** A candidate becomes a motif with at least this many matches besides itself (STUMPY min_neighbors). Default 1. */
  minNeighbours?: number;
  /**
   * Radius for matches, a number or a function of the candidate's distance profile. Default:
   * max(mean(D) − 2·std(D), min(D)) over the non-trivial, non-overlapping windows (STUMPY's default
   * with the self-match left out of min(D), so the motif pair itself always qualifies).
   */
  maxDistance?: number | ((distances: Float64Array) => number);
  /** Largest profile value a representative may have. Default STUMPY's max(mean(P) − 2·std(P), min(P)) over finite P. */
  cutoff?: number;
  /** Most matches reported per motif, the representative included (STUMPY max_matches). Default 10. */
  maxMatches?: number;
  /** Minimum gap between two matches of one motif: |i − j| > zone. Default the profile's ceil(m/4). */
  exclusionZone?: number;
  /** Tolerance added to the radius (STUMPY atol). Default 1e−8. */
  atol?: number;
  /** Candidates examined at most, so a strict radius cannot make the search run through the whole series. Default 100. */
  maxCandidates?: number;
}

/**
 * Top motifs of a series from its matrix profile, following STUMPY `motifs()`: take the subsequence
 * with the smallest profile value, collect every subsequence within the radius of it (greedy by
 * distance, an exclusion zone between matches), keep it if it has enough matches, then exclude its
 * matches from later candidates; repeat.
 *
 * One deliberate difference: members of different motifs never overlap (a window overlapping a
 * member of an earlier motif is neither a candidate nor a match), so "motif 2" is not a shifted copy
 * of motif 1. STUMPY only excludes m/4 around earlier matches.
 *
 * Returns [] when no finite profile value is at or under the cutoff (for example a series with no
 * valid window).
 */
export function findMotifs(values: ArrayLike<number>, matrixProfile: MatrixProfile, options: MotifOptions = {}): Motif[] {
  const prepared = prepareForProfile(values, matrixProfile);
  const { l, m } = prepared;
  const profile = matrixProfile.profile;
  const maxMotifs = options.maxMotifs ?? 3;
  const minNeighbours = options.minNeighbours ?? 1;
  const maxMatches = options.maxMatches ?? 10;
  const zone = options.exclusionZone ?? matrixProfile.exclusionZone;
  const atol = options.atol ?? 1e-8;
  const maxCandidates = options.maxCandidates ?? 100;
  const cutoff = options.cutoff ?? computeDefaultCutoff(profile);

  const candidates = sortFiniteAscending(profile);
  const excluded = new Uint8Array(l); // no longer a candidate
  const occupied = new Uint8Array(l); // overlaps a member of an accepted motif
  const motifs: Motif[] = [];
  let examined = 0;

  for (const start of candidates) {
    if (motifs.length >= maxMotifs || examined >= maxCandidates) break;
    if (excluded[start]) continue;
    const value = profile[start];
    if (value > cutoff) break;
    if (typeof options.maxDistance === "number" && value > options.maxDistance) break;
    examined++;

    const distances = computeDistanceProfile(prepared, start);
    for (let j = 0; j < l; j++) if (occupied[j] && j !== start) distances[j] = Infinity;
    const radius =
      typeof options.maxDistance === "number"
        ? options.maxDistance
        : typeof options.maxDistance === "function"
          ? options.maxDistance(distances)
          : computeDefaultRadius(distances, start, zone);
    const matches = collectMatches(distances, start, zone, radius + atol, maxMatches);

    if (matches.length > minNeighbours) {
      motifs.push({ start, neighbour: matrixProfile.index[start], distance: value, radius, matches });
      for (const match of matches) {
        markAround(excluded, match.start, m - 1);
        markAround(occupied, match.start, m - 1);
      }
    } else {
      for (const match of matches) markAround(excluded, match.start, zone);
    }
  }
  return motifs;
}

/** STUMPY `motifs()` default cutoff: max(mean(P) − 2·std(P), min(P)) over the finite profile values. */
export function computeDefaultCutoff(profile: Float64Array): number {
  return computeSpreadFloor(profile, () => true);
}

function computeDefaultRadius(distances: Float64Array, query: number, zone: number): number {
  const floor = computeSpreadFloor(distances, (j) => Math.abs(j - query) > zone);
  return Number.isFinite(floor) ? floor : 0;
}

/** max(mean − 2·std, min) over the finite values whose index passes `keep` (population std, as np.nanstd). */
function computeSpreadFloor(values: Float64Array, keep: (index: number) => boolean): number {
  let count = 0;
  let sum = 0;
  let min = Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v) || !keep(i)) continue;
    count++;
    sum += v;
    if (v < min) min = v;
  }
  if (count === 0) return -Infinity;
  const mean = sum / count;
  let ss = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isFinite(v) && keep(i)) ss += (v - mean) ** 2;
  }
  return Math.max(mean - 2 * Math.sqrt(ss / count), min);
}

/**
 * STUMPY `_find_matches`: the query first (distance 0), then repeatedly the closest remaining window
 * within `limit`, each time excluding |j − match| ≤ zone. Sorting once is the same as repeated
 * argmin (ties go to the smaller index, as np.argmin).
 */
function collectMatches(distances: Float64Array, query: number, zone: number, limit: number, maxMatches: number): MotifMatch[] {
  const matches: MotifMatch[] = [{ start: query, distance: 0 }];
  const taken = new Uint8Array(distances.length);
  markAround(taken, query, zone);
  const order: number[] = [];
  for (let j = 0; j < distances.length; j++) if (distances[j] <= limit && !taken[j]) order.push(j);
  order.sort((a, b) => distances[a] - distances[b] || a - b);
  for (const j of order) {
    if (matches.length >= maxMatches) break;
    if (taken[j]) continue;
    matches.push({ start: j, distance: distances[j] });
    markAround(taken, j, zone);
  }
  return matches;
}

function markAround(mask: Uint8Array, at: number, zone: number): void {
  mask.fill(1, Math.max(0, at - zone), Math.min(mask.length, at + zone + 1));
}

function sortFiniteAscending(profile: Float64Array): number[] {
  const order: number[] = [];
  for (let i = 0; i < profile.length; i++) if (Number.isFinite(profile[i])) order.push(i);
  return order.sort((a, b) => profile[a] - profile[b] || a - b);
}

function prepareForProfile(values: ArrayLike<number>, matrixProfile: MatrixProfile): PreparedSeries {
  const prepared = prepareSeries(values, matrixProfile.m);
  if (matrixProfile.profile.length !== prepared.l) {
    throw new AppError(
      "bad_request:analytics",
      `The matrix profile has ${matrixProfile.profile.length} values but a series of ${values.length} readings has ${prepared.l} windows of ${matrixProfile.m}.`,
    );
  }
  return prepared;
}
