import { availableParallelism } from "node:os";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { AppError } from "../../errors";
import { DEFAULT_BAND_WIDTH, planDiagonalBands, type DiagonalBand } from "./diagonal-kernel";
import {
  finishMatrixProfile,
  mergeCorrelationProfile,
  type CorrelationProfile,
  type MatrixProfile,
} from "./finish-profile";
import { describeWindows } from "./prepare-series";
import type { MatrixProfileJob, MatrixProfileWorkerMessage } from "./worker-protocol";
import { acquireWorkers, discardWorker, releaseWorker } from "./worker-pool";

export { closeMatrixProfileWorkers } from "./worker-pool";

export interface WorkerMatrixProfileOptions {
  /** Number of worker threads. Default os.availableParallelism(), never more than there are bands. */
  workers?: number;
  /** Fraction of the distance matrix done, 0..1, called from the main thread; ends with 1. */
  onProgress?: (fraction: number) => void;
  /** Aborting rejects the promise at once with `signal.reason` (an AbortError by default); the workers stop at their next band. */
  signal?: AbortSignal;
  /** Diagonals per band (see DEFAULT_BAND_WIDTH). The result does not depend on it. */
  bandWidth?: number;
  /**
   * The worker entry to load, by path or file URL. Default: matrix-profile-worker.ts next to this
   * file, loaded through tsx. A build that compiles the entry to .js/.mjs passes that file here.
   */
  workerEntry?: string | URL;
}

/**
 * Where the worker threads come from, resolvable by path at run time. The pool always starts the
 * plain-JS bootstrap, which imports the entry (tsx for .ts, plain import for .js/.mjs).
 * Under vitest and tsx both files sit next to this module. A Next production bundle does not keep
 * this layout: there, call `computeMatrixProfile` (same numbers, one thread) from a background job,
 * or ship a compiled entry and pass `workerEntry`.
 */
export const MATRIX_PROFILE_WORKER_BOOTSTRAP = new URL("./matrix-profile-worker-bootstrap.mjs", import.meta.url);
export const MATRIX_PROFILE_WORKER_ENTRY = new URL("./matrix-profile-worker.ts", import.meta.url);

let nextJobId = 1;

/**
 * The exact matrix profile of `computeMatrixProfile`, computed on worker threads so a request or a
 * UI thread is never blocked (this thread only does O(n) work). The diagonal bands are dealt out in
 * contiguous runs of about equal work and merged in band order, so the result equals the
 * single-thread one bit for bit (exact ties resolve the same way). Workers stay in a small idle pool
 * between calls (see worker-pool.ts); `closeMatrixProfileWorkers()` ends them.
 *
 * Rejects with AppError("bad_request:analytics") for a bad window, with `signal.reason` when aborted
 * (the workers stop at their next band and go back to the pool), with AppError("internal:analytics")
 * when a worker fails (the cause is kept for the log).
 */
export async function computeMatrixProfileInWorker(
  values: ArrayLike<number>,
  m: number,
  options: WorkerMatrixProfileOptions = {},
): Promise<MatrixProfile> {
  const { signal, onProgress } = options;
  signal?.throwIfAborted();
  const windows = describeWindows(values, m); // validates m, O(n)

  const bandWidth = options.bandWidth ?? DEFAULT_BAND_WIDTH;
  const bands = planDiagonalBands(windows.l, windows.exclusionZone, bandWidth);
  const groups = splitBandsByWork(bands, Math.max(1, Math.min(options.workers ?? availableParallelism(), bands.length)));
  const total = bands.reduce((sum, band) => sum + band.cells, 0);
  const entryHref = resolveEntryUrl(options.workerEntry ?? MATRIX_PROFILE_WORKER_ENTRY).href;

  const shared = new SharedArrayBuffer(values.length * Float64Array.BYTES_PER_ELEMENT);
  new Float64Array(shared).set(values);
  const cancel = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
  const jobId = nextJobId++;
  const workers = acquireWorkers(MATRIX_PROFILE_WORKER_BOOTSTRAP, entryHref, groups.length);

  let done = 0;
  const partials = await new Promise<CorrelationProfile[]>((resolve, reject) => {
    const results: Array<CorrelationProfile | undefined> = new Array(workers.length);
    let finished = 0;
    let settled = false;
    const settle = (error?: unknown) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener("abort", onAbort);
      if (error === undefined) return resolve(results as CorrelationProfile[]);
      Atomics.store(new Int32Array(cancel), 0, 1);
      reject(error);
    };
    const onAbort = () => settle(signal!.reason);
    signal?.addEventListener("abort", onAbort, { once: true });

    workers.forEach((pooled, w) => {
      const { worker } = pooled;
      const detach = () => {
        worker.off("message", onMessage);
        worker.off("error", onError);
        worker.off("exit", onExit);
      };
      const onMessage = (message: MatrixProfileWorkerMessage) => {
        if (message.jobId !== jobId) return;
        if (message.type === "progress") {
          if (settled) return;
          done += message.cells;
          try {
            onProgress?.(done / total);
          } catch (error) {
            settle(error); // a throwing callback ends the job instead of crashing the event loop
          }
          return;
        }
        // done, cancelled or failed: this worker has finished with the job and can serve another.
        detach();
        releaseWorker(entryHref, pooled);
        if (message.type === "done") {
          results[w] = { rho: new Float64Array(message.rho), index: new Int32Array(message.index) };
          if (++finished === workers.length) settle();
        } else if (message.type === "failed") {
          settle(createWorkerFailure(new Error(message.message)));
        }
      };
      const onError = (cause: unknown) => {
        detach();
        discardWorker(entryHref, pooled);
        settle(createWorkerFailure(cause));
      };
      const onExit = (code: number) => {
        detach();
        settle(createWorkerFailure(new Error(`A matrix-profile worker exited with code ${code} during a job.`)));
      };
      worker.on("message", onMessage);
      worker.on("error", onError);
      worker.on("exit", onExit);
      const job: MatrixProfileJob = { type: "job", jobId, m, l: windows.l, bandWidth, bands: groups[w], values: shared, cancel };
      worker.postMessage(job);
    });
    if (signal?.aborted) onAbort();
  });

  const merged = partials[0];
  for (let w = 1; w < partials.length; w++) mergeCorrelationProfile(merged, partials[w]);
  return finishMatrixProfile(windows, merged);
}

/**
 * Deals bands out in contiguous runs so run r only holds bands after those of run r − 1 (the merge
 * order relies on it), cutting where the running work crosses r/parts of the total.
 */
export function splitBandsByWork(bands: readonly DiagonalBand[], parts: number): DiagonalBand[][] {
  const total = bands.reduce((sum, band) => sum + band.cells, 0);
  const groups: DiagonalBand[][] = [];
  let current: DiagonalBand[] = [];
  let cumulative = 0;
  for (let b = 0; b < bands.length; b++) {
    current.push(bands[b]);
    cumulative += bands[b].cells;
    const groupsLeftAfterThis = parts - groups.length - 1;
    if (groupsLeftAfterThis === 0) continue;
    const bandsLeft = bands.length - b - 1;
    if (cumulative >= (total * (groups.length + 1)) / parts || bandsLeft === groupsLeftAfterThis) {
      groups.push(current);
      current = [];
    }
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

function createWorkerFailure(cause: unknown): AppError {
  return new AppError("internal:analytics", "The pattern search could not finish in the background. Please try again.", { cause });
}

function resolveEntryUrl(entry: string | URL): URL {
  if (entry instanceof URL) return entry;
  return entry.startsWith("file:") ? new URL(entry) : pathToFileURL(resolve(entry));
}
