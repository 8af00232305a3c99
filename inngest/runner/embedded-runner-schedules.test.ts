// Cron workflows under the embedded runner: a double fire enqueues once, the hourly heartbeat prunes,
// and the Monday fan-out asks once per patient and week.
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { testEngines } from "@/db/testing/test-database";
import * as s from "@/db/schema";
import { withSystem } from "@/db/queries/context";
import { enqueueRun, getRun } from "@/db/queries/jobs";
import { defineWorkflow } from "../define-workflow";
import { systemHeartbeat } from "../functions/system-heartbeat";
import { weeklyBriefFanOut } from "../functions/weekly-brief-fan-out";
import { T0, useRunnerTestbed } from "./testing/runner-test-kit";

describe.each(testEngines())("embedded runner: schedules on %s", (engine) => {
  const bed = useRunnerTestbed(engine);
  const { runnerFor } = bed;

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

  it("the hourly heartbeat prunes finished runs older than 30 days", async () => {
    const runner = runnerFor([systemHeartbeat]);
    const tick = new Date("2026-03-02T10:07:00Z");
    const day = 86_400_000;
    const make = async (key: string, finishedAgoDays: number) => {
      const { id } = await enqueueRun({ functionId: "old-probe", eventName: "x", eventData: {}, idempotencyKey: key, maxAttempts: 1, runAfter: T0, createdAt: T0 });
      await withSystem((tx) => tx.update(s.jobRuns).set({ status: "completed", finishedAt: new Date(tick.getTime() - finishedAgoDays * day) }).where(eq(s.jobRuns.id, id)));
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
    expect(asked.sort()).toEqual([`${bed.alice.userId}:2026-03-02:scheduled`, `${bed.bob.userId}:2026-03-02:scheduled`].sort());
    // A double fire, and even a second tick in the same week, request nothing twice.
    await runner.fireCron("weekly-intelligence-fanout", T0);
    await runner.fireCron("weekly-intelligence-fanout", new Date("2026-03-02T09:30:00Z"));
    await runner.runUntilIdle();
    expect(asked).toHaveLength(2);
  });
});
