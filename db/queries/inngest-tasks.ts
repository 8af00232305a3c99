import { and, eq, inArray, isNotNull, isNull, lt, or } from "drizzle-orm";
import { inngestTasks } from "@/db/schema";
import { withSystem, withViewer, type Viewer } from "./context";

/**
 * The task-status record of runs Inngest executes (DESIGN decision 6): `sendEvent` creates one row
 * per triggered workflow, the Inngest adapter moves it along. Inngest replays a handler from the top
 * on every step and retries failed attempts, so every write here is an UPDATE keyed by
 * (event_id, function_id) whose WHERE makes a repeated call change nothing: a replay can never move
 * a finished task back, nor progress backwards.
 */

export type TaskKey = { eventId: string; functionId: string };
export type NewInngestTask = TaskKey & { userId: string; eventName: string; maxAttempts: number; now: Date };

const UNFINISHED = ["queued", "running"] as const;
const byKey = ({ eventId, functionId }: TaskKey) => and(eq(inngestTasks.eventId, eventId), eq(inngestTasks.functionId, functionId));

/**
 * Creates the tasks of one event before it is sent, in order. A repeated send of the same event
 * (same idempotency key, so the same event id) returns the existing tasks with `created: false`.
 */
export async function createInngestTasks(tasks: NewInngestTask[]): Promise<{ id: string; created: boolean }[]> {
  if (tasks.length === 0) return [];
  return withSystem(async (tx) => {
    const inserted = await tx
      .insert(inngestTasks)
      .values(
        tasks.map((t) => ({
          userId: t.userId,
          functionId: t.functionId,
          eventName: t.eventName,
          eventId: t.eventId,
          maxAttempts: t.maxAttempts,
          createdAt: t.now,
          updatedAt: t.now,
        })),
      )
      .onConflictDoNothing({ target: [inngestTasks.eventId, inngestTasks.functionId] })
      .returning({ id: inngestTasks.id });
    const created = new Set(inserted.map((r) => r.id));
    const rows = await tx
      .select({ id: inngestTasks.id, eventId: inngestTasks.eventId, functionId: inngestTasks.functionId })
      .from(inngestTasks)
      .where(and(inArray(inngestTasks.eventId, tasks.map((t) => t.eventId)), inArray(inngestTasks.functionId, tasks.map((t) => t.functionId))));
    const idOf = new Map(rows.map((r) => [`${r.eventId}\u0000${r.functionId}`, r.id]));
    return tasks.map((t) => {
      const id = idOf.get(`${t.eventId}\u0000${t.functionId}`)!;
      return { id, created: created.has(id) };
    });
  });
}

/** Removes tasks whose event never reached Inngest (the send failed), so no task waits forever. */
export async function deleteInngestTasks(ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await withSystem((tx) => tx.delete(inngestTasks).where(and(inArray(inngestTasks.id, ids), eq(inngestTasks.status, "queued"))));
}

/**
 * Deletes tasks finished before the cutoff, and tasks nothing has touched since it (an event Inngest
 * never ran): their status is no longer worth keeping, and outputs can hold health figures. Returns how many.
 */
export async function pruneInngestTasks(options: { before: Date }): Promise<number> {
  const rows = await withSystem((tx) =>
    tx
      .delete(inngestTasks)
      .where(
        or(
          and(isNotNull(inngestTasks.finishedAt), lt(inngestTasks.finishedAt, options.before)),
          and(isNull(inngestTasks.finishedAt), lt(inngestTasks.updatedAt, options.before)),
        ),
      )
      .returning({ id: inngestTasks.id }),
  );
  return rows.length;
}

/** An attempt started (`attempt` counts from 1). A replay of the same attempt writes nothing. */
export async function markInngestTaskRunning(key: TaskKey & { attempt: number; now: Date }): Promise<void> {
  await withSystem((tx) =>
    tx
      .update(inngestTasks)
      .set({ status: "running", attempt: key.attempt, updatedAt: key.now })
      .where(and(byKey(key), inArray(inngestTasks.status, [...UNFINISHED]), lt(inngestTasks.attempt, key.attempt))),
  );
}

/**
 * Stores the `seq`-th progress report of the handler (1-based, in call order). Reports a replay
 * repeats (seq not above the stored one) and reports after the task finished write nothing.
 */
export async function setInngestTaskProgress(key: TaskKey & { seq: number; progress: Record<string, unknown>; now: Date }): Promise<void> {
  await withSystem((tx) =>
    tx
      .update(inngestTasks)
      .set({ progress: key.progress, progressSeq: key.seq, updatedAt: key.now })
      .where(and(byKey(key), inArray(inngestTasks.status, [...UNFINISHED]), lt(inngestTasks.progressSeq, key.seq))),
  );
}

export async function completeInngestTask(key: TaskKey & { output: unknown; now: Date }): Promise<void> {
  await withSystem((tx) =>
    tx
      .update(inngestTasks)
      .set({ status: "completed", output: key.output ?? null, error: null, updatedAt: key.now, finishedAt: key.now })
      .where(and(byKey(key), inArray(inngestTasks.status, [...UNFINISHED]))),
  );
}

/** The last attempt failed. `publicMessage` is the only thing stored: it is what the owner reads. */
export async function failInngestTask(key: TaskKey & { publicMessage: string; now: Date }): Promise<void> {
  await withSystem((tx) =>
    tx
      .update(inngestTasks)
      .set({ status: "failed", error: key.publicMessage, updatedAt: key.now, finishedAt: key.now })
      .where(and(byKey(key), inArray(inngestTasks.status, [...UNFINISHED]))),
  );
}

export type InngestTask = typeof inngestTasks.$inferSelect;

/**
 * A task for its owner, or null when it does not exist or belongs to someone else (RLS on
 * inngest_tasks.user_id filters it; the WHERE says it a second time). `id` must be a uuid.
 */
export async function findInngestTaskForOwner(viewer: Viewer, id: string): Promise<InngestTask | null> {
  const [row] = await withViewer(viewer, (tx) =>
    tx.select().from(inngestTasks).where(and(eq(inngestTasks.id, id), eq(inngestTasks.userId, viewer.userId))),
  );
  return row ?? null;
}

/** A task as the system sees it (tests and scripts). */
export async function getInngestTask(key: TaskKey): Promise<InngestTask | null> {
  const [row] = await withSystem((tx) => tx.select().from(inngestTasks).where(byKey(key)));
  return row ?? null;
}
