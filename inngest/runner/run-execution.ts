import { durationToMs } from "inngest";
import { extendRunLease, recordStepOutput, setRunProgress, type JobRun } from "@/db/queries/jobs";
import { validateOutgoing, type StepTools } from "../define-workflow";
import { isNonRetriable } from "./run-errors";
import type { EmbeddedRunner } from "./embedded-runner";

export type ExecutionOutcome =
  | { kind: "completed"; output: unknown }
  | { kind: "failed"; error: unknown }
  | { kind: "sleep"; until: Date }
  | { kind: "lease-lost" };

/** A promise that never settles: how a step stops the handler without an exception it could catch (Inngest does the same). */
function halt<T>(): Promise<T> {
  return new Promise<T>(() => {});
}

/** Inngest stores step results as JSON; so do we, and the first execution returns what a replay would. */
function toJson(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}

/**
 * One attempt of one run: the step tools (memoized in job_steps) and the lease heartbeat. A finished
 * step returns its stored result without running again; a failing step ends the attempt (the run is
 * retried) except on the last attempt, when the handler sees the error, as under Inngest's per-step retries.
 */
export class RunExecution {
  private readonly run: JobRun;
  private readonly memo: Map<string, unknown>;
  private readonly runner: EmbeddedRunner;
  private readonly isFinalAttempt: boolean;
  private readonly seen = new Map<string, number>();
  private readonly pendingSteps = new Set<Promise<unknown>>();
  private interruptWith: (outcome: ExecutionOutcome) => void = () => {};
  private readonly interrupted: Promise<ExecutionOutcome>;
  private leaseLost = false;
  private finished = false;

  constructor(args: { run: JobRun; memo: Map<string, unknown>; runner: EmbeddedRunner; isFinalAttempt: boolean }) {
    this.run = args.run;
    this.memo = args.memo;
    this.runner = args.runner;
    this.isFinalAttempt = args.isFinalAttempt;
    this.interrupted = new Promise((resolve) => {
      this.interruptWith = (outcome) => {
        if (outcome.kind === "lease-lost") this.leaseLost = true;
        resolve(outcome);
      };
    });
  }

  async perform(body: (step: StepTools) => Promise<unknown>, heartbeatMs: number): Promise<ExecutionOutcome> {
    const heartbeat = setInterval(() => void this.renewLease(), heartbeatMs);
    heartbeat.unref?.();
    try {
      const handled = Promise.resolve()
        .then(() => body(this.tools()))
        .then((output): ExecutionOutcome => ({ kind: "completed", output: toJson(output) }))
        .catch((error): ExecutionOutcome => ({ kind: "failed", error }));
      const outcome = await Promise.race([handled, this.interrupted]);
      // Parallel steps still running keep their results (the run is still ours) unless the lease is gone.
      if (outcome.kind !== "lease-lost") await Promise.allSettled([...this.pendingSteps]);
      return this.leaseLost ? { kind: "lease-lost" } : outcome;
    } finally {
      this.finished = true;
      clearInterval(heartbeat);
    }
  }

  private get fence() {
    return { runId: this.run.id, attempt: this.run.attempt };
  }

  /** Inngest gives a repeated step id a counter suffix; so do we, so the memo keys match call order. */
  private stepKey(id: string): string {
    const n = this.seen.get(id) ?? 0;
    this.seen.set(id, n + 1);
    return n === 0 ? id : `${id}:${n}`;
  }

  private tools(): StepTools {
    return {
      run: (id, fn) => this.runStep(this.stepKey(id), fn) as never,
      sendEvent: (id, events) => {
        const list = validateOutgoing(events);
        const key = this.stepKey(id);
        return this.runStep(key, async () => {
          const ids: string[] = [];
          // Without an explicit id, the key is derived from the run and step: if we crash between
          // enqueuing and recording the step, the retry enqueues nothing twice.
          for (const [i, event] of list.entries()) {
            ids.push(...(await this.runner.send(event.name, event.data as never, { idempotencyKey: event.id ?? `${this.run.id}:${key}:${i}` })));
          }
          return { ids };
        }) as Promise<{ ids: string[] }>;
      },
      sleep: (id, duration) => this.sleep(this.stepKey(id), duration),
      progress: async (data) => {
        if (this.finished || this.leaseLost) return;
        const ok = await setRunProgress({ ...this.fence, progress: toJson(data) as Record<string, unknown>, now: this.runner.clock() });
        if (!ok) {
          this.interruptWith({ kind: "lease-lost" });
          return halt();
        }
      },
    };
  }

  private runStep(key: string, fn: () => unknown): Promise<unknown> {
    if (this.finished || this.leaseLost) return halt();
    if (this.memo.has(key)) return Promise.resolve(this.memo.get(key));
    // `work` always settles (so an ending attempt can wait for it); the step's own promise halts
    // instead of settling when the attempt is over.
    const work = (async (): Promise<{ output: unknown } | { error: unknown } | "halt"> => {
      let output: unknown;
      try {
        output = toJson(await fn());
      } catch (error) {
        if (this.leaseLost) return "halt";
        if (this.isFinalAttempt || isNonRetriable(error)) return { error };
        this.interruptWith({ kind: "failed", error });
        return "halt";
      }
      if (this.leaseLost) return "halt";
      const now = this.runner.clock();
      const recorded = await recordStepOutput({ ...this.fence, stepId: key, output, now, leaseUntil: new Date(now.getTime() + this.runner.leaseMs) });
      if (!recorded) {
        this.interruptWith({ kind: "lease-lost" });
        return "halt";
      }
      this.memo.set(key, output);
      return { output };
    })().catch((error: unknown) => {
      // The database failed while recording: end the attempt like a failed step (retried later).
      this.interruptWith({ kind: "failed", error });
      return "halt" as const;
    });
    this.pendingSteps.add(work);
    void work.then(() => this.pendingSteps.delete(work));
    return work.then((result) => {
      if (result === "halt") return halt();
      if ("error" in result) throw result.error;
      return result.output;
    });
  }

  private async sleep(key: string, duration: number | string): Promise<void> {
    if (this.finished || this.leaseLost) return halt();
    let until: Date;
    if (this.memo.has(key)) {
      until = new Date((this.memo.get(key) as { until: string }).until);
    } else {
      const now = this.runner.clock();
      until = new Date(now.getTime() + durationToMs(duration, { name: `step.sleep("${key}")` }));
      const recorded = await recordStepOutput({ ...this.fence, stepId: key, output: { until: until.toISOString() }, now, leaseUntil: new Date(now.getTime() + this.runner.leaseMs) });
      if (!recorded) {
        this.interruptWith({ kind: "lease-lost" });
        return halt();
      }
      this.memo.set(key, { until: until.toISOString() });
    }
    if (this.runner.clock() >= until) return;
    this.interruptWith({ kind: "sleep", until });
    return halt();
  }

  private async renewLease(): Promise<void> {
    if (this.finished || this.leaseLost) return;
    try {
      const now = this.runner.clock();
      const ok = await extendRunLease({ ...this.fence, leaseUntil: new Date(now.getTime() + this.runner.leaseMs), now });
      if (!ok && !this.finished) this.interruptWith({ kind: "lease-lost" });
    } catch (e) {
      this.runner.logger.warn(`[runner] could not renew the lease of run ${this.run.id}`, e);
    }
  }
}
