import { afterAll, beforeAll } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import * as s from "@/db/schema";
import { withSystem, type Viewer } from "@/db/queries/context";
import { openTestDatabase, type TestEngine } from "@/db/testing/test-database";
import { EmbeddedRunner, type EmbeddedRunnerOptions, type RunnerLogger } from "../embedded-runner";

/** A clock tests move by hand: leases, backoffs and sleeps never depend on wall-clock time. */
export function createFakeClock(start: Date) {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    advance(ms: number) {
      now += ms;
    },
  };
}

/** Keeps the runner's log lines for assertions instead of printing them. */
export function createMemoryLogger(): RunnerLogger & { lines: string[] } {
  const lines: string[] = [];
  const keep = (...args: unknown[]) => {
    lines.push(args.map((a) => (a instanceof Error ? `${a.name}: ${a.message}` : String(a))).join(" "));
  };
  return { lines, info: keep, warn: keep, error: keep };
}

/** A promise the test opens when it chooses (to hold a step in the middle of its work). */
export function createGate() {
  let open: () => void = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}


/** The fake clock's start in the runner tests: a Monday, 09:00 UTC. */
export const T0 = new Date("2026-03-02T09:00:00.000Z");
const BACKOFF = { baseMs: 1_000, factor: 2, maxMs: 60_000 };

/**
 * What every embedded-runner suite starts from, on one database engine: a fresh database with two
 * patients (and a mentor), a fake clock at T0, and runners on that clock with a short backoff and a
 * 30 s lease whose log lines are kept rather than printed. Registers its own beforeAll/afterAll.
 */
export function useRunnerTestbed(engine: TestEngine) {
  let handle: DatabaseHandle | undefined;
  const bed = {
    alice: null as unknown as Viewer,
    bob: null as unknown as Viewer,
    clock: createFakeClock(T0),
    runnerFor: (workflows: EmbeddedRunnerOptions["workflows"], options: Partial<EmbeddedRunnerOptions> = {}) =>
      new EmbeddedRunner({ workflows, clock: bed.clock.now, backoff: BACKOFF, leaseMs: 30_000, logger: createMemoryLogger(), ...options }),
    /** An analytics/daily.requested payload for one day. */
    daily: (userId: string, tag = "2026-03-01") => ({ userId, fromDate: tag, toDate: tag }),
  };
  beforeAll(async () => {
    handle = await openTestDatabase(engine);
    const [a, b] = await withSystem((tx) =>
      tx
        .insert(s.users)
        .values([{ email: "alice@example.com" }, { email: "bob@example.com" }, { email: "mentor@example.com", role: "mentor" }])
        .returning({ id: s.users.id }),
    );
    bed.alice = { userId: a.id, role: "patient" };
    bed.bob = { userId: b.id, role: "patient" };
    bed.clock = createFakeClock(T0);
  });
  afterAll(async () => handle?.close());
  return bed;
}
