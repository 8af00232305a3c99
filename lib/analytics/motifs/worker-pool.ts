import { Worker } from "node:worker_threads";

/**
 * A few matrix-profile workers kept alive between calls. Starting one costs 0.3–0.5 s on the
 * 2-core box (the tsx loader), as much as the whole 90-day profile, so only the first call pays it.
 * Idle workers are unref'd (they never keep the process alive) and end after IDLE_MS.
 */
const IDLE_MS = 30_000;

export interface PooledWorker {
  readonly worker: Worker;
  busy: boolean;
  idleTimer: NodeJS.Timeout | null;
}

const pools = new Map<string, PooledWorker[]>();

/** Takes `count` workers for `entryHref`: idle ones first, then new ones. Each is busy until released. */
export function acquireWorkers(bootstrap: URL, entryHref: string, count: number): PooledWorker[] {
  const pool = pools.get(entryHref) ?? [];
  pools.set(entryHref, pool);
  const taken: PooledWorker[] = [];
  for (const pooled of pool) {
    if (taken.length === count) break;
    if (!pooled.busy) taken.push(pooled);
  }
  while (taken.length < count) {
    const pooled: PooledWorker = { worker: new Worker(bootstrap, { workerData: { entry: entryHref } }), busy: false, idleTimer: null };
    pooled.worker.on("exit", () => removeFromPool(entryHref, pooled));
    // A worker that fails while idle only leaves the pool; a busy one is reported by its job.
    pooled.worker.on("error", () => removeFromPool(entryHref, pooled));
    pool.push(pooled);
    taken.push(pooled);
  }
  for (const pooled of taken) {
    pooled.busy = true;
    if (pooled.idleTimer) clearTimeout(pooled.idleTimer);
    pooled.idleTimer = null;
    pooled.worker.ref();
  }
  return taken;
}

/** Returns a worker to the pool after its job answered (done or cancelled). */
export function releaseWorker(entryHref: string, pooled: PooledWorker): void {
  pooled.busy = false;
  pooled.worker.unref();
  pooled.idleTimer = setTimeout(() => discardWorker(entryHref, pooled), IDLE_MS);
  pooled.idleTimer.unref();
}

/** Ends a worker for good (failed, or idle for too long). */
export function discardWorker(entryHref: string, pooled: PooledWorker): void {
  removeFromPool(entryHref, pooled);
  void pooled.worker.terminate();
}

/** Ends every idle worker now (graceful shutdown, the end of a benchmark). Busy ones end when released. */
export async function closeMatrixProfileWorkers(): Promise<void> {
  const ending: Promise<number>[] = [];
  for (const [entryHref, pool] of pools) {
    for (const pooled of [...pool]) {
      if (pooled.busy) continue;
      if (pooled.idleTimer) clearTimeout(pooled.idleTimer);
      removeFromPool(entryHref, pooled);
      ending.push(pooled.worker.terminate());
    }
  }
  await Promise.all(ending);
}

/** How many workers are alive for an entry (for tests and diagnostics). */
export function countPooledWorkers(entryHref: string): { idle: number; busy: number } {
  const pool = pools.get(entryHref) ?? [];
  return { idle: pool.filter((p) => !p.busy).length, busy: pool.filter((p) => p.busy).length };
}

function removeFromPool(entryHref: string, pooled: PooledWorker): void {
  const pool = pools.get(entryHref);
  if (!pool) return;
  const at = pool.indexOf(pooled);
  if (at >= 0) pool.splice(at, 1);
  if (pooled.idleTimer) clearTimeout(pooled.idleTimer);
  pooled.idleTimer = null;
}
