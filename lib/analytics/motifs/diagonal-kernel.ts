/**
 * The O(n²) heart of the matrix profile: the upper triangle of the distance matrix, walked in bands
 * of adjacent diagonals (SCRIMP/STOMP diagonal traversal, Zhu et al. 2018 §4.5; SCAMP's co-moment
 * recurrence, Zimmerman et al. 2019). Inside a band the rows go top to bottom and, for each row, the
 * band's diagonals left to right, so the slices of df, dg, invNorm and the profile being read stay
 * in cache (a band of 256 diagonals touches ~10 KB per array) instead of streaming n elements per
 * diagonal.
 *
 * The kernel keeps Pearson correlations, not distances: "larger is better", one multiply per cell,
 * and the square root runs once per subsequence at the end. It must stay self-contained (typed
 * arrays in, typed arrays out, no allocation) because worker threads run it on shared memory.
 */

/** The arrays the kernel reads; a PreparedSeries or the same arrays rebuilt on SharedArrayBuffers. */
export interface KernelInput {
  readonly m: number;
  readonly l: number;
  readonly values: Float64Array;
  readonly mean: Float64Array;
  readonly invNorm: Float64Array;
  readonly df: Float64Array;
  readonly dg: Float64Array;
}

/** Diagonals k in [start, end) (cell (i, i + k)); `cells` is how many cells they hold. */
export interface DiagonalBand {
  readonly start: number;
  readonly end: number;
  readonly cells: number;
}

/** Measured on the 2-core bench box: 128–512 are within 5 % of each other; 256 is the middle. */
export const DEFAULT_BAND_WIDTH = 256;

/** Splits the non-trivial diagonals exclusionZone+1 … l−1 into bands of `bandWidth` diagonals. */
export function planDiagonalBands(l: number, exclusionZone: number, bandWidth = DEFAULT_BAND_WIDTH): DiagonalBand[] {
  const bands: DiagonalBand[] = [];
  for (let start = exclusionZone + 1; start < l; start += bandWidth) {
    const end = Math.min(l, start + bandWidth);
    // Σ_{k=start}^{end−1} (l − k)
    const count = end - start;
    const cells = count * l - (count * (start + end - 1)) / 2;
    bands.push({ start, end, cells });
  }
  return bands;
}

/**
 * Scans one band and folds every cell into `rho`/`index` (best correlation per subsequence and the
 * neighbour that gave it). Ties keep the first cell visited (strict `>`), so the result depends only
 * on the order of bands, never on how bands are shared among threads.
 * Windows whose invNorm is NaN (constant or non-finite) produce NaN, which never compares greater.
 * `scratch` must hold at least band.end − band.start numbers.
 */
export function scanDiagonalBand(
  input: KernelInput,
  bandStart: number,
  bandEnd: number,
  rho: Float64Array,
  index: Int32Array,
  scratch: Float64Array,
): void {
  const l = input.l;
  const m = input.m;
  const values = input.values;
  const mean = input.mean;
  const invNorm = input.invNorm;
  const df = input.df;
  const dg = input.dg;
  const width = bandEnd - bandStart;
  const cov = scratch;

  // Row 0 of every diagonal by a direct centred product; the recurrence carries it down.
  const mu0 = mean[0];
  for (let c = 0; c < width; c++) {
    const k = bandStart + c;
    const muk = mean[k];
    let sum = 0;
    for (let t = 0; t < m; t++) sum += (values[t] - mu0) * (values[k + t] - muk);
    cov[c] = sum;
  }

  const lastRow = l - 1 - bandStart;
  for (let i = 0; i <= lastRow; i++) {
    // df[0] = dg[0] = 0, so row 0 adds exactly 0 to the direct co-moments.
    const dfi = df[i];
    const dgi = dg[i];
    const invi = invNorm[i];
    const jStart = i + bandStart;
    const count = Math.min(width, l - jStart);
    let best = -Infinity;
    let bestJ = -1;
    for (let c = 0; c < count; c++) {
      const j = jStart + c;
      const cv = cov[c] + dfi * dg[j] + df[j] * dgi;
      cov[c] = cv;
      const r = cv * invi * invNorm[j];
      if (r > best) {
        best = r;
        bestJ = j;
      }
      if (r > rho[j]) {
        rho[j] = r;
        index[j] = i;
      }
    }
    if (best > rho[i]) {
      rho[i] = best;
      index[i] = bestJ;
    }
  }
}
