import {
  completeRun,
  enqueueRun,
  failRun,
  leaseNextRun,
  listStepOutputs,
  scheduleRunRetry,
  scheduleRunWake,
  type JobRun,
  type NewRun,
} from "@/db/queries/jobs";
import { parseEventData, SCHEDULED_EVENT_NAME, type EventData, type EventName } from "../events";
import { FAILURE_EVENT_NAME, type EmbeddedRegistration, type FailureEventData, type RegisteredWorkflow } from "../define-workflow";
import { CronScheduler } from "./cron-scheduler";
import { backoffDelayMs, DEFAULT_BACKOFF, type BackoffPolicy } from "./backoff";
import { describeError, isNonRetriable, retryAfterDate } from "./run-errors";
import { RunExecution } from "./run-execution";

export type RunnerLogger = Pick<Console, "info" | "warn" | "error">;

export type EmbeddedRunnerOptions = {
  workflows: readonly RegisteredWorkflow[];
  /** The runner's notion of now: leases, backoff and sleeps use it (tests inject a fake one). */
  clock?: () => Date;
  /** How long a lease lasts without a heartbeat; a crashed worker's runs are taken over after it. */
  leaseMs?: number;
  /** How often a running run renews its lease (real time). */
  heartbeatMs?: number;
  /** How often the idle worker looks for due runs (sends wake it at once). */
  pollMs?: number;
  /** Runs executed at the same time by this process. */
  maxConcurrentRuns?: number;
  backoff?: BackoffPolicy;
  /** Start croner schedules for cron-triggered workflows on `start()`. */
  scheduleCrons?: boolean;
  logger?: RunnerLogger;
};

type Target = { registration: EmbeddedRegistration; kind: "main" | "failure" };

/**
 * The embedded runner (DESIGN decision 6): runs the same workflow code as Inngest, in this process,
 * with its state in job_runs/job_steps so a crash resumes from the last finished step.
 */
export class EmbeddedRunner {
  readonly clock: () => Date;
  readonly leaseMs: number;
  private readonly heartbeatMs: number;
  private readonly pollMs: number;
  private readonly maxConcurrentRuns: number;
  private readonly backoff: BackoffPolicy;
  private readonly scheduleCrons: boolean;
  readonly logger: RunnerLogger;
  private readonly registrations: EmbeddedRegistration[];
  private readonly targets = new Map<string, Target>();
  private readonly inflight = new Set<Promise<void>>();
  private readonly crons: CronScheduler;
  private loopDone: Promise<void> | null = null;
  private stopping = false;
  private wakeUp: (() => void) | null = null;
  private wakePending = false;
  /** The fill in progress: fills take turns, so a run another caller has leased is in `inflight` before the next fill looks. */
  private filling: Promise<number> = Promise.resolve(0);
  /** Executions finished so far: runUntilIdle checks that none finished while it was looking. */
  private settledCount = 0;

  constructor(options: EmbeddedRunnerOptions) {
    this.clock = options.clock ?? (() => new Date());
    this.leaseMs = options.leaseMs ?? 60_000;
    this.heartbeatMs = options.heartbeatMs ?? Math.max(1_000, Math.floor(this.leaseMs / 3));
    this.pollMs = options.pollMs ?? 1_000;
    this.maxConcurrentRuns = options.maxConcurrentRuns ?? 2;
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.scheduleCrons = options.scheduleCrons ?? false;
    this.logger = options.logger ?? console;
    this.registrations = options.workflows.map((w) => w.embedded);
    this.crons = new CronScheduler(
      (functionId, tick) => this.fireCron(functionId, tick),
      (functionId, e) => this.logger.error(`[runner] cron ${functionId} could not enqueue`, e),
    );
    for (const registration of this.registrations) {
      if (this.targets.has(registration.functionId)) throw new Error(`Two workflows share the id "${registration.functionId}".`);
      this.targets.set(registration.functionId, { registration, kind: "main" });
      if (registration.failure) this.targets.set(registration.failure.functionId, { registration, kind: "failure" });
    }
  }

  /** Function ids this runner executes: it only ever leases runs of these. */
  get functionIds(): string[] {
    return [...this.targets.keys()];
  }

  get running(): boolean {
    return this.loopDone !== null;
  }

  /** True while cron schedules are armed in this process. */
  get scheduling(): boolean {
    return this.crons.active;
  }

  /**
   * Enqueues one run per workflow triggered by this event (idempotent per workflow on
   * `idempotencyKey`: a repeated send returns the existing run ids) and wakes the worker.
   */
  async send<N extends EventName>(name: N, data: EventData<N>, options: { idempotencyKey?: string } = {}): Promise<string[]> {
    const parsed = parseEventData(name, data) as Record<string, unknown>;
    const now = this.clock();
    const ids: string[] = [];
    for (const registration of this.registrations) {
      if (registration.eventName !== name) continue;
      const { id } = await enqueueRun({
        functionId: registration.functionId,
        eventName: name,
        eventData: parsed,
        userId: findOwnerId(parsed),
        idempotencyKey: options.idempotencyKey ?? null,
        concurrencyKey: registration.concurrencyKeyFor(parsed),
        maxAttempts: registration.maxAttempts,
        runAfter: now,
        createdAt: now,
        throttle: registration.throttleFor(parsed),
      });
      ids.push(id);
    }
    if (ids.length > 0) this.wake();
    return ids;
  }

  /**
   * Enqueues a cron workflow's run for one schedule tick. The key `cron:<fn>:<tick ISO>` makes a
   * double fire (two timers, two processes, a restart within the minute) enqueue nothing twice.
   */
  async fireCron(functionId: string, tick: Date): Promise<{ runId: string; created: boolean }> {
    const registration = this.targets.get(functionId)?.registration;
    if (!registration?.cron || registration.functionId !== functionId) throw new Error(`"${functionId}" is not a cron workflow of this runner.`);
    const { id, created } = await enqueueRun({
      functionId,
      eventName: SCHEDULED_EVENT_NAME,
      eventData: { cron: registration.cron.expression },
      idempotencyKey: `cron:${functionId}:${tick.toISOString()}`,
      maxAttempts: registration.maxAttempts,
      runAfter: this.clock(),
      createdAt: tick,
    });
    if (created) this.wake();
    return { runId: id, created };
  }

  /** Starts the worker loop (and the cron schedules when enabled). Idempotent. */
  start(): void {
    if (this.loopDone) return;
    this.stopping = false;
    this.loopDone = this.loop();
    if (this.scheduleCrons) this.startCrons();
  }

  /** Stops the schedules and the loop, then waits for the runs in progress to settle. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.crons.stop();
    this.wake();
    await this.loopDone;
    this.loopDone = null;
    await Promise.allSettled([...this.inflight]);
  }

  /** Wakes an idle worker loop (after a send). A wake while the loop is busy is kept for its next wait. */
  wake(): void {
    const wake = this.wakeUp;
    this.wakeUp = null;
    if (wake) wake();
    else this.wakePending = true;
  }

  /**
   * Leases and executes due runs until none is due and none is in progress (runs that are waiting
   * for a backoff, a sleep or a concurrency key are not due). Returns how many executions it started.
   */
  async runUntilIdle(): Promise<number> {
    let started = 0;
    for (;;) {
      const settledBefore = this.settledCount;
      started += await this.fillSlots();
      if (this.inflight.size > 0) {
        await Promise.race(this.inflight);
        continue;
      }
      // Idle only if no run finished while the fill looked: a run that waited for a concurrency
      // key held by one that finished during the lease query is due now, and the next fill takes it.
      if (this.settledCount === settledBefore) return started;
    }
  }

  /**
   * Leases runs until this process is at capacity or nothing is due; returns how many it started.
   * The worker loop and `runUntilIdle` both fill. Without taking turns, one could lease a run (it is
   * no longer due in the database) while the other, seeing nothing due and nothing in flight,
   * reported the queue idle before that run had even started.
   */
  private fillSlots(): Promise<number> {
    const fill = this.filling.then(() => this.leaseUpToCapacity());
    this.filling = fill.catch(() => 0);
    return fill;
  }

  private async leaseUpToCapacity(): Promise<number> {
    let started = 0;
    while (this.inflight.size < this.maxConcurrentRuns) {
      const run = await leaseNextRun({ functionIds: this.functionIds, now: this.clock(), leaseMs: this.leaseMs });
      if (!run) break;
      started += 1;
      const execution: Promise<void> = this.execute(run).finally(() => {
        this.settledCount += 1;
        this.inflight.delete(execution);
        this.wake();
      });
      this.inflight.add(execution);
    }
    return started;
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      try {
        await this.fillSlots();
      } catch (e) {
        this.logger.error("[runner] could not lease runs", e);
      }
      if (this.stopping) break;
      if (this.wakePending) {
        this.wakePending = false;
        continue;
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.pollMs);
        timer.unref?.();
        this.wakeUp = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  private startCrons(): void {
    this.crons.start(this.registrations.flatMap((r) => (r.cron ? [{ functionId: r.functionId, cron: r.cron }] : [])));
  }

  /** Executes one leased run to an outcome; never throws (the outcome is written to the run). */
  private async execute(run: JobRun): Promise<void> {
    const target = this.targets.get(run.functionId);
    const fence = { runId: run.id, attempt: run.attempt };
    try {
      if (!target) throw new Error(`No workflow "${run.functionId}" in this runner.`);
      if (run.attempt > run.maxAttempts) {
        // The previous worker died during the last attempt (its lease expired): a run that crashes
        // its process every time must end, not loop forever.
        await this.fail(run, target, { name: "WorkerLost", message: "The worker stopped during the last attempt.", publicMessage: "The task stopped unexpectedly. Please try again later." });
        return;
      }
      const memo = await listStepOutputs(run.id);
      const execution = new RunExecution({ run, memo, runner: this, isFinalAttempt: run.attempt >= run.maxAttempts });
      const outcome = await execution.perform((step) => {
        if (target.kind === "failure") {
          return target.registration.failure!.execute({ event: run.eventData as unknown as FailureEventData, step });
        }
        return target.registration.execute({ event: toHandlerEvent(run), step, attempt: run.attempt - 1, runId: run.id });
      }, this.heartbeatMs);
      const now = this.clock();
      switch (outcome.kind) {
        case "completed":
          if (!(await completeRun({ ...fence, output: outcome.output, now }))) this.logger.warn(`[runner] run ${run.id} finished after losing its lease; its result was dropped`);
          return;
        case "sleep":
          await scheduleRunWake({ ...fence, runAfter: outcome.until, now });
          return;
        case "lease-lost":
          this.logger.warn(`[runner] run ${run.id} lost its lease; another worker owns it now`);
          return;
        case "failed": {
          const error = outcome.error;
          if (isNonRetriable(error) || run.attempt >= run.maxAttempts) {
            await this.fail(run, target, describeError(error));
            return;
          }
          const runAfter = retryAfterDate(error, now) ?? new Date(now.getTime() + backoffDelayMs(this.backoff, run.attempt));
          this.logger.warn(`[runner] run ${run.id} (${run.functionId}) attempt ${run.attempt}/${run.maxAttempts} failed; retrying at ${runAfter.toISOString()}`, error);
          await scheduleRunRetry({ ...fence, runAfter, error: describeError(error), now });
          return;
        }
      }
    } catch (e) {
      // The database failed while recording the outcome: the lease will expire and another pass retries the attempt.
      this.logger.error(`[runner] run ${run.id} (${run.functionId}) could not record its outcome`, e);
    }
  }

  private async fail(run: JobRun, target: Target | undefined, error: ReturnType<typeof describeError>): Promise<void> {
    const now = this.clock();
    this.logger.error(`[runner] run ${run.id} (${run.functionId}) failed after ${run.attempt} attempt(s): ${error.name}: ${error.message}`);
    const failure = target?.kind === "main" ? target.registration.failure : undefined;
    const failureRun: NewRun | null = failure
      ? {
          functionId: failure.functionId,
          eventName: FAILURE_EVENT_NAME,
          eventData: {
            event: toHandlerEvent(run),
            error: { name: error.name, message: error.message },
            function_id: run.functionId,
            run_id: run.id,
          } satisfies FailureEventData,
          userId: run.userId,
          idempotencyKey: `failure:${run.id}`,
          maxAttempts: target!.registration.maxAttempts,
          runAfter: now,
          createdAt: now,
        }
      : null;
    await failRun({ runId: run.id, attempt: run.attempt, error, now, failureRun });
    if (failureRun) this.wake();
  }
}

/** The event as the handler sees it (Inngest's shape): `ts` is when it was sent, or the cron tick. */
function toHandlerEvent(run: JobRun): { name: string; data: unknown; id: string; ts: number } {
  return { name: run.eventName, data: run.eventData, id: run.idempotencyKey ?? run.id, ts: run.createdAt.getTime() };
}

/** A payload that names a person (`userId`) makes the run theirs: they can read its status under RLS. */
function findOwnerId(data: Record<string, unknown>): string | null {
  return typeof data.userId === "string" ? data.userId : null;
}
