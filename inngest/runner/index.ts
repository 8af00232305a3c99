import crypto from "node:crypto";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { getRunStatus, type RunStatus } from "@/db/queries/task-status";
import { createInngestTasks, deleteInngestTasks } from "@/db/queries/inngest-tasks";
import { inngest, isInngestConfigured } from "../client";
import { parseEventData, type EventData, type EventName } from "../events";
import { workflows } from "../functions";
import { EmbeddedRunner, type EmbeddedRunnerOptions } from "./embedded-runner";

export { EmbeddedRunner, getRunStatus, type EmbeddedRunnerOptions, type RunStatus };

/**
 * What `sendEvent` started. `runIds` are job_runs ids (embedded runner); `taskIds` are inngest_tasks
 * ids (Inngest), one per workflow the event triggers when its payload names an owner (`userId`).
 * Either kind is a task id for GET /api/v1/tasks/status/{id}: pick it with `taskIdOf`.
 */
export type SendResult = { mode: "embedded"; runIds: string[] } | { mode: "inngest"; eventIds: string[]; taskIds: string[] };

// One runner per process, shared by every module instance (Next bundles a module more than once).
const globalForRunner = globalThis as unknown as { __proximaRunner?: EmbeddedRunner };

/**
 * THE entry point the app uses to start work. With Inngest configured (INNGEST_DEV=1 or cloud keys)
 * the event goes to Inngest (`idempotencyKey` becomes the event id, which Inngest deduplicates for
 * 24 h) and, for an event with an owner, one inngest_tasks row per triggered workflow records its
 * status (the Inngest adapter in define-workflow.ts keeps it up to date). Otherwise one job_runs row
 * per workflow the event triggers (a repeated `idempotencyKey` returns the existing run ids) and the
 * embedded worker is woken. Our database holds the task status in both modes.
 */
export async function sendEvent<N extends EventName>(name: N, data: EventData<N>, options: { idempotencyKey?: string } = {}): Promise<SendResult> {
  const parsed = parseEventData(name, data);
  if (isInngestConfigured()) return sendToInngest(name, parsed as Record<string, unknown>, options.idempotencyKey);
  const runner = ensureEmbeddedRunner()!;
  return { mode: "embedded", runIds: await runner.send(name, parsed, options) };
}

/** The id the owner polls for the first workflow the event started (the one task callers hand out). */
export function taskIdOf(sent: SendResult): string {
  const id = sent.mode === "embedded" ? sent.runIds[0] : sent.taskIds[0];
  if (!id) throw new AppError("internal:tasks", "The task could not be started. Please try again later.");
  return id;
}

/**
 * The tasks are written before the event is sent, so that a run Inngest starts at once finds its
 * row. The event carries an id we choose (the idempotency key, or a fresh uuid): the function sees it
 * as `event.id`, which is how the adapter finds the rows. Tasks of a send that failed are removed.
 */
async function sendToInngest(name: EventName, data: Record<string, unknown>, idempotencyKey: string | undefined): Promise<SendResult> {
  const eventId = idempotencyKey ?? crypto.randomUUID();
  const userId = typeof data.userId === "string" ? data.userId : null;
  const now = new Date();
  const tasks = userId
    ? await createInngestTasks(
        workflows
          .filter((w) => w.embedded.eventName === name)
          .map((w) => ({ eventId, functionId: w.id, eventName: name, userId, maxAttempts: w.embedded.maxAttempts, now })),
      )
    : [];
  try {
    const { ids } = await inngest.send({ name, data, id: eventId } as never);
    return { mode: "inngest", eventIds: ids, taskIds: tasks.map((t) => t.id) };
  } catch (e) {
    await deleteInngestTasks(tasks.filter((t) => t.created).map((t) => t.id));
    throw e;
  }
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
