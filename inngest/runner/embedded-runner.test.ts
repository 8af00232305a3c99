import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { NonRetriableError, RetryAfterError } from "inngest";
import { openTestDatabase, testEngines } from "@/db/testing/test-database";
import type { DatabaseHandle } from "@/db/client";
import * as s from "@/db/schema";
import { withSystem, type Viewer } from "@/db/queries/context";
import { enqueueRun, getRun, leaseNextRun, listRunSteps, recordStepOutput } from "@/db/queries/jobs";
import { getRunStatus } from "@/db/queries/task-status";
import { AppError } from "@/lib/errors";
import { defineWorkflow } from "../define-workflow";
import { systemHeartbeat } from "../functions/system-heartbeat";
import { weeklyBriefFanOut } from "../functions/weekly-brief-fan-out";
import { EmbeddedRunner, type EmbeddedRunnerOptions } from "./embedded-runner";
import { GENERIC_RUN_FAILURE } from "./run-errors";
import { createFakeClock, createGate, createMemoryLogger } from "./testing/runner-test-kit";
import { waitFor } from "@/lib/testing/wait-for";

const T0 = new Date("2026-03-02T09:00:00.000Z"); // a Monday
const BACKOFF = { baseMs: 1_000, factor: 2, maxMs: 60_000 };

describe.each(testEngines())("embedded runner on %s", (engine) => {
  let handle: DatabaseHandle;
  let alice: Viewer, bob: Viewer;
  let clock: ReturnType<typeof createFakeClock>;

  function runnerFor(workflows: EmbeddedRunnerOptions["workflows"], options: Partial<EmbeddedRunnerOptions> = {}) {
    return new EmbeddedRunner({ workflows, clock: clock.now, backoff: BACKOFF, leaseMs: 30_000, logger: createMemoryLogger(), ...options });
  }
  const daily = (userId: string, tag = "2026-03-01") => ({ userId, fromDate: tag, toDate: tag });

  beforeAll(async () => {
    handle = await openTestDatabase(engine);
    const [a, b] = await withSystem((tx) =>
      tx
        .insert(s.users)
        .values([{ email: "alice@example.com" }, { email: "bob@example.com" }, { email: "mentor@example.com", role: "mentor" }])
        .returning({ id: s.users.id }),
    );
    alice = { userId: a.id, role: "patient" };
    bob = { userId: b.id, role: "patient" };
    clock = createFakeClock(T0);
  });
  afterAll(async () => handle?.close());

  it("a send makes one run per listening workflow, and a repeated send returns the same runs", async () => {
    const first = defineWorkflow({ id: "send-probe-a", trigger: { event: "analytics/daily.requested" } }, async () => "a");
    const second = defineWorkflow({ id: "send-probe-b", trigger: { event: "analytics/daily.requested" } }, async () => "b");
    const runner = runnerFor([first, second]);

    const ids = await runner.send("analytics/daily.requested", daily(alice.userId), { idempotencyKey: "daily:alice:2026-03-01" });
    const again = await runner.send("analytics/daily.requested", daily(alice.userId), { idempotencyKey: "daily:alice:2026-03-01" });
    const fresh = await runner.send("analytics/daily.requested", daily(alice.userId));
    expect(ids).toHaveLength(2);
    expect(again).toEqual(ids);
    expect(fresh.filter((id) => ids.includes(id))).toEqual([]);
    expect((await getRun(ids[0]))?.userId).toBe(alice.userId);
    expect(await runner.send("intelligence/week.requested", { userId: alice.userId, weekOf: "2026-03-02", reason: "manual" })).toEqual([]);
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
    const [runId] = await runner.send("analytics/daily.requested", daily(alice.userId));

    expect(await runner.runUntilIdle()).toBe(1);
    const afterFirst = await getRun(runId);
    expect(afterFirst).toMatchObject({ status: "queued", attempt: 1 });
    expect(afterFirst?.runAfter.toISOString()).toBe(new Date(clock.now().getTime() + 1_000).toISOString());
    expect(await runner.runUntilIdle()).toBe(0); // not due yet
    clock.advance(999);
    expect(await runner.runUntilIdle()).toBe(0);
    clock.advance(1);
    expect(await runner.runUntilIdle()).toBe(1);
    const afterSecond = await getRun(runId);
    expect(afterSecond).toMatchObject({ status: "queued", attempt: 2 });
    expect(afterSecond!.runAfter.getTime() - clock.now().getTime()).toBe(2_000); // doubled
    clock.advance(2_000);
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
    const [runId] = await runner.send("analytics/daily.requested", daily(alice.userId));
    await runner.runUntilIdle();
    expect((await getRun(runId))?.status).toBe("queued");
    clock.advance(1_000);
    await runner.runUntilIdle();

    expect(tries).toBe(2);
    const status = await getRunStatus(alice, runId);
    expect(status).toMatchObject({ status: "failed", attempt: 2, maxAttempts: 2, error: GENERIC_RUN_FAILURE });
    expect(JSON.stringify(status)).not.toContain("glucose");
    expect(failures).toEqual([
      { noted: { user: alice.userId, message: "upstream rejected patient 42 (glucose 300 mg/dL)" }, failedRunId: runId, name: "Error" },
    ]);
    // The failure handler is a durable run of its own, keyed on the failed run: never twice.
    clock.advance(60_000);
    expect(await runner.runUntilIdle()).toBe(0);
    expect(failures).toHaveLength(1);
    const failureRun = await withSystem((tx) => tx.select().from(s.jobRuns)).then((rows) => rows.find((r) => r.idempotencyKey === `failure:${runId}`));
    expect(failureRun).toMatchObject({ functionId: "failing-probe-failure", status: "completed", userId: alice.userId });
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
    const [fatalId, laterId, knownId] = await runner.send("analytics/daily.requested", daily(alice.userId));
    await runner.runUntilIdle();
    expect(await getRunStatus(alice, fatalId)).toMatchObject({ status: "failed", attempt: 1, error: GENERIC_RUN_FAILURE });
    expect(await getRunStatus(alice, knownId)).toMatchObject({ status: "failed", attempt: 1, error: "This file was already imported." });
    const waiting = await getRun(laterId);
    expect(waiting?.status).toBe("queued");
    expect(waiting!.runAfter.getTime() - clock.now().getTime()).toBe(30_000);
    clock.advance(30_000);
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
    const [runId] = await runner.send("analytics/daily.requested", daily(alice.userId));
    await runner.runUntilIdle();
    const sleeping = await getRun(runId);
    expect(sleeping).toMatchObject({ status: "queued", attempt: 0, leaseUntil: null });
    expect(sleeping!.runAfter.getTime() - clock.now().getTime()).toBe(3_600_000);
    clock.advance(3_599_999);
    expect(await runner.runUntilIdle()).toBe(0);
    clock.advance(1);
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
    const [senderId] = await runner.send("ingest/file.uploaded", { userId: bob.userId, storagePath: "uploads/x.zip", fileName: "export.zip", sizeBytes: 1024 });
    await runner.runUntilIdle();
    clock.advance(1_000);
    await runner.runUntilIdle();

    expect(await getRun(senderId)).toMatchObject({ status: "completed", attempt: 2 });
    expect(heard.sort()).toEqual(["2026-02-23", "2026-03-02"]);
    const { ids } = (await getRun(senderId))!.output as { ids: string[] };
    const keys = await Promise.all(ids.map(async (id) => (await getRun(id))!.idempotencyKey));
    expect(keys).toEqual([`${senderId}:ask-for-brief:0`, "weekly:explicit"]);
    await expect(
      runnerFor([sender]).send("ingest/file.uploaded", { userId: bob.userId, storagePath: "", fileName: "x", sizeBytes: -1 }),
    ).rejects.toBeInstanceOf(AppError);
  });

  it("runs one run per concurrency key at a time, and other keys in parallel", async () => {
    const log: string[] = [];
    const gate = createGate();
    const workflow = defineWorkflow(
      { id: "concurrency-probe", trigger: { event: "analytics/daily.requested" }, concurrency: { key: "event.data.userId", limit: 1 } },
      async ({ event, step }) => {
        const tag = event.data.fromDate;
        log.push(`start ${tag}`);
        await step.run("work", async () => {
          // Alice's first run holds until Bob's run has run: only possible if they run in parallel.
          if (tag === "2026-01-01") await gate.opened;
          if (tag === "2026-01-03") gate.open();
        });
        log.push(`end ${tag}`);
      },
    );
    const runner = runnerFor([workflow], { maxConcurrentRuns: 3 });
    await runner.send("analytics/daily.requested", daily(alice.userId, "2026-01-01"));
    clock.advance(1);
    await runner.send("analytics/daily.requested", daily(alice.userId, "2026-01-02"));
    clock.advance(1);
    await runner.send("analytics/daily.requested", daily(bob.userId, "2026-01-03"));
    expect(await runner.runUntilIdle()).toBe(3);

    const at = (line: string) => log.indexOf(line);
    expect(log).toHaveLength(6);
    expect(at("start 2026-01-03")).toBeLessThan(at("end 2026-01-01")); // Bob ran beside Alice
    expect(at("start 2026-01-02")).toBeGreaterThan(at("end 2026-01-01")); // Alice's runs, one after the other
    const concurrencyKeys = await withSystem((tx) => tx.select({ key: s.jobRuns.concurrencyKey }).from(s.jobRuns));
    expect(concurrencyKeys.map((r) => r.key)).toContain(`concurrency-probe:${alice.userId}`);
  });

  it("runUntilIdle returns only when nothing is due or running, with the worker loop leasing beside it", async () => {
    // One run per person at a time: when the first finishes, both the loop (woken by the finish)
    // and runUntilIdle go for the second. Whichever leases it, runUntilIdle must wait for it.
    const workflow = defineWorkflow(
      { id: "loop-race-probe", trigger: { event: "analytics/daily.requested" }, concurrency: { key: "event.data.userId", limit: 1 } },
      async ({ step }) => step.run("work", () => "done"),
    );
    for (let round = 0; round < 6; round++) {
      const runner = runnerFor([workflow], { pollMs: 60_000 });
      const first = await runner.send("analytics/daily.requested", daily(alice.userId, `2025-0${round + 1}-01`));
      clock.advance(1);
      const second = await runner.send("analytics/daily.requested", daily(alice.userId, `2025-0${round + 1}-02`));
      runner.start();
      await runner.runUntilIdle();
      const statuses = [(await getRun(first[0]))?.status, (await getRun(second[0]))?.status];
      await runner.stop();
      expect(statuses, `round ${round}`).toEqual(["completed", "completed"]);
    }
  });

  it("takes over a run whose worker died once the lease expires, skipping the steps it finished", async () => {
    const calls = { first: 0, second: 0 };
    const workflow = defineWorkflow({ id: "takeover-probe", trigger: { event: "analytics/daily.requested" } }, async ({ step, attempt }) => {
      const first = await step.run("first", () => ++calls.first);
      const second = await step.run("second", () => ++calls.second);
      return { first, second, attempt };
    });
    const runner = runnerFor([workflow]);
    const [runId] = await runner.send("analytics/daily.requested", daily(alice.userId));
    // A worker that leases the run, finishes step "first" and dies.
    const dead = await leaseNextRun({ functionIds: ["takeover-probe"], now: clock.now(), leaseMs: 30_000 });
    expect(await recordStepOutput({ runId, attempt: dead!.attempt, stepId: "first", output: 41, now: clock.now(), leaseUntil: new Date(clock.now().getTime() + 30_000) })).toBe(true);
    expect(await runner.runUntilIdle()).toBe(0); // still leased
    clock.advance(30_001);
    expect(await runner.runUntilIdle()).toBe(1);
    expect(await getRun(runId)).toMatchObject({ status: "completed", attempt: 2, output: { first: 41, second: 1, attempt: 1 } });
    expect(calls).toEqual({ first: 0, second: 1 });
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
    const [runId] = await runner.send("ingest/file.uploaded", { userId: alice.userId, storagePath: "uploads/a.csv", fileName: "a.csv", sizeBytes: 10 });
    const working = runner.runUntilIdle();
    const midway = await waitFor(async () => {
      const status = await getRunStatus(alice, runId);
      return status?.progress ? status : null;
    }, "progress to show");
    expect(midway).toMatchObject({ status: "running", attempt: 1, progress: { stage: "parsing", done: 1, total: 2 }, output: null });
    expect(await getRunStatus(bob, runId)).toBeNull();
    gate.open();
    await working;
    expect(await getRunStatus(alice, runId)).toMatchObject({ status: "completed", progress: { stage: "done", done: 2, total: 2 }, output: { rows: 288 } });
  });

  it("a double cron fire enqueues one run; the handler sees the schedule tick as event.ts", async () => {
    const seen: unknown[] = [];
    const workflow = defineWorkflow({ id: "cron-probe", trigger: { cron: "TZ=UTC 0 9 * * 1" } }, async ({ event }) => {
      seen.push({ name: event.name, data: event.data, ts: new Date(event.ts).toISOString() });
    });
    const runner = runnerFor([workflow]);
    const first = await runner.fireCron("cron-probe", T0);
    const double = await runner.fireCron("cron-probe", T0);
    const nextWeek = await runner.fireCron("cron-probe", new Date("2026-03-09T09:00:00Z"));
    expect(first.created).toBe(true);
    expect(double).toEqual({ runId: first.runId, created: false });
    expect(nextWeek.runId).not.toBe(first.runId);
    expect((await getRun(first.runId))?.idempotencyKey).toBe("cron:cron-probe:2026-03-02T09:00:00.000Z");
    await runner.runUntilIdle();
    expect(seen).toEqual([
      { name: "inngest/scheduled.timer", data: { cron: "TZ=UTC 0 9 * * 1" }, ts: "2026-03-02T09:00:00.000Z" },
      { name: "inngest/scheduled.timer", data: { cron: "TZ=UTC 0 9 * * 1" }, ts: "2026-03-09T09:00:00.000Z" },
    ]);
    await expect(runner.fireCron("nope", T0)).rejects.toThrow('"nope" is not a cron workflow');
  });

  it("two runners racing over the same runs execute every step exactly once", async () => {
    const executions = new Map<string, number>();
    const workflow = defineWorkflow({ id: "race-probe", trigger: { event: "analytics/daily.requested" } }, async ({ event, step }) => {
      await step.run("count", async () => {
        executions.set(event.data.fromDate, (executions.get(event.data.fromDate) ?? 0) + 1);
        await new Promise((r) => setTimeout(r, 5));
      });
    });
    const one = runnerFor([workflow], { maxConcurrentRuns: 3 });
    const two = runnerFor([workflow], { maxConcurrentRuns: 3 });
    const runIds: string[] = [];
    for (let d = 1; d <= 12; d++) runIds.push(...(await one.send("analytics/daily.requested", daily(alice.userId, `2026-02-${String(d).padStart(2, "0")}`))));
    const [a, b] = await Promise.all([one.runUntilIdle(), two.runUntilIdle()]);
    expect(a + b).toBe(12);
    expect([...executions.values()]).toEqual(Array(12).fill(1));
    const statuses = await Promise.all(runIds.map(async (id) => (await getRun(id))!.status));
    expect(statuses).toEqual(Array(12).fill("completed"));
  });

  it("the hourly heartbeat prunes finished runs older than 30 days", async () => {
    const runner = runnerFor([systemHeartbeat]);
    const tick = new Date("2026-03-02T10:07:00Z");
    const day = 86_400_000;
    const make = async (key: string, finishedAgoDays: number) => {
      const { id } = await enqueueRun({ functionId: "old-probe", eventName: "x", eventData: {}, idempotencyKey: key, maxAttempts: 1, runAfter: T0, createdAt: T0 });
      await withSystem((tx) => tx.update(s.jobRuns).set({ status: "completed", finishedAt: new Date(tick.getTime() - finishedAgoDays * day) }).where(eqId(id)));
      return id;
    };
    const old = await make("old", 31);
    const young = await make("young", 29);
    const { runId } = await runner.fireCron("system-heartbeat", tick);
    await runner.runUntilIdle();
    const run = await getRun(runId);
    expect(run?.status).toBe("completed");
    expect(run?.output).toMatchObject({ pruned: 1, finishedBefore: "2026-01-31T10:07:00.000Z" });
    expect(await getRun(old)).toBeNull();
    expect(await getRun(young)).not.toBeNull();
  });

  it("the Monday fan-out asks once per patient and week, however often it fires", async () => {
    const asked: string[] = [];
    const listener = defineWorkflow({ id: "brief-listener", trigger: { event: "intelligence/week.requested" } }, async ({ event }) => {
      asked.push(`${event.data.userId}:${event.data.weekOf}:${event.data.reason}`);
    });
    const runner = runnerFor([weeklyBriefFanOut, listener]);
    const { runId } = await runner.fireCron("weekly-intelligence-fanout", T0);
    await runner.runUntilIdle();
    expect(await getRun(runId)).toMatchObject({ status: "completed", output: { weekOf: "2026-03-02", requested: 2 } });
    expect(asked.sort()).toEqual([`${alice.userId}:2026-03-02:scheduled`, `${bob.userId}:2026-03-02:scheduled`].sort());
    // A double fire, and even a second tick in the same week, request nothing twice.
    await runner.fireCron("weekly-intelligence-fanout", T0);
    await runner.fireCron("weekly-intelligence-fanout", new Date("2026-03-02T09:30:00Z"));
    await runner.runUntilIdle();
    expect(asked).toHaveLength(2);
  });
});

function eqId(id: string) {
  return eq(s.jobRuns.id, id);
}
