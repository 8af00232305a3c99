import { pruneFinishedRuns, summarizeRunQueue } from "@/db/queries/jobs";
import { pruneInngestTasks } from "@/db/queries/inngest-tasks";
import { pruneExpiredLimits } from "@/db/queries/rate-limit";
import { defineWorkflow } from "../define-workflow";

/** Finished runs (and their step results) are kept this long for status pages and debugging. */
export const FINISHED_RUN_RETENTION_DAYS = 30;

/**
 * Hourly housekeeping of the task tables: prunes finished runs older than 30 days (job_runs can hold
 * health-derived outputs: keep no more than needed), the same for Inngest's task rows (and those
 * untouched for 30 days, whose event never ran), deletes rate-limit counters whose window is over,
 * and reports the embedded queue's health. Times come
 * from the schedule tick (`event.ts`), not the clock, so a retry prunes the same window.
 */
export const systemHeartbeat = defineWorkflow(
  {
    id: "system-heartbeat",
    name: "System heartbeat: prune finished runs, report the queue",
    // Minute 7, not 0: away from the top of the hour, when other schedules fire.
    trigger: { cron: "TZ=UTC 7 * * * *" },
    retries: 2,
  },
  async ({ event, step }) => {
    const tick = new Date(event.ts);
    const finishedBefore = new Date(tick.getTime() - FINISHED_RUN_RETENTION_DAYS * 86_400_000);
    const pruned = await step.run("prune-finished-runs", () => pruneFinishedRuns({ finishedBefore }));
    const prunedTasks = await step.run("prune-inngest-tasks", () => pruneInngestTasks({ before: finishedBefore }));
    const expiredLimits = await step.run("prune-rate-limits", () => pruneExpiredLimits(tick));
    const queue = await step.run("summarize-queue", () => summarizeRunQueue({ now: tick }));
    return { pruned, prunedTasks, expiredLimits, finishedBefore: finishedBefore.toISOString(), queue };
  },
);
