/**
 * The O(n²) heart of the matrix profile: the upper triangle of the distance matrix, walked in bands
 * of adjacent diagonals (SCRIMP/STOMP diagonal traversal, Zhu et al. 2018 §4.5; SCAMP's co-moment
 * recurrence, Zimmerman et al. 2019). Inside a band the rows go top to bottom (eight at a time) and,
 * for each row, the band's diagonals left to right, so the slices of df, dg, invNorm and the profile
 * being read stay in cache (a band of 256 diagonals touches ~2 KB per array per row block) instead
 * of streaming n elements per diagonal.
 *
 * The kernel keeps Pearson correlations, not distances: "larger is better", one multiply per cell,
 * and the square root runs once per subsequence at the end. It allocates nothing and imports nothing
 * so the worker entry stays small.
 */

/** The arrays the kernel reads (a PreparedSeries is one). */
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
 *
 * Rows go eight at a time (register blocking, as SCAMP's tiles): on band diagonal q the cells
 * (i, j), (i+1, j+1), … (i+7, j+7) lie on one diagonal, so they chain one co-moment (one load and
 * one store of cov[q] for eight cells), and columns j+1 … j+7, loaded once, are the columns rows
 * i … i+6 need on the next diagonals, so their statistics and running best stay in locals until
 * they leave. The block is written out by hand (row r uses rowDf{r}, column c colDg{c}…): V8 keeps
 * locals in registers, never array slots. Measured CPU time per cell on the 2-core box (Node 20):
 * plain row loop 5.1 ns, 2 rows 3.8, 4 rows 3.1–3.6, 8 rows 3.0; 12 and 16 rows gain nothing more.
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
  // df[0] = dg[0] = 0, so applying the recurrence on row 0 adds exactly 0.
  const mu0 = mean[0];
  for (let c = 0; c < width; c++) {
    const k = bandStart + c;
    const muk = mean[k];
    let sum = 0;
    for (let t = 0; t < m; t++) sum += (values[t] - mu0) * (values[k + t] - muk);
    cov[c] = sum;
  }

  const lastRow = l - 1 - bandStart;
  let i = 0;
  // 8 rows at a time while all of them have the full band inside the matrix (the last column they
  // touch, i + bandStart + width + 6, exists); the bottom rows of the band go one by one below.
  for (; i + bandStart + width + 7 <= l; i += 8) {
    // Row i + r: its statistics and its best correlation over this band so far.
    const rowDf0 = df[i];
    const rowDg0 = dg[i];
    const rowInv0 = invNorm[i];
    const rowDf1 = df[i + 1];
    const rowDg1 = dg[i + 1];
    const rowInv1 = invNorm[i + 1];
    const rowDf2 = df[i + 2];
    const rowDg2 = dg[i + 2];
    const rowInv2 = invNorm[i + 2];
    const rowDf3 = df[i + 3];
    const rowDg3 = dg[i + 3];
    const rowInv3 = invNorm[i + 3];
    const rowDf4 = df[i + 4];
    const rowDg4 = dg[i + 4];
    const rowInv4 = invNorm[i + 4];
    const rowDf5 = df[i + 5];
    const rowDg5 = dg[i + 5];
    const rowInv5 = invNorm[i + 5];
    const rowDf6 = df[i + 6];
    const rowDg6 = dg[i + 6];
    const rowInv6 = invNorm[i + 6];
    const rowDf7 = df[i + 7];
    const rowDg7 = dg[i + 7];
    const rowInv7 = invNorm[i + 7];
    let rowBest0 = -Infinity;
    let rowAt0 = -1;
    let rowBest1 = -Infinity;
    let rowAt1 = -1;
    let rowBest2 = -Infinity;
    let rowAt2 = -1;
    let rowBest3 = -Infinity;
    let rowAt3 = -1;
    let rowBest4 = -Infinity;
    let rowAt4 = -1;
    let rowBest5 = -Infinity;
    let rowAt5 = -1;
    let rowBest6 = -Infinity;
    let rowAt6 = -1;
    let rowBest7 = -Infinity;
    let rowAt7 = -1;
    // Columns j … j+6 in flight: statistics (colDg, colDf, colInv) and best so far (colBest, colAt).
    let j = i + bandStart;
    let colDg0 = dg[j];
    let colDf0 = df[j];
    let colInv0 = invNorm[j];
    let colBest0 = rho[j];
    let colAt0 = index[j];
    let colDg1 = dg[j + 1];
    let colDf1 = df[j + 1];
    let colInv1 = invNorm[j + 1];
    let colBest1 = rho[j + 1];
    let colAt1 = index[j + 1];
    let colDg2 = dg[j + 2];
    let colDf2 = df[j + 2];
    let colInv2 = invNorm[j + 2];
    let colBest2 = rho[j + 2];
    let colAt2 = index[j + 2];
    let colDg3 = dg[j + 3];
    let colDf3 = df[j + 3];
    let colInv3 = invNorm[j + 3];
    let colBest3 = rho[j + 3];
    let colAt3 = index[j + 3];
    let colDg4 = dg[j + 4];
    let colDf4 = df[j + 4];
    let colInv4 = invNorm[j + 4];
    let colBest4 = rho[j + 4];
    let colAt4 = index[j + 4];
    let colDg5 = dg[j + 5];
    let colDf5 = df[j + 5];
    let colInv5 = invNorm[j + 5];
    let colBest5 = rho[j + 5];
    let colAt5 = index[j + 5];
    let colDg6 = dg[j + 6];
    let colDf6 = df[j + 6];
    let colInv6 = invNorm[j + 6];
    let colBest6 = rho[j + 6];
    let colAt6 = index[j + 6];
    for (let q = 0; q < width; q++, j++) {
      const colDg7 = dg[j + 7];
      const colDf7 = df[j + 7];
      const colInv7 = invNorm[j + 7];
      let colBest7 = rho[j + 7];
      let colAt7 = index[j + 7];
      let co = cov[q];
      let r: number;
      co += rowDf0 * colDg0 + colDf0 * rowDg0; // cell (i, j)
      r = co * rowInv0 * colInv0;
      if (r > colBest0) {
        colBest0 = r;
        colAt0 = i;
      }
      if (r > rowBest0) {
        rowBest0 = r;
        rowAt0 = j;
      }
      co += rowDf1 * colDg1 + colDf1 * rowDg1; // cell (i + 1, j + 1)
      r = co * rowInv1 * colInv1;
      if (r > colBest1) {
        colBest1 = r;
        colAt1 = i + 1;
      }
      if (r > rowBest1) {
        rowBest1 = r;
        rowAt1 = j + 1;
      }
      co += rowDf2 * colDg2 + colDf2 * rowDg2; // cell (i + 2, j + 2)
      r = co * rowInv2 * colInv2;
      if (r > colBest2) {
        colBest2 = r;
        colAt2 = i + 2;
      }
      if (r > rowBest2) {
        rowBest2 = r;
        rowAt2 = j + 2;
      }
      co += rowDf3 * colDg3 + colDf3 * rowDg3; // cell (i + 3, j + 3)
      r = co * rowInv3 * colInv3;
      if (r > colBest3) {
        colBest3 = r;
        colAt3 = i + 3;
      }
      if (r > rowBest3) {
        rowBest3 = r;
        rowAt3 = j + 3;
      }
      co += rowDf4 * colDg4 + colDf4 * rowDg4; // cell (i + 4, j + 4)
      r = co * rowInv4 * colInv4;
      if (r > colBest4) {
        colBest4 = r;
        colAt4 = i + 4;
      }
      if (r > rowBest4) {
        rowBest4 = r;
        rowAt4 = j + 4;
      }
      co += rowDf5 * colDg5 + colDf5 * rowDg5; // cell (i + 5, j + 5)
      r = co * rowInv5 * colInv5;
      if (r > colBest5) {
        colBest5 = r;
        colAt5 = i + 5;
      }
      if (r > rowBest5) {
        rowBest5 = r;
        rowAt5 = j + 5;
      }
      co += rowDf6 * colDg6 + colDf6 * rowDg6; // cell (i + 6, j + 6)
      r = co * rowInv6 * colInv6;
      if (r > colBest6) {
        colBest6 = r;
        colAt6 = i + 6;
      }
      if (r > rowBest6) {
        rowBest6 = r;
        rowAt6 = j + 6;
      }
      co += rowDf7 * colDg7 + colDf7 * rowDg7; // cell (i + 7, j + 7)
      r = co * rowInv7 * colInv7;
      if (r > colBest7) {
        colBest7 = r;
        colAt7 = i + 7;
      }
      if (r > rowBest7) {
        rowBest7 = r;
        rowAt7 = j + 7;
      }
      cov[q] = co;
      // Column j is done for these rows; the others shift down one place.
      rho[j] = colBest0;
      index[j] = colAt0;
      colDg0 = colDg1;
      colDf0 = colDf1;
      colInv0 = colInv1;
      colBest0 = colBest1;
      colAt0 = colAt1;
      colDg1 = colDg2;
      colDf1 = colDf2;
      colInv1 = colInv2;
      colBest1 = colBest2;
      colAt1 = colAt2;
      colDg2 = colDg3;
      colDf2 = colDf3;
      colInv2 = colInv3;
      colBest2 = colBest3;
      colAt2 = colAt3;
      colDg3 = colDg4;
      colDf3 = colDf4;
      colInv3 = colInv4;
      colBest3 = colBest4;
      colAt3 = colAt4;
      colDg4 = colDg5;
      colDf4 = colDf5;
      colInv4 = colInv5;
      colBest4 = colBest5;
      colAt4 = colAt5;
      colDg5 = colDg6;
      colDf5 = colDf6;
      colInv5 = colInv6;
      colBest5 = colBest6;
      colAt5 = colAt6;
      colDg6 = colDg7;
      colDf6 = colDf7;
      colInv6 = colInv7;
      colBest6 = colBest7;
      colAt6 = colAt7;
    }
    rho[j] = colBest0;
    index[j] = colAt0;
    rho[j + 1] = colBest1;
    index[j + 1] = colAt1;
    rho[j + 2] = colBest2;
    index[j + 2] = colAt2;
    rho[j + 3] = colBest3;
    index[j + 3] = colAt3;
    rho[j + 4] = colBest4;
    index[j + 4] = colAt4;
    rho[j + 5] = colBest5;
    index[j + 5] = colAt5;
    rho[j + 6] = colBest6;
    index[j + 6] = colAt6;
    // Every column in flight is written back, so the row bests can merge (a column may be one of
    // these rows when bandStart is small: its column visits are in rho already).
    if (rowBest0 > rho[i]) {
      rho[i] = rowBest0;
      index[i] = rowAt0;
    }
    if (rowBest1 > rho[i + 1]) {
      rho[i + 1] = rowBest1;
      index[i + 1] = rowAt1;
    }
    if (rowBest2 > rho[i + 2]) {
      rho[i + 2] = rowBest2;
      index[i + 2] = rowAt2;
    }
    if (rowBest3 > rho[i + 3]) {
      rho[i + 3] = rowBest3;
      index[i + 3] = rowAt3;
    }
    if (rowBest4 > rho[i + 4]) {
      rho[i + 4] = rowBest4;
      index[i + 4] = rowAt4;
    }
    if (rowBest5 > rho[i + 5]) {
      rho[i + 5] = rowBest5;
      index[i + 5] = rowAt5;
    }
    if (rowBest6 > rho[i + 6]) {
      rho[i + 6] = rowBest6;
      index[i + 6] = rowAt6;
    }
    if (rowBest7 > rho[i + 7]) {
      rho[i + 7] = rowBest7;
      index[i + 7] = rowAt7;
    }
  }

  for (; i <= lastRow; i++) {
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
