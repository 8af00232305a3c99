import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { openTestDatabase, testEngines } from "@/db/testing/test-database";
import type { DatabaseHandle } from "@/db/client";
import * as s from "@/db/schema";
import { withSystem, type Viewer } from "./context";
import {
  completeRun,
  enqueueRun,
  extendRunLease,
  failRun,
  getRun,
  leaseNextRun,
  listRunSteps,
  pruneFinishedRuns,
  recordStepOutput,
  scheduleRunRetry,
  setRunProgress,
  summarizeRunQueue,
  type NewRun,
} from "./jobs";
import { getRunStatus } from "./task-status";

const T0 = new Date("2026-03-02T09:00:00.000Z");
const at = (ms: number) => new Date(T0.getTime() + ms);

function newRun(overrides: Partial<NewRun> = {}): NewRun {
  return { functionId: "probe", eventName: "test/probe", eventData: {}, maxAttempts: 3, runAfter: T0, createdAt: T0, ...overrides };
}

describe.each(testEngines())("job queries on %s", (engine) => {
  let handle: DatabaseHandle;
  let alice: Viewer, bob: Viewer;

  beforeAll(async () => {
    handle = await openTestDatabase(engine);
    const [a, b] = await withSystem((tx) =>
      tx.insert(s.users).values([{ email: "alice@example.com" }, { email: "bob@example.com" }]).returning({ id: s.users.id }),
    );
    alice = { userId: a.id, role: "patient" };
    bob = { userId: b.id, role: "patient" };
  });
  afterAll(async () => handle?.close());
  beforeEach(async () => {
    await withSystem((tx) => tx.delete(s.jobRuns));
  });

  it("enqueues once per (function, idempotency key): a repeated send returns the same run", async () => {
    const first = await enqueueRun(newRun({ idempotencyKey: "weekly:x:2026-03-02" }));
    const again = await enqueueRun(newRun({ idempotencyKey: "weekly:x:2026-03-02", eventData: { changed: true } }));
    const otherFn = await enqueueRun(newRun({ functionId: "other", idempotencyKey: "weekly:x:2026-03-02" }));
    const noKey1 = await enqueueRun(newRun());
    const noKey2 = await enqueueRun(newRun());
    expect(first.created).toBe(true);
    expect(again).toEqual({ id: first.id, created: false });
    expect(otherFn.created).toBe(true);
    expect(otherFn.id).not.toBe(first.id);
    expect(noKey1.id).not.toBe(noKey2.id);
    // The first payload is kept: the repeat changed nothing.
    expect((await getRun(first.id))?.eventData).toEqual({});
  });

  it("leases due runs in order, skips future ones, and bumps the attempt", async () => {
    const later = await enqueueRun(newRun({ runAfter: at(60_000) }));
    const first = await enqueueRun(newRun({ runAfter: at(-2_000) }));
    const second = await enqueueRun(newRun({ runAfter: at(-1_000) }));
    const leased1 = await leaseNextRun({ functionIds: ["probe"], now: T0, leaseMs: 120_000 });
    const leased2 = await leaseNextRun({ functionIds: ["probe"], now: T0, leaseMs: 120_000 });
    const none = await leaseNextRun({ functionIds: ["probe"], now: T0, leaseMs: 120_000 });
    expect([leased1?.id, leased2?.id]).toEqual([first.id, second.id]);
    expect(leased1).toMatchObject({ status: "running", attempt: 1 });
    expect(leased1?.leaseUntil?.toISOString()).toBe(at(120_000).toISOString());
    expect(none).toBeNull();
    expect(await leaseNextRun({ functionIds: ["someone-else"], now: at(120_000), leaseMs: 30_000 })).toBeNull();
    expect((await leaseNextRun({ functionIds: ["probe"], now: at(60_000), leaseMs: 30_000 }))?.id).toBe(later.id);
  });

  it("takes over a run whose lease expired, and fences the stale worker out", async () => {
    const { id } = await enqueueRun(newRun());
    const stale = await leaseNextRun({ functionIds: ["probe"], now: T0, leaseMs: 10_000 });
    expect(stale?.attempt).toBe(1);
    // Still leased: nobody can take it.
    expect(await leaseNextRun({ functionIds: ["probe"], now: at(9_999), leaseMs: 10_000 })).toBeNull();
    const takeover = await leaseNextRun({ functionIds: ["probe"], now: at(10_001), leaseMs: 10_000 });
    expect(takeover).toMatchObject({ id, attempt: 2, status: "running" });

    const staleFence = { runId: id, attempt: 1 };
    expect(await recordStepOutput({ ...staleFence, stepId: "s", output: 1, now: at(10_002), leaseUntil: at(20_000) })).toBe(false);
    expect(await extendRunLease({ ...staleFence, leaseUntil: at(99_000), now: at(10_002) })).toBe(false);
    expect(await setRunProgress({ ...staleFence, progress: { done: 1 }, now: at(10_002) })).toBe(false);
    expect(await completeRun({ ...staleFence, output: "stale", now: at(10_002) })).toBe(false);

    const fence = { runId: id, attempt: 2 };
    expect(await recordStepOutput({ ...fence, stepId: "s", output: { n: 2 }, now: at(10_003), leaseUntil: at(40_000) })).toBe(true);
    expect(await completeRun({ ...fence, output: { ok: true }, now: at(10_004) })).toBe(true);
    const run = await getRun(id);
    expect(run).toMatchObject({ status: "completed", attempt: 2, output: { ok: true }, leaseUntil: null });
    expect((await listRunSteps(id)).map((r) => [r.stepId, r.output])).toEqual([["s", { n: 2 }]]);
  });

  it("holds a run while another run with its concurrency key is leased", async () => {
    const a = await enqueueRun(newRun({ concurrencyKey: "probe:alice", runAfter: at(-3) }));
    const b = await enqueueRun(newRun({ concurrencyKey: "probe:alice", runAfter: at(-2) }));
    const c = await enqueueRun(newRun({ concurrencyKey: "probe:bob", runAfter: at(-1) }));
    const leased = [];
    for (let i = 0; i < 3; i++) leased.push((await leaseNextRun({ functionIds: ["probe"], now: T0, leaseMs: 10_000 }))?.id ?? null);
    expect(leased).toEqual([a.id, c.id, null]);
    await completeRun({ runId: a.id, attempt: 1, output: null, now: at(1) });
    expect((await leaseNextRun({ functionIds: ["probe"], now: at(2), leaseMs: 10_000 }))?.id).toBe(b.id);
  });

  it("many workers racing for runs: each run is leased exactly once, one per concurrency key", async () => {
    const free = await Promise.all(Array.from({ length: 24 }, (_, i) => enqueueRun(newRun({ runAfter: at(-i) }))));
    const keyed = await Promise.all(
      Array.from({ length: 12 }, (_, i) => enqueueRun(newRun({ concurrencyKey: `probe:user-${i % 3}`, runAfter: at(-100 - i) }))),
    );
    const won: string[] = [];
    // 8 workers in parallel on separate connections (PostgreSQL pool); each leases until nothing is left.
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (;;) {
          const run = await leaseNextRun({ functionIds: ["probe"], now: T0, leaseMs: 60_000 });
          if (!run) return;
          won.push(run.id);
        }
      }),
    );
    expect(new Set(won).size).toBe(won.length);
    expect(won.filter((id) => free.some((r) => r.id === id))).toHaveLength(24);
    const keyedWon = won.filter((id) => keyed.some((r) => r.id === id));
    expect(keyedWon).toHaveLength(3);
    const keys = await Promise.all(keyedWon.map(async (id) => (await getRun(id))!.concurrencyKey));
    expect(new Set(keys)).toEqual(new Set(["probe:user-0", "probe:user-1", "probe:user-2"]));
  });

  it("spaces out runs of a throttled function (limit per period, per key)", async () => {
    const throttle = (keyValue: string) => ({ limit: 2, periodMs: 60_000, keyPath: ["userId"], keyValue });
    const runs = [];
    for (let i = 0; i < 3; i++) {
      runs.push(await enqueueRun(newRun({ eventData: { userId: "u1" }, runAfter: at(i * 1000), throttle: throttle("u1") })));
    }
    const other = await enqueueRun(newRun({ eventData: { userId: "u2" }, runAfter: at(2000), throttle: throttle("u2") }));
    const runAfter = await Promise.all([...runs, other].map(async (r) => (await getRun(r.id))!.runAfter.toISOString()));
    // Two starts fit in the first minute; the third waits until a minute after the first.
    expect(runAfter).toEqual([at(0), at(1000), at(60_000), at(2000)].map((d) => d.toISOString()));
  });

  it("retries and failures write the stored error; the owner reads only a safe sentence", async () => {
    const { id } = await enqueueRun(newRun({ userId: alice.userId, eventData: { userId: alice.userId } }));
    await leaseNextRun({ functionIds: ["probe"], now: T0, leaseMs: 10_000 });
    await setRunProgress({ runId: id, attempt: 1, progress: { stage: "parsing", done: 3, total: 10 }, now: at(1) });
    const error = { name: "Error", message: "connect ECONNREFUSED 10.0.0.5 (patient 42)", publicMessage: "The task could not be completed. Please try again later." };
    expect(await scheduleRunRetry({ runId: id, attempt: 1, runAfter: at(5_000), error, now: at(2) })).toBe(true);

    const status = await getRunStatus(alice, id);
    expect(status).toMatchObject({ status: "queued", attempt: 1, maxAttempts: 3, progress: { stage: "parsing", done: 3, total: 10 }, error: error.publicMessage });
    expect(status?.nextAttemptAt?.toISOString()).toBe(at(5_000).toISOString());
    expect(JSON.stringify(status)).not.toContain("ECONNREFUSED");
    // Bob cannot see Alice's run; a malformed id is simply not found.
    expect(await getRunStatus(bob, id)).toBeNull();
    expect(await getRunStatus(alice, "not-a-uuid")).toBeNull();

    await leaseNextRun({ functionIds: ["probe"], now: at(5_000), leaseMs: 10_000 });
    const failureRun = newRun({ functionId: "probe-failure", eventName: "inngest/function.failed", idempotencyKey: `failure:${id}`, userId: alice.userId });
    expect(await failRun({ runId: id, attempt: 2, error: { ...error, code: "conflict:import", publicMessage: "This file was already imported." }, now: at(6_000), failureRun })).toBe(true);
    expect(await failRun({ runId: id, attempt: 2, error, now: at(6_001), failureRun })).toBe(false);
    expect(await getRunStatus(alice, id)).toMatchObject({ status: "failed", error: "This file was already imported.", nextAttemptAt: null });
    const failureRuns = await withSystem((tx) => tx.select().from(s.jobRuns));
    expect(failureRuns.filter((r) => r.functionId === "probe-failure")).toHaveLength(1);
  });

  it("prunes finished runs older than the cutoff (with their steps), keeps the rest", async () => {
    const old = await enqueueRun(newRun({ idempotencyKey: "old" }));
    const recent = await enqueueRun(newRun({ idempotencyKey: "recent" }));
    const oldQueued = await enqueueRun(newRun({ idempotencyKey: "old-queued", runAfter: at(-90 * 86_400_000) }));
    for (const [id, finishedAt] of [[old.id, at(-40 * 86_400_000)], [recent.id, at(-10 * 86_400_000)]] as const) {
      await withSystem((tx) =>
        tx.update(s.jobRuns).set({ status: "completed", finishedAt }).where(eqId(id)),
      );
    }
    await withSystem((tx) => tx.insert(s.jobSteps).values({ runId: old.id, stepId: "s", output: 1 }));
    expect(await pruneFinishedRuns({ finishedBefore: at(-30 * 86_400_000) })).toBe(1);
    expect(await getRun(old.id)).toBeNull();
    expect(await listRunSteps(old.id)).toEqual([]);
    expect(await getRun(recent.id)).not.toBeNull();
    expect(await getRun(oldQueued.id)).not.toBeNull();
    expect(await summarizeRunQueue({ now: T0 })).toEqual({ queued: 1, due: 1, running: 0, staleLeases: 0, failed: 0 });
  });
});

function eqId(id: string) {
  return eq(s.jobRuns.id, id);
}
