import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { openTestDatabase, testEngines } from "@/db/testing/test-database";
import type { DatabaseHandle } from "@/db/client";
import * as s from "@/db/schema";
import { createTestViewer } from "@/db/testing/test-accounts";
import { withSystem, type Viewer } from "./context";
import { getOverlayDecision, recordBriefEvent } from "./brief-state";

describe.each(testEngines())("the weekly brief overlay's state on %s", (engine) => {
  let handle: DatabaseHandle;
  let ada: Viewer;
  let bob: Viewer;
  const WEEK = "2026-11-16";

  beforeAll(async () => {
    handle = await openTestDatabase(engine);
    ada = await createTestViewer("ada");
    bob = await createTestViewer("bob");
    await withSystem((tx) => tx.insert(s.weeklyHealthStories).values({ userId: ada.userId, weekOf: WEEK, title: "A steady week", narrative: "Steady." }));
  });
  afterAll(async () => handle?.close());

  const stateOf = (viewer: Viewer, weekOf: string) =>
    withSystem(async (tx) => (await tx.select().from(s.weeklyBriefState).where(and(eq(s.weeklyBriefState.userId, viewer.userId), eq(s.weeklyBriefState.weekOf, weekOf))))[0]);

  it("shows a new brief, counts impressions, and stops showing it once softly dismissed", async () => {
    expect(await getOverlayDecision(ada, WEEK)).toMatchObject({ show: true, title: "A steady week", reason: "new brief" });
    await recordBriefEvent(ada, WEEK, { type: "impression" });
    await recordBriefEvent(ada, WEEK, { type: "impression" });
    expect((await stateOf(ada, WEEK))?.impressions).toBe(2);
    await recordBriefEvent(ada, WEEK, { type: "soft_dismiss", seconds: 12 });
    expect(await getOverlayDecision(ada, WEEK)).toMatchObject({ show: false, reason: "dismissed this week" });
  });

  it("refuses events for a week without the person's brief, and keeps nothing for it", async () => {
    await expect(recordBriefEvent(ada, "2026-11-09", { type: "impression" })).rejects.toMatchObject({ code: "not_found:brief" });
    // Bob has no brief that week: Ada's brief is not his to count.
    await expect(recordBriefEvent(bob, WEEK, { type: "engaged" })).rejects.toMatchObject({ code: "not_found:brief" });
    expect(await stateOf(ada, "2026-11-09")).toBeUndefined();
    expect(await stateOf(bob, WEEK)).toBeUndefined();
    expect(await getOverlayDecision(bob, WEEK)).toMatchObject({ show: false, reason: "no brief this week yet" });
  });
});
