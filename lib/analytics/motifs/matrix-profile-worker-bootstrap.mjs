// Plain-JavaScript entry for the matrix-profile worker threads.
//
// Node 20 cannot start a worker from a .ts file, and `execArgv: ["--import", "tsx"]` does not reach a
// worker's entry module on Node 20 (ERR_UNKNOWN_FILE_EXTENSION). So the pool starts this file, which
// loads the real entry: a compiled .js/.mjs entry by plain import, a .ts entry through tsx's CommonJS
// API (works under vitest, `tsx` scripts and `next dev`; tsx is a dev dependency). The CommonJS API
// starts in about half the time of tsx's ESM `tsImport`, which spins up a module-hooks thread.
import { workerData } from "node:worker_threads";
import { fileURLToPath } from "node:url";

const entry = workerData.entry;
if (/\.[cm]?js$/.test(new URL(entry).pathname)) {
  await import(entry);
} else {
  const { require: tsxRequire } = await import("tsx/cjs/api");
  tsxRequire(fileURLToPath(entry), import.meta.url);
}
