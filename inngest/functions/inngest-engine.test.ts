import { describe, expect, it, vi } from "vitest";
import { InngestTestEngine } from "@inngest/test";

// No database here: the adapter's task-status writes (inngest_tasks) are tested in inngest/inngest-tasks.test.ts.
vi.mock("@/db/queries/inngest-tasks", () => ({
  markInngestTaskRunning: async () => {},
  setInngestTaskProgress: async () => {},
  completeInngestTask: async () => {},
  failInngestTask: async () => {},
}));
import { defineWorkflow } from "../define-workflow";
import { systemHeartbeat } from "./system-heartbeat";
import { weeklyBriefFanOut, FAN_OUT_BATCH_SIZE } from "./weekly-brief-fan-out";
import { inngestFunctions, workflows } from "./index";

// The same workflow code under Inngest's own test engine (no database: DB steps are mocked). A new
// engine per test: @inngest/test caches step results per engine. step.sendEvent is mocked as a step,
// since the engine would really send it.
const MONDAY_TICK = Date.parse("2026-03-02T09:00:00.000Z");
const scheduled = (ts: number, cron: string) => [{ name: "inngest/scheduled.timer", data: { cron }, ts }] as [{ name: string; data: { cron: string }; ts: number }];

const U1 = "0f8d2a52-8c1e-4a53-9b7c-2f7d3b8e1a01";
const U2 = "6b1c9e77-3d2a-4f0e-8a61-9c4e5d2b7f02";

describe("workflows under @inngest/test's InngestTestEngine", () => {
  it("the Monday fan-out sends one week.requested per patient, with the idempotent event id", async () => {
    const engine = new InngestTestEngine({ function: weeklyBriefFanOut.inngestFunction });
    const { result, ctx } = await engine.execute({
      events: scheduled(MONDAY_TICK, "TZ=UTC 0 9 * * 1"),
      steps: [
        { id: "list-patients", handler: () => [U1, U2] },
        { id: "request-weekly-briefs-0", handler: () => ({ ids: ["evt-1", "evt-2"] }) },
      ],
    });
    expect(result).toEqual({ weekOf: "2026-03-02", requested: 2 });
    expect(ctx.step.sendEvent).toHaveBeenCalledTimes(1);
    expect(ctx.step.sendEvent).toHaveBeenCalledWith("request-weekly-briefs-0", [
      { name: "intelligence/week.requested", data: { userId: U1, weekOf: "2026-03-02", reason: "scheduled" }, id: `weekly:${U1}:2026-03-02` },
      { name: "intelligence/week.requested", data: { userId: U2, weekOf: "2026-03-02", reason: "scheduled" }, id: `weekly:${U2}:2026-03-02` },
    ]);
  });

  it("the fan-out batches large populations into several sendEvent steps", async () => {
    const ids = Array.from({ length: FAN_OUT_BATCH_SIZE + 3 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`);
    const engine = new InngestTestEngine({ function: weeklyBriefFanOut.inngestFunction });
    const { result, ctx } = await engine.execute({
      // A Wednesday retry of Monday's tick still asks for Monday's week: the week comes from the tick.
      events: scheduled(MONDAY_TICK, "TZ=UTC 0 9 * * 1"),
      steps: [
        { id: "list-patients", handler: () => ids },
        { id: "request-weekly-briefs-0", handler: () => ({ ids: [] }) },
        { id: "request-weekly-briefs-1", handler: () => ({ ids: [] }) },
      ],
    });
    expect(result).toEqual({ weekOf: "2026-03-02", requested: FAN_OUT_BATCH_SIZE + 3 });
    const calls = (ctx.step.sendEvent as unknown as { mock: { calls: [string, unknown[]][] } }).mock.calls;
    expect(calls.map(([id, events]) => [id, events.length])).toEqual([
      ["request-weekly-briefs-0", FAN_OUT_BATCH_SIZE],
      ["request-weekly-briefs-1", 3],
    ]);
  });

  it("the heartbeat prunes with a cutoff 30 days before the tick", async () => {
    const engine = new InngestTestEngine({ function: systemHeartbeat.inngestFunction });
    const tick = Date.parse("2026-03-02T10:07:00.000Z");
    const { result } = await engine.execute({
      events: scheduled(tick, "TZ=UTC 7 * * * *"),
      steps: [
        { id: "prune-finished-runs", handler: () => 4 },
        { id: "prune-inngest-tasks", handler: () => 2 },
        { id: "prune-rate-limits", handler: () => 9 },
        { id: "summarize-queue", handler: () => ({ queued: 1, due: 0, running: 0, staleLeases: 0, failed: 2 }) },
      ],
    });
    expect(result).toEqual({
      pruned: 4,
      prunedTasks: 2,
      expiredLimits: 9,
      finishedBefore: "2026-01-31T10:07:00.000Z",
      queue: { queued: 1, due: 0, running: 0, staleLeases: 0, failed: 2 },
    });
  });

  it("an event workflow gets the same event, step results and attempt as under the embedded runner", async () => {
    const workflow = defineWorkflow(
      { id: "engine-probe", trigger: { event: "analytics/daily.requested" }, retries: 2, concurrency: { key: "event.data.userId", limit: 1 } },
      async ({ event, step, attempt }) => {
        const days = await step.run("count-days", () => (Date.parse(event.data.toDate) - Date.parse(event.data.fromDate)) / 86_400_000 + 1);
        await step.progress({ days });
        return { user: event.data.userId, days, attempt };
      },
    );
    const engine = new InngestTestEngine({ function: workflow.inngestFunction });
    const { result, state, ctx } = await engine.execute({
      events: [{ name: "analytics/daily.requested", data: { userId: U1, fromDate: "2026-03-01", toDate: "2026-03-07" } }],
    });
    expect(result).toEqual({ user: U1, days: 7, attempt: 0 });
    expect(ctx.step.run).toHaveBeenCalledWith("count-days", expect.any(Function));
    // The engine keys `state` by hashed step ids: one step, whose result is 7.
    expect(await Promise.all(Object.values(state))).toEqual([7]);
  });

  it("the Inngest functions carry the declared triggers, retries and concurrency", () => {
    const withKey = defineWorkflow(
      { id: "config-probe", trigger: { event: "ingest/file.uploaded" }, retries: 5, concurrency: { key: "event.data.userId", limit: 1 }, throttle: { limit: 10, period: "1m" } },
      async () => null,
    );
    const opts = (withKey.inngestFunction as unknown as { opts: Record<string, unknown> }).opts;
    expect(opts).toMatchObject({
      id: "config-probe",
      triggers: [{ event: "ingest/file.uploaded" }],
      retries: 5,
      concurrency: { key: "event.data.userId", limit: 1 },
      throttle: { limit: 10, period: "1m" },
    });
    expect(withKey.embedded).toMatchObject({ functionId: "config-probe", maxAttempts: 6, eventName: "ingest/file.uploaded" });
    expect(withKey.embedded.concurrencyKeyFor({ userId: U1 })).toBe(`config-probe:${U1}`);
    expect(withKey.embedded.throttleFor({ userId: U1 })).toEqual({ limit: 10, periodMs: 60_000, keyPath: null, keyValue: null });
    const heartbeatOpts = (systemHeartbeat.inngestFunction as unknown as { opts: Record<string, unknown> }).opts;
    expect(heartbeatOpts).toMatchObject({ id: "system-heartbeat", triggers: [{ cron: "TZ=UTC 7 * * * *" }], retries: 2 });
    // The registry serves each workflow once.
    expect(inngestFunctions).toHaveLength(workflows.length);
    expect(new Set(workflows.map((w) => w.id)).size).toBe(workflows.length);
  });

  it("rejects what the embedded runner could not honour the same way", () => {
    expect(() => defineWorkflow({ id: "Bad_Id", trigger: { event: "ingest/file.uploaded" } }, async () => null)).toThrow("must be kebab-case");
    expect(() => defineWorkflow({ id: "bad-cron", trigger: { cron: "*/5 * * * * *" } }, async () => null)).toThrow("five fields");
    expect(() =>
      defineWorkflow({ id: "bad-key", trigger: { event: "ingest/file.uploaded" }, concurrency: { key: 'event.data.userId + "-x"' as `event.data.${string}`, limit: 1 } }, async () => null),
    ).toThrow("plain event.data path");
  });
});
