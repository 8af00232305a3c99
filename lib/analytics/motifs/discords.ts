import type { MatrixProfile } from "./finish-profile";

export interface Discord {
  /** Start index of the subsequence least like any other. */
  readonly start: number;
  /** Its profile value: the distance to its nearest neighbour. */
  readonly distance: number;
  /** That nearest neighbour's start index. */
  readonly neighbour: number;
}

export interface DiscordOptions {
  /** How many discords at most. Default 3. */
  maxDiscords?: number;
  /** Two discords satisfy |i − j| > zone. Default m − 1, so discords never overlap. */
  exclusionZone?: number;
}

/**
 * Top discords: the largest finite profile values, greedy, each excluding the windows around it
 * (Yeh et al., "Matrix Profile I", 2016: the discord is the subsequence with the largest
 * nearest-neighbour distance). Windows with profile Infinity (NaN inside, or no admissible neighbour)
 * are not discords: they are missing data, not anomalies. Ties go to the earlier window.
 */
export function findDiscords(matrixProfile: MatrixProfile, options: DiscordOptions = {}): Discord[] {
  const { profile, index, m } = matrixProfile;
  const maxDiscords = options.maxDiscords ?? 3;
  const zone = options.exclusionZone ?? m - 1;
  const order: number[] = [];
  for (let i = 0; i < profile.length; i++) if (Number.isFinite(profile[i])) order.push(i);
  order.sort((a, b) => profile[b] - profile[a] || a - b);

  const excluded = new Uint8Array(profile.length);
  const discords: Discord[] = [];
  for (const start of order) {
    if (discords.length >= maxDiscords) break;
    if (excluded[start]) continue;
    discords.push({ start, distance: profile[start], neighbour: index[start] });
    excluded.fill(1, Math.max(0, start - zone), Math.min(profile.length, start + zone + 1));
  }
  return discords;
}
