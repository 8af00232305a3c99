/**
 * Messages between `computeMatrixProfileInWorker` and `matrix-profile-worker.ts`. The series travels
 * as one SharedArrayBuffer (read-only, no copy per worker); each worker computes the O(n·m) window
 * statistics itself, so the main thread only does O(n) work, and sends its own correlation profile
 * back as transferred buffers. Workers are pooled, so every message names its job.
 */
export interface MatrixProfileJob {
  readonly type: "job";
  readonly jobId: number;
  readonly m: number;
  readonly l: number;
  readonly bandWidth: number;
  /** [start, end) diagonals of each band, in the order the single-thread scan visits them. */
  readonly bands: ReadonlyArray<{ readonly start: number; readonly end: number; readonly cells: number }>;
  /** The raw series as float64 (NaN kept: the worker flags non-finite windows itself). */
  readonly values: SharedArrayBuffer;
  /** One Int32: set to 1 by the main thread to cancel; the worker checks it between bands. */
  readonly cancel: SharedArrayBuffer;
}

export type MatrixProfileWorkerMessage =
  | { readonly type: "progress"; readonly jobId: number; readonly cells: number }
  | { readonly type: "done"; readonly jobId: number; readonly rho: ArrayBuffer; readonly index: ArrayBuffer }
  | { readonly type: "cancelled"; readonly jobId: number }
  | { readonly type: "failed"; readonly jobId: number; readonly message: string };
