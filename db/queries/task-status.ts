import { and, eq } from "drizzle-orm";
import { jobRuns } from "@/db/schema";
import { isUuid, withViewer, type Viewer } from "./context";
import { findInngestTaskForOwner } from "./inngest-tasks";
import type { JobStatus, RunError } from "./jobs";

/**
 * What a person may read about their own background task, whichever engine ran it: a job_runs row
 * (embedded runner) or an inngest_tasks row (Inngest). Both are our database's record.
 */

/** What the task-status API may show the run's owner. */
export type RunStatus = {
  id: string;
  functionId: string;
  status: JobStatus;
  /** Attempts started so far (1 during the first attempt). */
  attempt: number;
  maxAttempts: number;
  progress: Record<string, unknown> | null;
  output: unknown;
  /** A sentence safe to show (an AppError's message, or a generic one); never a stack or raw cause. */
  error: string | null;
  /** When a queued run (new, retrying or sleeping) will start again. */
  nextAttemptAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  finishedAt: Date | null;
};

/**
 * A task's status for its owner, or null when it does not exist or belongs to someone else (RLS on
 * user_id filters it; the WHERE on user_id says the same thing a second time). A task id is a
 * job_runs id (embedded runner) or an inngest_tasks id (Inngest): both are our database's record.
 */
export async function getRunStatus(viewer: Viewer, runId: string): Promise<RunStatus | null> {
  if (!isUuid(runId)) return null;
  const [row] = await withViewer(viewer, (tx) =>
    tx.select().from(jobRuns).where(and(eq(jobRuns.id, runId), eq(jobRuns.userId, viewer.userId))),
  );
  if (row) {
    const error = row.error ? readRunError(row.error).publicMessage : null;
    return toRunStatus({ ...row, error, nextAttemptAt: row.status === "queued" ? row.runAfter : null });
  }
  // Inngest keeps its own schedule, so no next attempt is known for its tasks; their error is already the public sentence.
  const task = await findInngestTaskForOwner(viewer, runId);
  return task ? toRunStatus({ ...task, nextAttemptAt: null }) : null;
}

/** One mapping for both records: exactly these fields, never the row's others (event data, lease, owner). */
function toRunStatus(r: RunStatus): RunStatus {
  return {
    id: r.id, functionId: r.functionId, status: r.status, attempt: r.attempt, maxAttempts: r.maxAttempts,
    progress: r.progress ?? null, output: r.output ?? null, error: r.error, nextAttemptAt: r.nextAttemptAt,
    createdAt: r.createdAt, updatedAt: r.updatedAt, finishedAt: r.finishedAt,
  };
}

/** What a person may read about a failure that is not an AppError (whose message is written for people). */
export const GENERIC_RUN_FAILURE = "The task could not be completed. Please try again later.";

/** Reads job_runs.error (JSON written by the runner); anything else reads as a generic failure. */
export function readRunError(stored: string): RunError {
  try {
    const parsed = JSON.parse(stored) as Partial<RunError>;
    if (typeof parsed?.publicMessage === "string") {
      return { name: String(parsed.name ?? "Error"), message: String(parsed.message ?? ""), code: parsed.code, publicMessage: parsed.publicMessage };
    }
  } catch {
    /* not JSON: fall through */
  }
  return { name: "Error", message: stored, publicMessage: GENERIC_RUN_FAILURE };
}
