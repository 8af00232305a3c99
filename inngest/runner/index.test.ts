import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { openTestDatabase, testEngines } from "@/db/testing/test-database";
import type { DatabaseHandle } from "@/db/client";
import * as s from "@/db/schema";
import { withSystem, type Viewer } from "@/db/queries/context";
import { resetEnvForTests } from "@/lib/env";
import { inngest } from "../client";
import { defineWorkflow } from "../define-workflow";
import { ensureEmbeddedRunner, getRunStatus, runUntilIdle, sendEvent, stopEmbeddedRunner, taskIdOf } from "./index";
import { createMemoryLogger } from "./testing/runner-test-kit";
import { waitFor } from "@/lib/testing/wait-for";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ENV_KEYS = ["INNGEST_DEV", "INNGEST_EVENT_KEY", "INNGEST_SIGNING_KEY", "PROXIMA_DISABLE_SCHEDULER"] as const;

function setEnv(values: Partial<Record<(typeof ENV_KEYS)[number], string>>) {
  for (const key of ENV_KEYS) {
    if (values[key] === undefined) delete process.env[key];
    else process.env[key] = values[key];
  }
  resetEnvForTests();
}

describe.each(testEngines())("sendEvent and the process runner on %s", (engine) => {
  let handle: DatabaseHandle;
  let alice: Viewer, bob: Viewer;
  const saved = Object.fromEntries(ENV_KEYS.map((k) => [k, process.env[k]]));
  const probe = defineWorkflow({ id: "entry-probe", trigger: { event: "analytics/daily.requested" } }, async ({ event, step }) => {
    await step.progress({ stage: "summing" });
    return step.run("sum", () => ({ days: event.data.fromDate === event.data.toDate ? 1 : 2 }));
  });

  beforeAll(async () => {
    setEnv({});
    handle = await openTestDatabase(engine);
    const [a, b] = await withSystem((tx) => tx.insert(s.users).values([{ email: "a@example.com" }, { email: "b@example.com" }]).returning({ id: s.users.id }));
    alice = { userId: a.id, role: "patient" };
    bob = { userId: b.id, role: "patient" };
  });
  afterEach(async () => {
    await stopEmbeddedRunner();
    vi.restoreAllMocks();
    setEnv({});
  });
  afterAll(async () => {
    setEnv(saved as Record<string, string>);
    await handle?.close();
  });

  it("without Inngest, sendEvent enqueues and the background worker runs it; status is owner-only", async () => {
    const runner = ensureEmbeddedRunner({ workflows: [probe], pollMs: 25, logger: createMemoryLogger() });
    expect(runner).not.toBeNull();
    // One runner per process, whatever a later caller asks for.
    expect(ensureEmbeddedRunner({ workflows: [] })).toBe(runner);
    expect((globalThis as { __proximaRunner?: unknown }).__proximaRunner).toBe(runner);
    expect(runner!.running).toBe(true);

    const data = { userId: alice.userId, fromDate: "2026-03-01", toDate: "2026-03-01" };
    const sent = await sendEvent("analytics/daily.requested", data, { idempotencyKey: "daily:alice:2026-03-01" });
    expect(sent.mode).toBe("embedded");
    const [runId] = sent.mode === "embedded" ? sent.runIds : [];
    const done = await waitFor(async () => {
      const status = await getRunStatus(alice, runId);
      return status?.status === "completed" ? status : null;
    }, "the background worker to finish the run");
    expect(done).toMatchObject({ status: "completed", attempt: 1, output: { days: 1 }, progress: { stage: "summing" }, error: null });
    expect(await getRunStatus(bob, runId)).toBeNull();
    expect(await sendEvent("analytics/daily.requested", data, { idempotencyKey: "daily:alice:2026-03-01" })).toEqual({ mode: "embedded", runIds: [runId] });
  });

  it("schedules arm unless PROXIMA_DISABLE_SCHEDULER is set; the worker runs either way", async () => {
    setEnv({ PROXIMA_DISABLE_SCHEDULER: "1" });
    const quiet = ensureEmbeddedRunner({ logger: createMemoryLogger() });
    expect(quiet).toMatchObject({ running: true, scheduling: false });
    await stopEmbeddedRunner();
    expect(quiet!.running).toBe(false);
    setEnv({});
    const armed = ensureEmbeddedRunner({ logger: createMemoryLogger() });
    expect(armed).not.toBe(quiet);
    expect(armed).toMatchObject({ running: true, scheduling: true });
    await stopEmbeddedRunner();
    expect(armed!.scheduling).toBe(false);
  });

  it("runUntilIdle works without a started runner (scripts), over the registry's workflows", async () => {
    expect((globalThis as { __proximaRunner?: unknown }).__proximaRunner).toBeUndefined();
    expect(await runUntilIdle()).toBe(0);
  });

  it("with INNGEST_DEV=1, sendEvent hands the event to Inngest (the idempotency key becomes the event id)", async () => {
    setEnv({ INNGEST_DEV: "1" });
    const send = vi.spyOn(inngest, "send").mockResolvedValue({ ids: ["01JEVENT"] } as never);
    expect(ensureEmbeddedRunner()).toBeNull();
    const data = { userId: alice.userId, weekOf: "2026-03-02", reason: "manual" as const };
    const key = `weekly:${alice.userId}:2026-03-02`;
    const sent = await sendEvent("intelligence/week.requested", data, { idempotencyKey: key });
    expect(sent).toEqual({ mode: "inngest", eventIds: ["01JEVENT"], taskIds: [expect.stringMatching(UUID)] });
    expect(send).toHaveBeenCalledWith({ name: "intelligence/week.requested", data, id: key });
    // One task per workflow the event triggers, owned by the person the event names; queued until Inngest runs it.
    const taskId = taskIdOf(sent);
    const tasks = await withSystem((tx) => tx.select().from(s.inngestTasks).where(eq(s.inngestTasks.eventId, key)));
    expect(tasks).toEqual([expect.objectContaining({ id: taskId, userId: alice.userId, functionId: "weekly-intelligence-generate", eventName: "intelligence/week.requested", status: "queued", maxAttempts: 4 })]);
    expect(await getRunStatus(alice, taskId)).toMatchObject({ id: taskId, status: "queued", attempt: 0, maxAttempts: 4, progress: null, output: null, error: null });
    expect(await getRunStatus(bob, taskId)).toBeNull();
    // The embedded runner never sees it: no job_runs row was written.
    expect(await withSystem((tx) => tx.select().from(s.jobRuns))).toHaveLength(1);
    // The same key again (Inngest deduplicates the event): the same task.
    expect(await sendEvent("intelligence/week.requested", data, { idempotencyKey: key })).toMatchObject({ taskIds: [taskId] });

    await expect(sendEvent("intelligence/week.requested", { ...data, weekOf: "last monday" })).rejects.toMatchObject({ code: "bad_request:events" });
    expect(send).toHaveBeenCalledTimes(2);

    // Without a key the event still gets an id of ours: it is how the run finds its task.
    await sendEvent("analytics/analysis.requested", { userId: bob.userId, scope: "all" });
    const [, , third] = send.mock.calls.map(([payload]) => payload as unknown as { id: string });
    expect(third.id).toMatch(UUID);
    expect(await withSystem((tx) => tx.select({ userId: s.inngestTasks.userId }).from(s.inngestTasks).where(eq(s.inngestTasks.eventId, third.id)))).toEqual([{ userId: bob.userId }]);

    // A send Inngest refuses leaves no task behind.
    send.mockRejectedValueOnce(new Error("Inngest is down"));
    await expect(sendEvent("analytics/analysis.requested", { userId: bob.userId, scope: "all" }, { idempotencyKey: "refused" })).rejects.toThrow("Inngest is down");
    expect(await withSystem((tx) => tx.select().from(s.inngestTasks).where(eq(s.inngestTasks.eventId, "refused")))).toEqual([]);
    // Cloud keys switch too.
    setEnv({ INNGEST_EVENT_KEY: "key" });
    expect(ensureEmbeddedRunner()).toBeNull();
  });
});
