// How runs are shared out: one run per concurrency key at a time, runUntilIdle beside the worker loop,
// a dead worker's run taken over when its lease expires, and two runners never executing a step twice.
import { describe, expect, it } from "vitest";
import { testEngines } from "@/db/testing/test-database";
import * as s from "@/db/schema";
import { withSystem } from "@/db/queries/context";
import { getRun, leaseNextRun, recordStepOutput } from "@/db/queries/jobs";
import { defineWorkflow } from "../define-workflow";
import { createGate, useRunnerTestbed } from "./testing/runner-test-kit";

describe.each(testEngines())("embedded runner: workers, leases and concurrency on %s", (engine) => {
  const bed = useRunnerTestbed(engine);
  const { runnerFor, daily } = bed;

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
    await runner.send("analytics/daily.requested", daily(bed.alice.userId, "2026-01-01"));
    bed.clock.advance(1);
    await runner.send("analytics/daily.requested", daily(bed.alice.userId, "2026-01-02"));
    bed.clock.advance(1);
    await runner.send("analytics/daily.requested", daily(bed.bob.userId, "2026-01-03"));
    expect(await runner.runUntilIdle()).toBe(3);

    const at = (line: string) => log.indexOf(line);
    expect(log).toHaveLength(6);
    expect(at("start 2026-01-03")).toBeLessThan(at("end 2026-01-01")); // Bob ran beside Alice
    expect(at("start 2026-01-02")).toBeGreaterThan(at("end 2026-01-01")); // Alice's runs, one after the other
    const concurrencyKeys = await withSystem((tx) => tx.select({ key: s.jobRuns.concurrencyKey }).from(s.jobRuns));
    expect(concurrencyKeys.map((r) => r.key)).toContain(`concurrency-probe:${bed.alice.userId}`);
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
      const first = await runner.send("analytics/daily.requested", daily(bed.alice.userId, `2025-0${round + 1}-01`));
      bed.clock.advance(1);
      const second = await runner.send("analytics/daily.requested", daily(bed.alice.userId, `2025-0${round + 1}-02`));
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
    const [runId] = await runner.send("analytics/daily.requested", daily(bed.alice.userId));
    // A worker that leases the run, finishes step "first" and dies.
    const dead = await leaseNextRun({ functionIds: ["takeover-probe"], now: bed.clock.now(), leaseMs: 30_000 });
    expect(await recordStepOutput({ runId, attempt: dead!.attempt, stepId: "first", output: 41, now: bed.clock.now(), leaseUntil: new Date(bed.clock.now().getTime() + 30_000) })).toBe(true);
    expect(await runner.runUntilIdle()).toBe(0); // still leased
    bed.clock.advance(30_001);
    expect(await runner.runUntilIdle()).toBe(1);
    expect(await getRun(runId)).toMatchObject({ status: "completed", attempt: 2, output: { first: 41, second: 1, attempt: 1 } });
    expect(calls).toEqual({ first: 0, second: 1 });
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
    for (let d = 1; d <= 12; d++) runIds.push(...(await one.send("analytics/daily.requested", daily(bed.alice.userId, `2026-02-${String(d).padStart(2, "0")}`))));
    const [a, b] = await Promise.all([one.runUntilIdle(), two.runUntilIdle()]);
    expect(a + b).toBe(12);
    expect([...executions.values()]).toEqual(Array(12).fill(1));
    const statuses = await Promise.all(runIds.map(async (id) => (await getRun(id))!.status));
    expect(statuses).toEqual(Array(12).fill("completed"));
  });
});
