import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { InngestTestEngine, mockCtx } from "@inngest/test";
import { StepError } from "inngest";
import { errors } from "inngest/internals";
import { openTestDatabase, testEngines } from "@/db/testing/test-database";
import type { DatabaseHandle } from "@/db/client";
import * as s from "@/db/schema";
import { withSystem, type Viewer } from "@/db/queries/context";
import { completeInngestTask, createInngestTasks, getInngestTask, pruneInngestTasks } from "@/db/queries/inngest-tasks";
import { getRunStatus } from "@/db/queries/task-status";
import { AppError } from "@/lib/errors";
import { inngest } from "./client";
import { defineWorkflow, FAILURE_EVENT_NAME, type Workflow } from "./define-workflow";
import { GENERIC_RUN_FAILURE } from "./runner/run-errors";

// A workflow under Inngest's own test engine, with the database real: the adapter keeps the task
// that sendEvent created (inngest_tasks) in step with the run, matched by (event id, workflow id).

type AnyEvent = { id: string; name: string; data: Record<string, unknown> };

/** @inngest/test cannot run an onFailure handler: run it as its own function, with the error Inngest would hand it. */
async function runOnFailure(workflow: Workflow, failed: AnyEvent, thrown: unknown) {
  const onFailure = (workflow.inngestFunction as unknown as { opts: { onFailure: (ctx: unknown) => Promise<unknown> } }).opts.onFailure;
  const failureFunction = inngest.createFunction({ id: `${workflow.id}-failure`, triggers: [{ event: FAILURE_EVENT_NAME }] }, onFailure as never);
  const error = errors.serializeError(thrown);
  const engine = new InngestTestEngine({
    function: failureFunction,
    transformCtx: (ctx) => ({ ...mockCtx(ctx), error: errors.deserializeError(error) }) as never,
  });
  return engine.execute({
    events: [{ name: FAILURE_EVENT_NAME, data: { event: failed, error, function_id: `proxima-${workflow.id}`, run_id: "01JFAILEDRUN" } }] as never,
  });
}

describe.each(testEngines())("task status of Inngest runs on %s", (engine) => {
  let handle: DatabaseHandle;
  let alice: Viewer, bob: Viewer;
  const userOnFailure = vi.fn(async () => "cleaned up");

  const probe = defineWorkflow({ id: "task-probe", trigger: { event: "analytics/daily.requested" }, retries: 1 }, async ({ event, step }) => {
    await step.progress({ phase: "counting" });
    const days = await step.run("count-days", () => (Date.parse(event.data.toDate) - Date.parse(event.data.fromDate)) / 86_400_000 + 1);
    await step.progress({ phase: "done", days });
    return { days };
  });
  const failing = defineWorkflow(
    { id: "task-failing-probe", trigger: { event: "analytics/daily.requested" }, retries: 0, onFailure: userOnFailure },
    async ({ event, step }) =>
      step.run("load", () => {
        if (event.data.fromDate === "2026-01-01") throw new AppError("bad_request:probe", "This export has no readings in it.");
        throw new Error('relation "secret_table" does not exist');
      }),
  );

  async function newTask(viewer: Viewer, eventId: string, functionId: string) {
    const [task] = await createInngestTasks([{ eventId, functionId, eventName: "analytics/daily.requested", userId: viewer.userId, maxAttempts: 2, now: new Date() }]);
    return task.id;
  }
  const eventFor = (viewer: Viewer, id: string, fromDate = "2026-03-01"): AnyEvent => ({
    id,
    name: "analytics/daily.requested",
    data: { userId: viewer.userId, fromDate, toDate: "2026-03-07" },
  });

  beforeAll(async () => {
    handle = await openTestDatabase(engine);
    const [a, b] = await withSystem((tx) => tx.insert(s.users).values([{ email: "a@example.com" }, { email: "b@example.com" }]).returning({ id: s.users.id }));
    alice = { userId: a.id, role: "patient" };
    bob = { userId: b.id, role: "patient" };
  });
  afterAll(async () => {
    await handle?.close();
  });

  it("a run marks its task running, stores its progress and completes it with the output; only the owner reads it", async () => {
    const taskId = await newTask(alice, "01JEVENT-OK", probe.id);
    const event = eventFor(alice, "01JEVENT-OK");

    // The first request stops at the new step: the task runs and shows the progress reported so far.
    const first = new InngestTestEngine({ function: probe.inngestFunction });
    const started = await first.executeStep("count-days", { events: [event] as never });
    expect(started.result).toBe(7);
    expect(await getRunStatus(alice, taskId)).toMatchObject({ status: "running", attempt: 1, progress: { phase: "counting" }, output: null, finishedAt: null });

    const { result } = await new InngestTestEngine({ function: probe.inngestFunction }).execute({ events: [event] as never, steps: [{ id: "count-days", handler: () => 7 }] });
    expect(result).toEqual({ days: 7 });
    const done = await getRunStatus(alice, taskId);
    expect(done).toMatchObject({ id: taskId, functionId: "task-probe", status: "completed", attempt: 1, maxAttempts: 2, progress: { phase: "done", days: 7 }, output: { days: 7 }, error: null, nextAttemptAt: null });
    expect(done!.finishedAt).toBeInstanceOf(Date);
    // Another person gets what a missing task gets.
    expect(await getRunStatus(bob, taskId)).toBeNull();
    expect(await getRunStatus(alice, "7b0c1d2e-3f40-4a5b-8c6d-7e8f90a1b2c3")).toBeNull();

    // A late replay of the whole run moves nothing back: no "running", no earlier progress.
    await new InngestTestEngine({ function: probe.inngestFunction }).execute({ events: [event] as never, steps: [{ id: "count-days", handler: () => 7 }] });
    expect(await getInngestTask({ eventId: "01JEVENT-OK", functionId: "task-probe" })).toMatchObject({ status: "completed", progress: { phase: "done", days: 7 }, progressSeq: 2 });
  });

  it("a replay repeats earlier progress reports without storing them; a later report is stored", async () => {
    const taskId = await newTask(alice, "01JEVENT-REPLAY", probe.id);
    const event = eventFor(alice, "01JEVENT-REPLAY");
    await new InngestTestEngine({ function: probe.inngestFunction }).executeStep("count-days", { events: [event] as never });
    await withSystem((tx) => tx.update(s.inngestTasks).set({ progress: { phase: "later" }, progressSeq: 1 }).where(eq(s.inngestTasks.id, taskId)));
    // The replay reports { phase: "counting" } again (report 1): the stored report 1 stays.
    await new InngestTestEngine({ function: probe.inngestFunction }).executeStep("count-days", { events: [event] as never });
    expect(await getRunStatus(alice, taskId)).toMatchObject({ status: "running", progress: { phase: "later" } });
  });

  it("onFailure stores only the public sentence: an AppError's message, or the generic one", async () => {
    const appTask = await newTask(alice, "01JEVENT-APP", failing.id);
    const appEvent = eventFor(alice, "01JEVENT-APP", "2026-01-01");
    const run = await new InngestTestEngine({ function: failing.inngestFunction }).execute({ events: [appEvent] as never });
    expect(run.error).toBeDefined();
    expect(await getRunStatus(alice, appTask)).toMatchObject({ status: "running" });
    // Inngest hands onFailure the error the run ended with: a failed step arrives as a StepError (no code).
    await runOnFailure(failing, appEvent, run.error);
    expect(await getRunStatus(alice, appTask)).toMatchObject({ status: "failed", error: "This export has no readings in it.", output: null });
    expect(userOnFailure).toHaveBeenCalledTimes(1);
    expect(userOnFailure).toHaveBeenCalledWith(expect.objectContaining({ event: appEvent, error: { name: "AppError", message: "This export has no readings in it." }, failedRunId: "01JFAILEDRUN" }));

    const internalTask = await newTask(alice, "01JEVENT-INTERNAL", failing.id);
    const internalEvent = eventFor(alice, "01JEVENT-INTERNAL");
    const internal = await new InngestTestEngine({ function: failing.inngestFunction }).execute({ events: [internalEvent] as never });
    await runOnFailure(failing, internalEvent, internal.error);
    const failed = await getRunStatus(alice, internalTask);
    expect(failed).toMatchObject({ status: "failed", error: GENERIC_RUN_FAILURE });
    expect(JSON.stringify(failed)).not.toContain("secret_table");
    expect(userOnFailure).toHaveBeenCalledTimes(2);
    expect(await getRunStatus(bob, internalTask)).toBeNull();

    // What a step's final failure looks like when the handler lets it escape: a StepError, name and message only.
    const stepTask = await newTask(alice, "01JEVENT-STEP", failing.id);
    await runOnFailure(failing, eventFor(alice, "01JEVENT-STEP"), new StepError("load", errors.serializeError(new AppError("bad_request:probe", "This export is empty."))));
    expect(await getRunStatus(alice, stepTask)).toMatchObject({ status: "failed", error: "This export is empty." });

    // An AppError thrown outside any step keeps its code through Inngest: a 5xx-coded one is still ours.
    const thrownTask = await newTask(alice, "01JEVENT-THROWN", failing.id);
    await runOnFailure(failing, eventFor(alice, "01JEVENT-THROWN"), new AppError("unavailable:ai", "The writing service is busy. Please try again later."));
    expect(await getRunStatus(alice, thrownTask)).toMatchObject({ status: "failed", error: "The writing service is busy. Please try again later." });
  });

  it("a workflow without its own onFailure still records the failure under Inngest", async () => {
    const taskId = await newTask(bob, "01JEVENT-NOHANDLER", probe.id);
    const event = eventFor(bob, "01JEVENT-NOHANDLER");
    await runOnFailure(probe, event, new Error("connect ECONNREFUSED 10.0.0.7:5432"));
    expect(await getRunStatus(bob, taskId)).toMatchObject({ status: "failed", error: GENERIC_RUN_FAILURE });
    // A finished task stays finished: a late success (or replay) does not overwrite the failure.
    await new InngestTestEngine({ function: probe.inngestFunction }).execute({ events: [event] as never, steps: [{ id: "count-days", handler: () => 7 }] });
    expect(await getRunStatus(bob, taskId)).toMatchObject({ status: "failed", output: null });
  });

  it("pruning deletes tasks finished before the cutoff and tasks untouched since it, and keeps the rest", async () => {
    const at = (iso: string) => new Date(iso);
    const make = async (eventId: string, created: string) =>
      (await createInngestTasks([{ eventId, functionId: "prune-probe", eventName: "analytics/daily.requested", userId: alice.userId, maxAttempts: 1, now: at(created) }]))[0].id;
    const oldFinished = await make("prune-old-finished", "2026-01-01T00:00:00Z");
    await completeInngestTask({ eventId: "prune-old-finished", functionId: "prune-probe", output: { days: 7 }, now: at("2026-01-02T00:00:00Z") });
    const recentFinished = await make("prune-recent-finished", "2026-01-01T00:00:00Z");
    await completeInngestTask({ eventId: "prune-recent-finished", functionId: "prune-probe", output: { days: 7 }, now: at("2026-02-20T00:00:00Z") });
    const abandoned = await make("prune-abandoned", "2026-01-05T00:00:00Z");
    const waiting = await make("prune-waiting", "2026-02-25T00:00:00Z");

    expect(await pruneInngestTasks({ before: at("2026-02-01T00:00:00Z") })).toBe(2);
    const left = await withSystem((tx) => tx.select({ id: s.inngestTasks.id }).from(s.inngestTasks).where(eq(s.inngestTasks.functionId, "prune-probe")));
    expect(left.map((r) => r.id).sort()).toEqual([recentFinished, waiting].sort());
    expect([oldFinished, abandoned].some((id) => left.some((r) => r.id === id))).toBe(false);
    expect(await pruneInngestTasks({ before: at("2026-02-01T00:00:00Z") })).toBe(0);
  });
});
