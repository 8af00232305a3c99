import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, testEngines } from "@/db/testing/test-database";
import type { DatabaseHandle } from "@/db/client";
import { rateLimits } from "@/db/schema";
import { withSystem } from "./context";
import { consumeLimit, pruneExpiredLimits, type Limit } from "./rate-limit";

describe.each(testEngines())("rate limits on %s", (engine) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await openTestDatabase(engine);
  });
  afterAll(async () => handle?.close());

  it("allows the points of a window, then refuses with the seconds to wait", async () => {
    const limit: Limit = { keyPrefix: "probe-window", points: 2, durationSeconds: 60 };
    expect(await consumeLimit(limit, "k")).toMatchObject({ allowed: true, remaining: 1 });
    expect(await consumeLimit(limit, "k")).toMatchObject({ allowed: true, remaining: 0 });
    const refused = await consumeLimit(limit, "k");
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect(await consumeLimit(limit, "another key")).toMatchObject({ allowed: true });
  });

  it("prunes counters whose window is over and keeps the running ones", async () => {
    const limit: Limit = { keyPrefix: "probe-prune", points: 5, durationSeconds: 3_600 };
    for (const key of ["a", "b", "c"]) await consumeLimit(limit, key);
    const rows = () => withSystem((tx) => tx.select({ key: rateLimits.key, expire: rateLimits.expire }).from(rateLimits));
    const mine = async () => (await rows()).filter((r) => r.key.startsWith("probe-prune")).length;
    expect(await mine()).toBe(3);
    // Nothing of this hour's windows has ended yet.
    expect(await pruneExpiredLimits(new Date())).toBeGreaterThanOrEqual(0);
    expect(await mine()).toBe(3);
    // Two hours on, every window of the hour has ended: all go, and a new hit starts afresh.
    expect(await pruneExpiredLimits(new Date(Date.now() + 2 * 3_600_000))).toBeGreaterThanOrEqual(3);
    expect(await mine()).toBe(0);
    expect(await consumeLimit(limit, "a")).toMatchObject({ allowed: true, remaining: 4 });
  });
});
