import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { openTestDatabase, testEngines } from "@/db/testing/test-database";
import type { DatabaseHandle } from "@/db/client";
import * as s from "@/db/schema";
import { withSystem, withViewer, type Viewer } from "./context";

// Row-level security must hold even when a query has no WHERE clause (DESIGN decision 2).
describe.each(testEngines())("row-level security on %s", (engine) => {
  let handle: DatabaseHandle;
  let a: Viewer, b: Viewer, mentor: Viewer;

  beforeAll(async () => {
    handle = await openTestDatabase(engine);
    const [ua, ub, um] = await withSystem((tx) =>
      tx.insert(s.users).values([
        { email: "a@example.com", name: "A" },
        { email: "b@example.com", name: "B" },
        { email: "m@example.com", name: "M", role: "mentor" },
      ]).returning({ id: s.users.id }),
    );
    a = { userId: ua.id, role: "patient" };
    b = { userId: ub.id, role: "patient" };
    mentor = { userId: um.id, role: "mentor" };
    for (const v of [a, b]) {
      await withViewer(v, async (tx) => {
        await tx.insert(s.glucoseReadings).values([
          { userId: v.userId, time: new Date("2026-01-01T00:00:00Z"), mgdl: 100, source: "api" },
          { userId: v.userId, time: new Date("2026-01-01T00:05:00Z"), mgdl: 110, source: "api" },
        ]);
        await tx.insert(s.dailyAggregates).values({ userId: v.userId, date: "2026-01-01", readings: 2, meanMgdl: 105 });
        await tx.insert(s.goals).values({ userId: v.userId, title: `goal of ${v.userId}` });
        await tx.insert(s.journalEntries).values({ userId: v.userId, text: "private thoughts" });
      });
    }
  });
  afterAll(async () => handle?.close());

  it("a patient's unfiltered select returns only their own rows", async () => {
    const rows = await withViewer(a, (tx) => tx.select().from(s.glucoseReadings));
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.userId === a.userId)).toBe(true);
    const users = await withViewer(a, (tx) => tx.select().from(s.users));
    expect(users.map((u) => u.email)).toEqual(["a@example.com"]);
  });

  it("a patient cannot insert a row for another person", async () => {
    await expect(
      withViewer(a, (tx) => tx.insert(s.glucoseReadings).values({ userId: b.userId, time: new Date(), mgdl: 99, source: "api" })),
    ).rejects.toThrow();
    const bRows = await withViewer(b, (tx) => tx.select().from(s.glucoseReadings));
    expect(bRows).toHaveLength(2);
  });

  it("a patient cannot update or delete another person's rows", async () => {
    await withViewer(a, (tx) => tx.update(s.glucoseReadings).set({ mgdl: 1 }));
    await withViewer(a, (tx) => tx.delete(s.goals));
    const bRows = await withViewer(b, (tx) => tx.select().from(s.glucoseReadings));
    expect(bRows.map((r) => r.mgdl).sort()).toEqual([100, 110]);
    expect(await withViewer(b, (tx) => tx.select().from(s.goals))).toHaveLength(1);
  });

  it("outside a viewer context with the app role, nothing is visible", async () => {
    const count = await withSystem(async (tx) => {
      await tx.execute(sql`set local role app_user`);
      return tx.select().from(s.glucoseReadings);
    });
    expect(count).toHaveLength(0);
  });

  it("a mentor sees nothing without consent, goals with it, glucose only when shared, nothing after revoking", async () => {
    // (the previous case deleted A's own goal: give A one again)
    await withViewer(a, (tx) => tx.insert(s.goals).values({ userId: a.userId, title: "walk daily" }));
    expect(await withViewer(mentor, (tx) => tx.select().from(s.goals))).toHaveLength(0);

    const [link] = await withViewer(a, (tx) =>
      tx.insert(s.mentorLinks).values({ mentorId: mentor.userId, menteeId: a.userId }).returning(),
    );
    const goals = await withViewer(mentor, (tx) => tx.select().from(s.goals));
    expect(goals.map((g) => g.userId)).toEqual([a.userId]);
    expect(await withViewer(mentor, (tx) => tx.select().from(s.dailyAggregates))).toHaveLength(0);
    expect(await withViewer(mentor, (tx) => tx.select().from(s.journalEntries))).toHaveLength(0);
    expect(await withViewer(mentor, (tx) => tx.select().from(s.glucoseReadings))).toHaveLength(0);

    await withViewer(a, (tx) => tx.update(s.mentorLinks).set({ shareGlucose: true }).where(eq(s.mentorLinks.id, link.id)));
    const daily = await withViewer(mentor, (tx) => tx.select().from(s.dailyAggregates));
    expect(daily.map((d) => d.userId)).toEqual([a.userId]);

    // A mentor can read but never change a mentee's goals.
    await withViewer(mentor, (tx) => tx.update(s.goals).set({ title: "hijacked" }));
    const own = await withViewer(a, (tx) => tx.select().from(s.goals));
    expect(own[0].title).not.toBe("hijacked");

    // The mentor cannot consent on the member's behalf.
    await expect(
      withViewer(mentor, (tx) => tx.insert(s.mentorLinks).values({ mentorId: mentor.userId, menteeId: b.userId })),
    ).rejects.toThrow();

    await withViewer(a, (tx) => tx.update(s.mentorLinks).set({ status: "revoked", revokedAt: new Date() }).where(eq(s.mentorLinks.id, link.id)));
    expect(await withViewer(mentor, (tx) => tx.select().from(s.goals))).toHaveLength(0);
    expect(await withViewer(mentor, (tx) => tx.select().from(s.dailyAggregates))).toHaveLength(0);
  });
});
