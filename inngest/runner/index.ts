import { getEnv } from "@/lib/env";
import { getRunStatus, type RunStatus } from "@/db/queries/jobs";
import { inngest, isInngestConfigured } from "../client";
import { parseEventData, type EventData, type EventName } from "../events";
import { workflows } from "../functions";
import { EmbeddedRunner, type EmbeddedRunnerOptions } from "./embedded-runner";

export { EmbeddedRunner, getRunStatus, type EmbeddedRunnerOptions, type RunStatus };

export type SendResult = { mode: "embedded"; runIds: string[] } | { mode: "inngest"; eventIds: string[] };

// One runner per process, shared by every module instance (Next bundles a module more than once).
const globalForRunner = globalThis as unknown as { __proximaRunner?: EmbeddedRunner };

/**
 * THE entry point the app uses to start work. With Inngest configured (INNGEST_DEV=1 or cloud keys)
 * the event goes to Inngest (`idempotencyKey` becomes the event id, which Inngest deduplicates for
 * 24 h) and the result holds event ids. Otherwise one job_runs row per workflow the event triggers
 * (a repeated `idempotencyKey` returns the existing run ids) and the embedded worker is woken.
 */
export async function sendEvent<N extends EventName>(name: N, data: EventData<N>, options: { idempotencyKey?: string } = {}): Promise<SendResult> {
  const parsed = parseEventData(name, data);
  if (isInngestConfigured()) {
    const { ids } = await inngest.send({ name, data: parsed, ...(options.idempotencyKey ? { id: options.idempotencyKey } : {}) });
    return { mode: "inngest", eventIds: ids };
  }
  const runner = ensureEmbeddedRunner()!;
  return { mode: "embedded", runIds: await runner.send(name, parsed, options) };
}

/**
 * Starts the embedded runner once per process (worker loop, and the cron schedules unless
 * PROXIMA_DISABLE_SCHEDULER is set); returns null when Inngest runs the workflows instead. Call it
 * at server start (instrumentation) so schedules fire; `sendEvent` calls it too. Options apply to
 * the first call only (tests and scripts pass their own workflows or clock).
 */
export function ensureEmbeddedRunner(options: Partial<EmbeddedRunnerOptions> = {}): EmbeddedRunner | null {
  if (isInngestConfigured()) return null;
  let runner = globalForRunner.__proximaRunner;
  if (!runner) {
    runner = new EmbeddedRunner({ workflows, scheduleCrons: !getEnv().PROXIMA_DISABLE_SCHEDULER, ...options });
    globalForRunner.__proximaRunner = runner;
  }
  runner.start();
  return runner;
}

/** Stops the process's runner (schedules, loop) after the runs in progress settle. */
export async function stopEmbeddedRunner(): Promise<void> {
  const runner = globalForRunner.__proximaRunner;
  globalForRunner.__proximaRunner = undefined;
  await runner?.stop();
}

/**
 * For tests and scripts: executes due runs until nothing is due or running. Uses the process's
 * runner, or a worker-only one (no loop, no schedules) when none was started.
 */
export async function runUntilIdle(): Promise<number> {
  const runner = globalForRunner.__proximaRunner ?? new EmbeddedRunner({ workflows });
  return runner.runUntilIdle();
}
