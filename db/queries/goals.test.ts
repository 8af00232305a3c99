import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { DateTime } from "luxon";
import { openTestDatabase, testEngines } from "@/db/testing/test-database";
import type { DatabaseHandle } from "@/db/client";
import * as s from "@/db/schema";
import { createAccount } from "./users";
import { withSystem, withViewer, type Viewer } from "./context";
import { acceptedPlanSchema, createGoalFromPlan, endPause, loadMemberGoalSummary, recordCheckIn, setGoalStatus, type AcceptedPlan } from "./goals";
import { decidePlanSuggestion, listPlanSuggestions, storePlanSuggestions } from "./plan-suggestions";
import { acceptMentorInvite, createMentorInvite, updateMentorConsent, listMyMentors } from "./mentoring";

const plan = (overrides: Partial<AcceptedPlan> = {}): AcceptedPlan => ({
  proposalId: crypto.randomUUID(),
  summary: "Three runs a week, built up gently.",
  provider: "grounded",
  partial: false,
  subgoals: [{ title: "Buy running shoes" }, { title: "Run 5 km without stopping" }],
  habits: [
    { title: "Run 20 minutes", schedule: { kind: "weekly", timesPerWeek: 3 }, skipBudgetPerWeek: 1 },
    { title: "Stretch", schedule: { kind: "daily" }, skipBudgetPerWeek: 1 },
  ],
  ...overrides,
});

describe.each(testEngines())("goals and check-ins on %s", (engine) => {
  let handle: DatabaseHandle;
  let ada: Viewer; // a member in Auckland (UTC+13 in November): her today is often the server's tomorrow
  let bob: Viewer; // another member
  let mentor: Viewer;
  let adaGoal: string;
  let adaHabits: { id: string; title: string }[];
  const adaToday = () => DateTime.now().setZone("Pacific/Auckland").toISODate()!;

  beforeAll(async () => {
    handle = await openTestDatabase(engine);
    const a = await createAccount({ email: "ada@example.com", name: "Ada", password: "a sturdy passphrase 7", timezone: "Pacific/Auckland" });
    const b = await createAccount({ email: "bob@example.com", name: "Bob", password: "a sturdy passphrase 8", timezone: "America/New_York" });
    const m = await createAccount({ email: "mia@example.com", name: "Mia", password: "a sturdy passphrase 9", role: "mentor" });
    ada = { userId: a.id, role: "patient" };
    bob = { userId: b.id, role: "patient" };
    mentor = { userId: m.id, role: "mentor" };
    adaGoal = (await createGoalFromPlan(ada, { title: "Run 3× a week", theme: "fitness" }, plan())).goalId;
    adaHabits = await withSystem((tx) => tx.select({ id: s.habits.id, title: s.habits.title }).from(s.habits).where(eq(s.habits.goalId, adaGoal)));
  });
  afterAll(async () => handle?.close());

  it("creates the goal, its steps and habits from the accepted plan, once per proposal", async () => {
    const p = plan();
    const first = await createGoalFromPlan(bob, { title: "Walk after dinner" }, p);
    const again = await createGoalFromPlan(bob, { title: "Walk after dinner" }, p);
    expect(first.created).toBe(true);
    expect(again).toEqual({ goalId: first.goalId, created: false });
    const counts = await withViewer(bob, async (tx) => ({
      goals: (await tx.select().from(s.goals)).length,
      subgoals: (await tx.select().from(s.subgoals)).length,
      habits: (await tx.select().from(s.habits)).length,
    }));
    expect(counts).toEqual({ goals: 1, subgoals: 2, habits: 2 });
  });

  it("refuses a plan without habits or with impossible schedules, with a sentence", () => {
    const none = acceptedPlanSchema.safeParse(plan({ habits: [] }));
    expect(none.success).toBe(false);
    expect(none.error?.issues[0].message).toBe("Keep at least one habit: the plan is how you make progress.");
    const nine = acceptedPlanSchema.safeParse(plan({ habits: [{ title: "Run", schedule: { kind: "weekly", timesPerWeek: 9 }, skipBudgetPerWeek: 1 }] }));
    expect(nine.error?.issues[0].message).toBe("A weekly habit can be at most 7 times a week.");
  });

  it("records today's check-in on the member's local day and changes it on a second tap, keeping the note", async () => {
    const saved = await recordCheckIn(ada, { habitId: adaHabits[0].id, status: "done", note: "Easy pace" });
    expect(saved).toEqual({ day: adaToday(), status: "done" });
    await recordCheckIn(ada, { habitId: adaHabits[0].id, status: "skipped" });
    const rows = await withViewer(ada, (tx) => tx.select().from(s.checkIns).where(eq(s.checkIns.habitId, adaHabits[0].id)));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ day: adaToday(), status: "skipped", note: "Easy pace" });
  });

  it("refuses a day in the member's future, too long ago or before the habit began", async () => {
    const tomorrow = DateTime.fromISO(adaToday()).plus({ days: 1 }).toISODate()!;
    await expect(recordCheckIn(ada, { habitId: adaHabits[1].id, day: tomorrow, status: "done" })).rejects.toMatchObject({
      status: 400,
      message: expect.stringContaining("still in the future where you are"),
    });
    const lastMonth = DateTime.fromISO(adaToday()).minus({ days: 30 }).toISODate()!;
    await expect(recordCheckIn(ada, { habitId: adaHabits[1].id, day: lastMonth, status: "done" })).rejects.toMatchObject({ status: 400 });
    await expect(recordCheckIn(ada, { habitId: adaHabits[1].id, day: "2026-02-30", status: "done" })).rejects.toMatchObject({
      message: "The day must be a date like 2026-11-22.",
    });
  });

  it("refuses a check-in for someone else's habit as if it did not exist", async () => {
    await expect(recordCheckIn(bob, { habitId: adaHabits[0].id, status: "done" })).rejects.toMatchObject({ status: 404, message: "That habit does not exist." });
    await expect(recordCheckIn(bob, { habitId: "not-a-uuid", status: "done" })).rejects.toMatchObject({ status: 400 });
    // And nothing was written for Ada by Bob.
    const rows = await withSystem((tx) => tx.select().from(s.checkIns).where(eq(s.checkIns.userId, bob.userId)));
    expect(rows).toHaveLength(0);
  });

  it("refuses check-ins on a paused goal's habits", async () => {
    const { goalId } = await createGoalFromPlan(ada, { title: "Sleep by 23:00" }, plan({ habits: [{ title: "Lights out 23:00", schedule: { kind: "daily" }, skipBudgetPerWeek: 0 }] }));
    await setGoalStatus(ada, goalId, "paused");
    const [habit] = await withViewer(ada, (tx) => tx.select().from(s.habits).where(eq(s.habits.goalId, goalId)));
    await expect(recordCheckIn(ada, { habitId: habit.id, status: "done" })).rejects.toMatchObject({ message: "This habit is paused. Resume it before checking in." });
    await setGoalStatus(ada, goalId, "archived");
    await expect(setGoalStatus(bob, goalId, "active")).rejects.toMatchObject({ status: 404 });
  });

  it("pausing and resuming a goal records the pause in local days, so the paused stretch is not missed", async () => {
    const { goalId } = await createGoalFromPlan(bob, { title: "Meditate" }, plan({ habits: [{ title: "Sit 10 minutes", schedule: { kind: "daily" }, skipBudgetPerWeek: 0 }] }));
    const pausedOn = new Date("2026-12-01T15:00:00Z"); // 10:00 in New York
    await setGoalStatus(bob, goalId, "paused", pausedOn);
    await setGoalStatus(bob, goalId, "active", new Date("2026-12-05T15:00:00Z"));
    const [habit] = await withViewer(bob, (tx) => tx.select().from(s.habits).where(eq(s.habits.goalId, goalId)));
    expect(habit).toMatchObject({ active: true, pauses: [{ from: "2026-12-01", to: "2026-12-04" }] });
    // Paused and resumed the same day: no pause at all.
    expect(endPause([{ from: "2026-12-05", to: null }], "2026-12-05")).toEqual([]);
  });

  it("counts a streak over the whole history, not only the recent days read in full", async () => {
    const c = await createAccount({ email: "cy@example.com", name: "Cy", password: "a sturdy passphrase 6", timezone: "Europe/Paris" });
    const cy: Viewer = { userId: c.id, role: "patient" };
    const { goalId } = await createGoalFromPlan(cy, { title: "Walk" }, plan({ habits: [{ title: "Walk 20 minutes", schedule: { kind: "daily" }, skipBudgetPerWeek: 0 }] }));
    const today = DateTime.now().setZone("Europe/Paris").startOf("day");
    const [habit] = await withSystem((tx) =>
      tx.update(s.habits).set({ createdAt: today.minus({ days: 200 }).toJSDate() }).where(eq(s.habits.goalId, goalId)).returning({ id: s.habits.id }),
    );
    const days = Array.from({ length: 150 }, (_, i) => today.minus({ days: 149 - i }).toISODate()!);
    await withSystem((tx) => tx.insert(s.checkIns).values(days.map((day) => ({ userId: cy.userId, habitId: habit.id, day, status: "done" as const }))));
    const stats = (await loadMemberGoalSummary(cy)).goals[0].habits[0].stats;
    expect(stats.currentStreak).toBe(150);
    expect(stats.longestStreak).toBe(150);
  });

  it("keeps the proposed plan only when it has the shape of one", async () => {
    const p = plan();
    const forged = { summary: "x", provider: "model:evil", subgoals: "nope", habits: Array(50).fill({}) };
    const { goalId } = await createGoalFromPlan(bob, { title: "Drink water" }, p, forged);
    const [goal] = await withViewer(bob, (tx) => tx.select().from(s.goals).where(eq(s.goals.id, goalId)));
    expect(goal.aiPlan).toMatchObject({ proposalId: p.proposalId, proposed: null });
    const kept = await createGoalFromPlan(bob, { title: "Drink water" }, plan(), { summary: "Two habits", provider: "grounded", partial: false, subgoals: [], habits: p.habits });
    const [goal2] = await withViewer(bob, (tx) => tx.select().from(s.goals).where(eq(s.goals.id, kept.goalId)));
    expect((goal2.aiPlan as { proposed: { habits: unknown[] } }).proposed.habits).toHaveLength(2);
  });

  it("a member sees nothing of another member, at the query layer and under RLS", async () => {
    await expect(loadMemberGoalSummary(bob, ada.userId)).rejects.toMatchObject({ status: 404 });
    const leaked = await withViewer(bob, async (tx) => [
      ...(await tx.select().from(s.goals).where(eq(s.goals.userId, ada.userId))),
      ...(await tx.select().from(s.habits).where(eq(s.habits.userId, ada.userId))),
      ...(await tx.select().from(s.checkIns).where(eq(s.checkIns.userId, ada.userId))),
    ]);
    expect(leaked).toEqual([]);
    const mine = await loadMemberGoalSummary(ada);
    expect(mine.goals.map((g) => g.title)).toContain("Run 3× a week");
    expect(mine.today).toBe(adaToday());
  });

  it("a mentor sees a member only while a consented link is active", async () => {
    const rawRows = () => withViewer(mentor, (tx) => tx.select().from(s.checkIns));
    await expect(loadMemberGoalSummary(mentor, ada.userId)).rejects.toMatchObject({ status: 404 });
    expect(await rawRows()).toEqual([]);

    const { code } = await createMentorInvite(mentor);
    await acceptMentorInvite(ada, code);
    const seen = await loadMemberGoalSummary(mentor, ada.userId);
    expect(seen.goals.map((g) => g.title)).toContain("Run 3× a week");
    expect((await rawRows()).length).toBeGreaterThan(0);
    // A mentor reads but never writes a member's check-ins.
    await expect(recordCheckIn(mentor, { habitId: adaHabits[1].id, status: "done" })).rejects.toMatchObject({ status: 404 });

    const [link] = await listMyMentors(ada);
    await updateMentorConsent(ada, link.id, { revoke: true });
    await expect(loadMemberGoalSummary(mentor, ada.userId)).rejects.toMatchObject({ status: 404 });
    expect(await rawRows()).toEqual([]);
  });

  it("plan suggestions are stored once a week, applied on accept and decided only once", async () => {
    const weekOf = "2026-11-16";
    const adjustment = {
      goalId: adaGoal,
      change: { kind: "reduce_frequency" as const, habitId: adaHabits[0].id, timesPerWeek: 2 },
      title: "Run twice a week for now",
      rationale: "2 of 6 runs done in the last two weeks.",
      provider: "grounded",
    };
    expect(await storePlanSuggestions(ada, weekOf, [adjustment])).toBe(1);
    expect(await storePlanSuggestions(ada, weekOf, [adjustment])).toBe(0);
    const [pending] = await listPlanSuggestions(ada);
    expect(pending).toMatchObject({ status: "pending", goalTitle: "Run 3× a week", adjustment: { title: "Run twice a week for now" } });
    expect(await listPlanSuggestions(bob)).toEqual([]);
    await expect(decidePlanSuggestion(bob, pending.id, "accept")).rejects.toMatchObject({ status: 404 });

    // An older week's pending suggestion is replaced by the newer one and cannot be applied after it.
    const older = { ...adjustment, change: { kind: "raise_skip_budget" as const, habitId: adaHabits[0].id, skipBudgetPerWeek: 2 }, title: "Allow two skips" };
    await storePlanSuggestions(ada, "2026-11-09", [older]);
    expect((await listPlanSuggestions(ada)).map((x) => x.weekOf)).toEqual([weekOf]);
    const [stale] = await withViewer(ada, (tx) => tx.select().from(s.planSuggestions).where(eq(s.planSuggestions.weekOf, "2026-11-09")));
    await expect(decidePlanSuggestion(ada, stale.id, "accept")).rejects.toMatchObject({ status: 410 });

    await decidePlanSuggestion(ada, pending.id, "accept");
    const [habit] = await withViewer(ada, (tx) => tx.select().from(s.habits).where(eq(s.habits.id, adaHabits[0].id)));
    expect(habit.schedule).toEqual({ kind: "weekly", timesPerWeek: 2 });
    await expect(decidePlanSuggestion(ada, pending.id, "reject")).rejects.toMatchObject({ status: 409, message: "You already accepted this suggestion." });
  });
});
