import { and, asc, count, eq, gte, inArray, isNull, lt, lte, ne, notExists, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { jobRuns, jobSteps } from "@/db/schema";
import { isUuid, withSystem } from "./context";

/**
 * The embedded workflow runner's durable state (DESIGN decision 6): job_runs (one row per run) and
 * job_steps (each finished step's result). The runner acts as the system; a person reads their own
 * runs through `getRunStatus` (task-status.ts), under row-level security.
 *
 * Fencing: a worker owns a run while `status = 'running'` and `attempt` equals the attempt it leased.
 * Every write a worker makes checks both, so a worker whose lease expired (it stalled, another took
 * the run over and bumped `attempt`) can no longer record steps, progress or an outcome.
 */

export type JobRun = typeof jobRuns.$inferSelect;
export type JobStatus = JobRun["status"];

/** What the runner stores about a failure; only `publicMessage` ever reaches a person. */
export type RunError = { name: string; message: string; code?: string; publicMessage: string };

export type NewRun = {
  functionId: string;
  eventName: string;
  eventData: Record<string, unknown>;
  userId?: string | null;
  idempotencyKey?: string | null;
  concurrencyKey?: string | null;
  maxAttempts: number;
  runAfter: Date;
  /** The event's time (the schedule tick for cron runs); the handler sees it as `event.ts`. */
  createdAt: Date;
  /** At most `limit` starts per `periodMs` for this function (and key value): later runs are spaced out. */
  throttle?: { limit: number; periodMs: number; keyPath: string[] | null; keyValue: string | null } | null;
};

// One advisory lock serializes leasing. The UPDATE … WHERE status/lease alone stops two workers from
// winning the same run; the lock is what makes the concurrency-key check safe on PostgreSQL: under
// READ COMMITTED a worker would not see another worker's uncommitted lease on a sibling run.
const LEASE_LOCK_ID = 7_262_001;
const THROTTLE_LOCK_NAMESPACE = 7_262_002;

/**
 * Inserts a run unless (function_id, idempotency_key) already exists: a repeated send returns the
 * existing run's id with `created: false`.
 */
export async function enqueueRun(run: NewRun): Promise<{ id: string; created: boolean }> {
  return withSystem(async (tx) => {
    let runAfter = run.runAfter;
    if (run.throttle) {
      // Serialize enqueues of this function so two sends cannot both take the last throttle slot.
      await tx.execute(sql`select pg_advisory_xact_lock(${THROTTLE_LOCK_NAMESPACE}, hashtext(${run.functionId}))`);
      const { limit, periodMs, keyPath, keyValue } = run.throttle;
      const windowStart = new Date(runAfter.getTime() - periodMs);
      const recent = await tx
        .select({ runAfter: jobRuns.runAfter })
        .from(jobRuns)
        .where(
          and(
            eq(jobRuns.functionId, run.functionId),
            gte(jobRuns.runAfter, windowStart),
            keyPath ? sql`${jobRuns.eventData} #>> ${`{${keyPath.join(",")}}`} = ${keyValue}` : undefined,
          ),
        )
        .orderBy(sql`${jobRuns.runAfter} desc`)
        .limit(limit);
      if (recent.length >= limit) {
        // The window holds `limit` starts already: start one period after the oldest of them.
        const earliestFree = new Date(recent[limit - 1].runAfter.getTime() + periodMs);
        if (earliestFree > runAfter) runAfter = earliestFree;
      }
    }
    const inserted = await tx
      .insert(jobRuns)
      .values({
        functionId: run.functionId,
        eventName: run.eventName,
        eventData: run.eventData,
        userId: run.userId ?? null,
        idempotencyKey: run.idempotencyKey ?? null,
        concurrencyKey: run.concurrencyKey ?? null,
        maxAttempts: run.maxAttempts,
        runAfter,
        createdAt: run.createdAt,
        updatedAt: run.createdAt,
      })
      .onConflictDoNothing({ target: [jobRuns.functionId, jobRuns.idempotencyKey] })
      .returning({ id: jobRuns.id });
    if (inserted.length > 0) return { id: inserted[0].id, created: true };
    const [existing] = await tx
      .select({ id: jobRuns.id })
      .from(jobRuns)
      .where(and(eq(jobRuns.functionId, run.functionId), eq(jobRuns.idempotencyKey, run.idempotencyKey ?? "")));
    return { id: existing.id, created: false };
  });
}

/**
 * Leases the next due run of these functions, atomically: a queued run whose time has come, or a
 * running run whose lease expired (its worker crashed). A run waits while another run with the same
 * concurrency key holds a live lease. The lease bumps `attempt`; the returned row carries the new value.
 */
export async function leaseNextRun(options: { functionIds: string[]; now: Date; leaseMs: number }): Promise<JobRun | null> {
  const { functionIds, now, leaseMs } = options;
  if (functionIds.length === 0) return null;
  const candidate = alias(jobRuns, "candidate");
  const holder = alias(jobRuns, "holder");
  const isDue = (t: typeof jobRuns) =>
    or(and(eq(t.status, "queued"), lte(t.runAfter, now)), and(eq(t.status, "running"), lt(t.leaseUntil, now)));
  return withSystem(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${LEASE_LOCK_ID})`);
    // Two statements, not `WHERE id IN (SELECT … LIMIT 1)`: PostgreSQL may evaluate such a subquery
    // more than once and update several rows. The row lock taken here holds until the UPDATE.
    const [next] = await tx
      .select({ id: candidate.id })
      .from(candidate)
      .where(
        and(
          inArray(candidate.functionId, functionIds),
          isDue(candidate as unknown as typeof jobRuns),
          or(
            isNull(candidate.concurrencyKey),
            notExists(
              tx
                .select({ one: sql`1` })
                .from(holder)
                .where(
                  and(
                    eq(holder.concurrencyKey, candidate.concurrencyKey),
                    ne(holder.id, candidate.id),
                    eq(holder.status, "running"),
                    gte(holder.leaseUntil, now),
                  ),
                ),
            ),
          ),
        ),
      )
      .orderBy(asc(candidate.runAfter), asc(candidate.createdAt), asc(candidate.id))
      .limit(1)
      .for("update", { skipLocked: true });
    if (!next) return null;
    const [leased] = await tx
      .update(jobRuns)
      .set({
        status: "running",
        attempt: sql`${jobRuns.attempt} + 1`,
        leaseUntil: new Date(now.getTime() + leaseMs),
        updatedAt: now,
      })
      // The due condition again, on the latest row version: two workers can't both win.
      .where(and(eq(jobRuns.id, next.id), isDue(jobRuns)))
      .returning();
    return leased ?? null;
  });
}

type Fence = { runId: string; attempt: number };
const owns = ({ runId, attempt }: Fence) => and(eq(jobRuns.id, runId), eq(jobRuns.attempt, attempt), eq(jobRuns.status, "running"));

/** The finished steps of a run, by step id. */
export async function listStepOutputs(runId: string): Promise<Map<string, unknown>> {
  const rows = await withSystem((tx) => tx.select({ stepId: jobSteps.stepId, output: jobSteps.output }).from(jobSteps).where(eq(jobSteps.runId, runId)));
  return new Map(rows.map((r) => [r.stepId, r.output]));
}

/**
 * Records a finished step and extends the lease, if this worker still owns the run. Returns false
 * when it does not (the step's result is then dropped: the owner will run or has run it).
 */
export async function recordStepOutput(fence: Fence & { stepId: string; output: unknown; now: Date; leaseUntil: Date }): Promise<boolean> {
  return withSystem(async (tx) => {
    const [owned] = await tx
      .update(jobRuns)
      .set({ leaseUntil: fence.leaseUntil, updatedAt: fence.now })
      .where(owns(fence))
      .returning({ id: jobRuns.id });
    if (!owned) return false;
    await tx
      .insert(jobSteps)
      .values({ runId: fence.runId, stepId: fence.stepId, output: fence.output ?? null, completedAt: fence.now })
      .onConflictDoNothing({ target: [jobSteps.runId, jobSteps.stepId] });
    return true;
  });
}

/** Heartbeat: pushes the lease forward while a long step runs. False when the run is no longer ours. */
export async function extendRunLease(fence: Fence & { leaseUntil: Date; now: Date }): Promise<boolean> {
  const rows = await withSystem((tx) =>
    tx.update(jobRuns).set({ leaseUntil: fence.leaseUntil, updatedAt: fence.now }).where(owns(fence)).returning({ id: jobRuns.id }),
  );
  return rows.length > 0;
}

export async function setRunProgress(fence: Fence & { progress: Record<string, unknown>; now: Date }): Promise<boolean> {
  const rows = await withSystem((tx) =>
    tx.update(jobRuns).set({ progress: fence.progress, updatedAt: fence.now }).where(owns(fence)).returning({ id: jobRuns.id }),
  );
  return rows.length > 0;
}

export async function completeRun(fence: Fence & { output: unknown; now: Date }): Promise<boolean> {
  const rows = await withSystem((tx) =>
    tx
      .update(jobRuns)
      .set({ status: "completed", output: fence.output ?? null, error: null, leaseUntil: null, updatedAt: fence.now, finishedAt: fence.now })
      .where(owns(fence))
      .returning({ id: jobRuns.id }),
  );
  return rows.length > 0;
}

/** A failed attempt with attempts left: back to the queue until `runAfter` (the backoff). */
export async function scheduleRunRetry(fence: Fence & { runAfter: Date; error: RunError; now: Date }): Promise<boolean> {
  const rows = await withSystem((tx) =>
    tx
      .update(jobRuns)
      .set({ status: "queued", runAfter: fence.runAfter, leaseUntil: null, error: JSON.stringify(fence.error), updatedAt: fence.now })
      .where(owns(fence))
      .returning({ id: jobRuns.id }),
  );
  return rows.length > 0;
}

/**
 * `step.sleep`: back to the queue until `runAfter` without spending an attempt (the lease will add
 * it back). `attempt` can go down by one here only, so a stale worker's older value never matches a
 * running row again.
 */
export async function scheduleRunWake(fence: Fence & { runAfter: Date; now: Date }): Promise<boolean> {
  const rows = await withSystem((tx) =>
    tx
      .update(jobRuns)
      .set({ status: "queued", runAfter: fence.runAfter, leaseUntil: null, attempt: sql`${jobRuns.attempt} - 1`, updatedAt: fence.now })
      .where(owns(fence))
      .returning({ id: jobRuns.id }),
  );
  return rows.length > 0;
}

/**
 * The last attempt failed: marks the run failed and, in the same transaction, enqueues its failure
 * handler run (idempotent on `failureRun.idempotencyKey`), so onFailure is neither lost nor doubled.
 */
export async function failRun(fence: Fence & { error: RunError; now: Date; failureRun?: NewRun | null }): Promise<boolean> {
  return withSystem(async (tx) => {
    const [failed] = await tx
      .update(jobRuns)
      .set({ status: "failed", leaseUntil: null, error: JSON.stringify(fence.error), updatedAt: fence.now, finishedAt: fence.now })
      .where(owns(fence))
      .returning({ id: jobRuns.id });
    if (!failed) return false;
    const f = fence.failureRun;
    if (f) {
      await tx
        .insert(jobRuns)
        .values({
          functionId: f.functionId,
          eventName: f.eventName,
          eventData: f.eventData,
          userId: f.userId ?? null,
          idempotencyKey: f.idempotencyKey ?? null,
          concurrencyKey: f.concurrencyKey ?? null,
          maxAttempts: f.maxAttempts,
          runAfter: f.runAfter,
          createdAt: f.createdAt,
          updatedAt: f.createdAt,
        })
        .onConflictDoNothing({ target: [jobRuns.functionId, jobRuns.idempotencyKey] });
    }
    return true;
  });
}

/** A run as the system sees it (runner internals, scripts and tests). */
export async function getRun(runId: string): Promise<JobRun | null> {
  if (!isUuid(runId)) return null;
  const [row] = await withSystem((tx) => tx.select().from(jobRuns).where(eq(jobRuns.id, runId)));
  return row ?? null;
}

export async function listRunSteps(runId: string): Promise<{ stepId: string; output: unknown; completedAt: Date }[]> {
  return withSystem((tx) =>
    tx.select({ stepId: jobSteps.stepId, output: jobSteps.output, completedAt: jobSteps.completedAt }).from(jobSteps).where(eq(jobSteps.runId, runId)).orderBy(asc(jobSteps.completedAt), asc(jobSteps.stepId)),
  );
}

/** Deletes finished runs (and, by cascade, their steps) older than the cutoff. Returns how many. */
export async function pruneFinishedRuns(options: { finishedBefore: Date }): Promise<number> {
  const rows = await withSystem((tx) =>
    tx
      .delete(jobRuns)
      .where(and(inArray(jobRuns.status, ["completed", "failed", "cancelled"]), lt(jobRuns.finishedAt, options.finishedBefore)))
      .returning({ id: jobRuns.id }),
  );
  return rows.length;
}

export type QueueSummary = { queued: number; due: number; running: number; staleLeases: number; failed: number };

/** Counts for the heartbeat's report: a growing `due` or any `staleLeases` means workers are not keeping up. */
export async function summarizeRunQueue(options: { now: Date }): Promise<QueueSummary> {
  // Raw SQL fragments get the instant as ISO text: drivers differ in how they bind a bare Date.
  const now = options.now.toISOString();
  const [row] = await withSystem((tx) =>
    tx
      .select({
        queued: count(sql`case when ${jobRuns.status} = 'queued' then 1 end`),
        due: count(sql`case when ${jobRuns.status} = 'queued' and ${jobRuns.runAfter} <= ${now}::timestamptz then 1 end`),
        running: count(sql`case when ${jobRuns.status} = 'running' and ${jobRuns.leaseUntil} >= ${now}::timestamptz then 1 end`),
        staleLeases: count(sql`case when ${jobRuns.status} = 'running' and ${jobRuns.leaseUntil} < ${now}::timestamptz then 1 end`),
        failed: count(sql`case when ${jobRuns.status} = 'failed' then 1 end`),
      })
      .from(jobRuns),
  );
  return row;
}
