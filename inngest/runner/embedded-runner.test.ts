// A run's life under the embedded runner: sending, retries with backoff, failure and onFailure, errors that
// stop or time a retry, sleeps, events sent from a step, and progress only the owner reads.
import { describe, expect, it } from "vitest";
import { NonRetriableError, RetryAfterError } from "inngest";
import { testEngines } from "@/db/testing/test-database";
import * as s from "@/db/schema";
import { withSystem } from "@/db/queries/context";
import { getRun, listRunSteps } from "@/db/queries/jobs";
import { getRunStatus } from "@/db/queries/task-status";
import { AppError } from "@/lib/errors";
import { waitFor } from "@/lib/testing/wait-for";
import { defineWorkflow } from "../define-workflow";
import { GENERIC_RUN_FAILURE } from "./run-errors";
import { createGate, useRunnerTestbed } from "./testing/runner-test-kit";

describe.each(testEngines())("embedded runner: a run from send to outcome on %s", (engine) => {
  const bed = useRunnerTestbed(engine);
  const { runnerFor, daily } = bed;

  it("a send makes one run per listening workflow, and a repeated send returns the same runs", async () => {
    const first = defineWorkflow({ id: "send-probe-a", trigger: { event: "analytics/daily.requested" } }, async () => "a");
    const second = defineWorkflow({ id: "send-probe-b", trigger: { event: "analytics/daily.requested" } }, async () => "b");
    const runner = runnerFor([first, second]);

    const ids = await runner.send("analytics/daily.requested", daily(bed.alice.userId), { idempotencyKey: "daily:alice:2026-03-01" });
    const again = await runner.send("analytics/daily.requested", daily(bed.alice.userId), { idempotencyKey: "daily:alice:2026-03-01" });
    const fresh = await runner.send("analytics/daily.requested", daily(bed.alice.userId));
    expect(ids).toHaveLength(2);
    expect(again).toEqual(ids);
    expect(fresh.filter((id) => ids.includes(id))).toEqual([]);
    expect((await getRun(ids[0]))?.userId).toBe(bed.alice.userId);
    expect(await runner.send("intelligence/week.requested", { userId: bed.alice.userId, weekOf: "2026-03-02", reason: "manual" })).toEqual([]);
    await expect(runner.send("analytics/daily.requested", { userId: "nobody", fromDate: "yesterday" } as never)).rejects.toMatchObject({
      code: "bad_request:events",
      message: 'The "analytics/daily.requested" event is missing or has invalid fields: userId, fromDate, toDate.',
    });

    expect(await runner.runUntilIdle()).toBe(4);
    expect((await getRun(ids[1]))?.output).toBe("b");
  });

  it("retries with exponential backoff, and a finished step never runs again", async () => {
    const calls = { load: 0, compute: 0 };
    const attempts: number[] = [];
    const workflow = defineWorkflow({ id: "retry-probe", trigger: { event: "analytics/daily.requested" }, retries: 3 }, async ({ step, attempt }) => {
      attempts.push(attempt);
      const loaded = await step.run("load", () => {
        calls.load += 1;
        return { readings: 288, at: new Date("2026-03-01T00:00:00Z") };
      });
      const mean = await step.run("compute", () => {
        calls.compute += 1;
        if (calls.compute < 3) throw new Error(`flaky upstream #${calls.compute}`);
        return 142.5;
      });
      return { loaded, mean };
    });
    const runner = runnerFor([workflow]);
    const [runId] = await runner.send("analytics/daily.requested", daily(bed.alice.userId));

    expect(await runner.runUntilIdle()).toBe(1);
    const afterFirst = await getRun(runId);
    expect(afterFirst).toMatchObject({ status: "queued", attempt: 1 });
    expect(afterFirst?.runAfter.toISOString()).toBe(new Date(bed.clock.now().getTime() + 1_000).toISOString());
    expect(await runner.runUntilIdle()).toBe(0); // not due yet
    bed.clock.advance(999);
    expect(await runner.runUntilIdle()).toBe(0);
    bed.clock.advance(1);
    expect(await runner.runUntilIdle()).toBe(1);
    const afterSecond = await getRun(runId);
    expect(afterSecond).toMatchObject({ status: "queued", attempt: 2 });
    expect(afterSecond!.runAfter.getTime() - bed.clock.now().getTime()).toBe(2_000); // doubled
    bed.clock.advance(2_000);
    expect(await runner.runUntilIdle()).toBe(1);

    const done = await getRun(runId);
    expect(done).toMatchObject({ status: "completed", attempt: 3, error: null });
    // JSON, as under Inngest: the Date came back as a string.
    expect(done?.output).toEqual({ loaded: { readings: 288, at: "2026-03-01T00:00:00.000Z" }, mean: 142.5 });
    expect(calls).toEqual({ load: 1, compute: 3 });
    expect(attempts).toEqual([0, 1, 2]);
    expect((await listRunSteps(runId)).map((r) => r.stepId).sort()).toEqual(["compute", "load"]);
  });

  it("after the last attempt the run fails, onFailure runs once, and the owner sees no internals", async () => {
    const failures: unknown[] = [];
    let tries = 0;
    const workflow = defineWorkflow(
      {
        id: "failing-probe",
        trigger: { event: "analytics/daily.requested" },
        retries: 1,
        onFailure: async ({ event, error, failedRunId, step }) => {
          const noted = await step.run("note-failure", () => ({ user: event.data.userId, message: error.message }));
          failures.push({ noted, failedRunId, name: error.name });
        },
      },
      async ({ step }) => {
        await step.run("call-upstream", () => {
          tries += 1;
          throw new Error("upstream rejected patient 42 (glucose 300 mg/dL)");
        });
      },
    );
    const runner = runnerFor([workflow]);
    const [runId] = await runner.send("analytics/daily.requested", daily(bed.alice.userId));
    await runner.runUntilIdle();
    expect((await getRun(runId))?.status).toBe("queued");
    bed.clock.advance(1_000);
    await runner.runUntilIdle();

    expect(tries).toBe(2);
    const status = await getRunStatus(bed.alice, runId);
    expect(status).toMatchObject({ status: "failed", attempt: 2, maxAttempts: 2, error: GENERIC_RUN_FAILURE });
    expect(JSON.stringify(status)).not.toContain("glucose");
    expect(failures).toEqual([
      { noted: { user: bed.alice.userId, message: "upstream rejected patient 42 (glucose 300 mg/dL)" }, failedRunId: runId, name: "Error" },
    ]);
    // The failure handler is a durable run of its own, keyed on the failed run: never twice.
    bed.clock.advance(60_000);
    expect(await runner.runUntilIdle()).toBe(0);
    expect(failures).toHaveLength(1);
    const failureRun = await withSystem((tx) => tx.select().from(s.jobRuns)).then((rows) => rows.find((r) => r.idempotencyKey === `failure:${runId}`));
    expect(failureRun).toMatchObject({ functionId: "failing-probe-failure", status: "completed", userId: bed.alice.userId });
  });

  it("NonRetriableError fails at once, RetryAfterError picks the retry time, an AppError's message reaches the owner", async () => {
    let retryAfterCalls = 0;
    const fatal = defineWorkflow({ id: "fatal-probe", trigger: { event: "analytics/daily.requested" }, retries: 5 }, async () => {
      throw new NonRetriableError("the file is not an export we know");
    });
    const later = defineWorkflow({ id: "later-probe", trigger: { event: "analytics/daily.requested" }, retries: 5 }, async () => {
      retryAfterCalls += 1;
      if (retryAfterCalls === 1) throw new RetryAfterError("rate limited", 30_000);
      return "ok";
    });
    const known = defineWorkflow({ id: "known-probe", trigger: { event: "analytics/daily.requested" }, retries: 0 }, async () => {
      throw new AppError("conflict:import", "This file was already imported.");
    });
    const runner = runnerFor([fatal, later, known]);
    const [fatalId, laterId, knownId] = await runner.send("analytics/daily.requested", daily(bed.alice.userId));
    await runner.runUntilIdle();
    expect(await getRunStatus(bed.alice, fatalId)).toMatchObject({ status: "failed", attempt: 1, error: GENERIC_RUN_FAILURE });
    expect(await getRunStatus(bed.alice, knownId)).toMatchObject({ status: "failed", attempt: 1, error: "This file was already imported." });
    const waiting = await getRun(laterId);
    expect(waiting?.status).toBe("queued");
    expect(waiting!.runAfter.getTime() - bed.clock.now().getTime()).toBe(30_000);
    bed.clock.advance(30_000);
    await runner.runUntilIdle();
    expect(await getRun(laterId)).toMatchObject({ status: "completed", output: "ok", attempt: 2 });
  });

  it("step.sleep re-queues the run without holding a worker or spending an attempt", async () => {
    const calls = { before: 0, after: 0 };
    const workflow = defineWorkflow({ id: "sleep-probe", trigger: { event: "analytics/daily.requested" }, retries: 0 }, async ({ step }) => {
      await step.run("before", () => ++calls.before);
      await step.sleep("wait-an-hour", "1h");
      return step.run("after", () => ++calls.after);
    });
    const runner = runnerFor([workflow]);
    const [runId] = await runner.send("analytics/daily.requested", daily(bed.alice.userId));
    await runner.runUntilIdle();
    const sleeping = await getRun(runId);
    expect(sleeping).toMatchObject({ status: "queued", attempt: 0, leaseUntil: null });
    expect(sleeping!.runAfter.getTime() - bed.clock.now().getTime()).toBe(3_600_000);
    bed.clock.advance(3_599_999);
    expect(await runner.runUntilIdle()).toBe(0);
    bed.clock.advance(1);
    await runner.runUntilIdle();
    // retries: 0 means one attempt; the sleep did not use it up.
    expect(await getRun(runId)).toMatchObject({ status: "completed", attempt: 1, output: 1 });
    expect(calls).toEqual({ before: 1, after: 1 });
  });

  it("step.sendEvent starts the listening workflow once, even when the sender is retried", async () => {
    const heard: string[] = [];
    let flaky = 0;
    const sender = defineWorkflow({ id: "sender-probe", trigger: { event: "ingest/file.uploaded" }, retries: 2 }, async ({ event, step }) => {
      const sent = await step.sendEvent("ask-for-brief", [
        { name: "intelligence/week.requested", data: { userId: event.data.userId, weekOf: "2026-03-02", reason: "manual" } },
        { name: "intelligence/week.requested", data: { userId: event.data.userId, weekOf: "2026-02-23", reason: "manual" }, id: "weekly:explicit" },
      ]);
      await step.run("flaky", () => {
        if (++flaky === 1) throw new Error("flaky");
      });
      return sent;
    });
    const listener = defineWorkflow({ id: "listener-probe", trigger: { event: "intelligence/week.requested" } }, async ({ event }) => {
      heard.push(event.data.weekOf);
      return event.data.weekOf;
    });
    const runner = runnerFor([sender, listener]);
    const [senderId] = await runner.send("ingest/file.uploaded", { userId: bed.bob.userId, storagePath: "uploads/x.zip", fileName: "export.zip", sizeBytes: 1024 });
    await runner.runUntilIdle();
    bed.clock.advance(1_000);
    await runner.runUntilIdle();

    expect(await getRun(senderId)).toMatchObject({ status: "completed", attempt: 2 });
    expect(heard.sort()).toEqual(["2026-02-23", "2026-03-02"]);
    const { ids } = (await getRun(senderId))!.output as { ids: string[] };
    const keys = await Promise.all(ids.map(async (id) => (await getRun(id))!.idempotencyKey));
    expect(keys).toEqual([`${senderId}:ask-for-brief:0`, "weekly:explicit"]);
    await expect(
      runnerFor([sender]).send("ingest/file.uploaded", { userId: bed.bob.userId, storagePath: "", fileName: "x", sizeBytes: -1 }),
    ).rejects.toBeInstanceOf(AppError);
  });

  it("progress is readable by the owner while the run works, and by nobody else", async () => {
    const gate = createGate();
    const workflow = defineWorkflow({ id: "progress-probe", trigger: { event: "ingest/file.uploaded" } }, async ({ step }) => {
      await step.progress({ stage: "parsing", done: 1, total: 2 });
      await step.run("parse", () => gate.opened.then(() => "parsed"));
      await step.progress({ stage: "done", done: 2, total: 2 });
      return { rows: 288 };
    });
    const runner = runnerFor([workflow]);
    const [runId] = await runner.send("ingest/file.uploaded", { userId: bed.alice.userId, storagePath: "uploads/a.csv", fileName: "a.csv", sizeBytes: 10 });
    const working = runner.runUntilIdle();
    const midway = await waitFor(async () => {
      const status = await getRunStatus(bed.alice, runId);
      return status?.progress ? status : null;
    }, "progress to show");
    expect(midway).toMatchObject({ status: "running", attempt: 1, progress: { stage: "parsing", done: 1, total: 2 }, output: null });
    expect(await getRunStatus(bed.bob, runId)).toBeNull();
    gate.open();
    await working;
    expect(await getRunStatus(bed.alice, runId)).toMatchObject({ status: "completed", progress: { stage: "done", done: 2, total: 2 }, output: { rows: 288 } });
  });
});
