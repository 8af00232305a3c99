import { DEFAULT_BAND_WIDTH, planDiagonalBands, scanDiagonalBand } from "./diagonal-kernel";
import { createCorrelationProfile, finishMatrixProfile, type MatrixProfile } from "./finish-profile";
import { prepareSeries } from "./prepare-series";

export type { MatrixProfile } from "./finish-profile";

export interface MatrixProfileOptions {
  /** Called after each band of diagonals with the fraction of cells done (0..1, ends with 1). */
  onProgress?: (fraction: number) => void;
  /** Diagonals per band; a tuning knob for the benchmark, the result does not depend on it. */
  bandWidth?: number;
}

/**
 * Exact self-join matrix profile (z-normalized Euclidean), O(n²) time, O(n) memory, on the calling
 * thread. This is the function to call where worker threads are not available (for example inside a
 * bundled route or an Inngest step); `computeMatrixProfileInWorker` gives the same numbers off the
 * main thread.
 *
 * Exclusion zone ceil(m/4) as STUMPY. Throws AppError("bad_request:analytics") unless 3 ≤ m ≤ n/2.
 * See `MatrixProfile` for what constant and non-finite windows get.
 */
export function computeMatrixProfile(
  values: ArrayLike<number>,
  m: number,
  options: MatrixProfileOptions = {},
): MatrixProfile {
  const prepared = prepareSeries(values, m);
  const bands = planDiagonalBands(prepared.l, prepared.exclusionZone, options.bandWidth ?? DEFAULT_BAND_WIDTH);
  const correlations = createCorrelationProfile(prepared.l);
  const scratch = new Float64Array(options.bandWidth ?? DEFAULT_BAND_WIDTH);
  const total = bands.reduce((sum, band) => sum + band.cells, 0);
  let done = 0;
  for (const band of bands) {
    scanDiagonalBand(prepared, band.start, band.end, correlations.rho, correlations.index, scratch);
    done += band.cells;
    options.onProgress?.(done / total);
  }
  if (bands.length === 0) options.onProgress?.(1);
  return finishMatrixProfile(prepared, correlations);
}
