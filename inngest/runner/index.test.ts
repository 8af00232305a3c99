import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { openTestDatabase, testEngines } from "@/db/testing/test-database";
import type { DatabaseHandle } from "@/db/client";
import * as s from "@/db/schema";
import { withSystem, type Viewer } from "@/db/queries/context";
import { resetEnvForTests } from "@/lib/env";
import { inngest } from "../client";
import { defineWorkflow } from "../define-workflow";
import { ensureEmbeddedRunner, getRunStatus, runUntilIdle, sendEvent, stopEmbeddedRunner } from "./index";
import { createMemoryLogger, waitFor } from "./testing/runner-test-kit";

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
    expect(await sendEvent("intelligence/week.requested", data, { idempotencyKey: `weekly:${alice.userId}:2026-03-02` })).toEqual({ mode: "inngest", eventIds: ["01JEVENT"] });
    expect(send).toHaveBeenCalledWith({ name: "intelligence/week.requested", data, id: `weekly:${alice.userId}:2026-03-02` });
    await expect(sendEvent("intelligence/week.requested", { ...data, weekOf: "last monday" })).rejects.toMatchObject({ code: "bad_request:events" });
    expect(send).toHaveBeenCalledTimes(1);
    // Cloud keys switch too.
    setEnv({ INNGEST_EVENT_KEY: "key" });
    expect(ensureEmbeddedRunner()).toBeNull();
  });
});
