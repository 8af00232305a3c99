import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, testEngines } from "@/db/testing/test-database";
import type { DatabaseHandle } from "@/db/client";
import { createAccount } from "./users";
import { consumeBriefRefresh, getBriefRefreshUsage } from "./brief-refresh";
import type { Viewer } from "./context";

describe.each(testEngines())("manual brief refresh limit on %s", (engine) => {
  let handle: DatabaseHandle;
  let viewer: Viewer;
  beforeAll(async () => {
    handle = await openTestDatabase(engine);
    const u = await createAccount({ email: "r@example.com", name: "R", password: "a sturdy passphrase 7" });
    viewer = { userId: u.id, role: "patient" };
  });
  afterAll(async () => handle?.close());

  it("counts up to 10 a week and answers used and remaining", async () => {
    const first = await consumeBriefRefresh(viewer, "2026-11-16");
    expect(first).toEqual({ allowed: true, used: 1, remaining: 9, limit: 10 });
    for (let i = 0; i < 9; i++) await consumeBriefRefresh(viewer, "2026-11-16");
    expect(await consumeBriefRefresh(viewer, "2026-11-16")).toEqual({ allowed: false, used: 10, remaining: 0, limit: 10 });
    // Another week starts again.
    expect((await consumeBriefRefresh(viewer, "2026-11-23")).used).toBe(1);
  });

  it("25 clicks at the same moment let exactly the remaining ones through", async () => {
    const week = "2026-11-30";
    for (let i = 0; i < 7; i++) await consumeBriefRefresh(viewer, week);
    const results = await Promise.all(Array.from({ length: 25 }, () => consumeBriefRefresh(viewer, week)));
    expect(results.filter((r) => r.allowed)).toHaveLength(3);
    expect((await getBriefRefreshUsage(viewer, week)).used).toBe(10);
  });
});
