/**
 * Matrix-profile motifs and discords (STUMPY's stump / motifs / discords, in TypeScript):
 * `computeMatrixProfile` on the calling thread, `computeMatrixProfileInWorker` on worker threads
 * (same numbers), then `findMotifs` and `findDiscords` on the result.
 */
export { computeMatrixProfile, type MatrixProfile, type MatrixProfileOptions } from "./matrix-profile";
export {
  closeMatrixProfileWorkers,
  computeMatrixProfileInWorker,
  MATRIX_PROFILE_WORKER_BOOTSTRAP,
  MATRIX_PROFILE_WORKER_ENTRY,
  type WorkerMatrixProfileOptions,
} from "./matrix-profile-in-worker";
export { computeDefaultCutoff, findMotifs, type Motif, type MotifMatch, type MotifOptions } from "./motifs";
export { findDiscords, type Discord, type DiscordOptions } from "./discords";
export { computeDistanceProfile } from "./distance-profile";
export { placeOnRegularGrid, type RegularGrid, type RegularGridOptions } from "./regular-grid";
export { readSeriesCsv, type SeriesCsv } from "./read-series-csv";
