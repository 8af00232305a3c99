/**
 * Worker-thread entry: scans the bands of each job it receives and sends back its correlation
 * profile. Loaded through matrix-profile-worker-bootstrap.mjs (see matrix-profile-in-worker.ts for
 * why). It imports only the kernel and the series preparation: no database or React code.
 */
import { parentPort } from "node:worker_threads";
import { scanDiagonalBand } from "./diagonal-kernel";
import { prepareSeries } from "./prepare-series";
import type { MatrixProfileJob, MatrixProfileWorkerMessage } from "./worker-protocol";

function runJob(job: MatrixProfileJob): void {
  const cancel = new Int32Array(job.cancel);
  const input = prepareSeries(new Float64Array(job.values), job.m);
  const rho = new Float64Array(job.l).fill(-Infinity);
  const index = new Int32Array(job.l).fill(-1);
  const scratch = new Float64Array(job.bandWidth);
  for (const band of job.bands) {
    // A band is at most ~0.1 s of work, so cancelling between bands is prompt enough.
    if (Atomics.load(cancel, 0) !== 0) {
      post({ type: "cancelled", jobId: job.jobId });
      return;
    }
    scanDiagonalBand(input, band.start, band.end, rho, index, scratch);
    post({ type: "progress", jobId: job.jobId, cells: band.cells });
  }
  post({ type: "done", jobId: job.jobId, rho: rho.buffer, index: index.buffer }, [rho.buffer, index.buffer]);
}

function post(message: MatrixProfileWorkerMessage, transfer: ArrayBuffer[] = []): void {
  parentPort!.postMessage(message, transfer);
}

parentPort!.on("message", (job: MatrixProfileJob) => {
  try {
    runJob(job);
  } catch (error) {
    post({ type: "failed", jobId: job.jobId, message: error instanceof Error ? error.message : String(error) });
  }
});
