import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { openTestDatabase, testEngines } from "@/db/testing/test-database";
import type { DatabaseHandle } from "@/db/client";
import * as s from "@/db/schema";
import { withSystem, type Role, type Viewer } from "./context";
import { createTestViewer } from "@/db/testing/test-accounts";
import { createGoalFromPlan, setGoalStatus } from "./goals";
import { getScheduleMember, listScheduleMembers, listScheduleTimezones } from "./schedule-members";

function member(email: string, timezone: string, role: Role = "patient"): Promise<Viewer> {
  return createTestViewer(email.split("@")[0], { email, timezone, role });
}

async function addGoal(viewer: Viewer): Promise<string> {
  const { goalId } = await createGoalFromPlan(
    viewer,
    { title: "Walk more" },
    {
      proposalId: crypto.randomUUID(),
      summary: "",
      provider: "grounded",
      partial: false,
      subgoals: [],
      habits: [{ title: "Walk 20 minutes", schedule: { kind: "daily" }, skipBudgetPerWeek: 1 }],
    },
  );
  return goalId;
}

describe.each(testEngines())("schedule members on %s", (engine) => {
  let handle: DatabaseHandle;
  let nepal: Viewer;
  let paris: Viewer;
  let quiet: Viewer;
  let noHabits: Viewer;
  let paused: Viewer;
  let mentor: Viewer;
  let retiredHabit: Viewer;

  beforeAll(async () => {
    handle = await openTestDatabase(engine);
    nepal = await member("nepal@example.com", "Asia/Kathmandu");
    paris = await member("paris@example.com", "Europe/Paris");
    quiet = await member("quiet@example.com", "Europe/Paris");
    noHabits = await member("nohabits@example.com", "Europe/Paris");
    paused = await member("paused@example.com", "America/Denver");
    mentor = await member("mentor@example.com", "Europe/Paris", "mentor");
    retiredHabit = await member("retired@example.com", "Pacific/Honolulu");
    for (const v of [nepal, paris, quiet, paused, mentor, retiredHabit]) await addGoal(v);
    await withSystem(async (tx) => {
      await tx.update(s.userPreferences).set({ dailyReminders: false }).where(eq(s.userPreferences.userId, quiet.userId));
      // An account from before preferences existed: the column's default (reminders on) applies.
      await tx.delete(s.userPreferences).where(eq(s.userPreferences.userId, paris.userId));
      await tx.update(s.habits).set({ active: false }).where(eq(s.habits.userId, retiredHabit.userId));
    });
    const [pausedGoal] = await withSystem((tx) => tx.select({ id: s.goals.id }).from(s.goals).where(eq(s.goals.userId, paused.userId)));
    await setGoalStatus(paused, pausedGoal.id, "paused");
  });
  afterAll(async () => handle?.close());

  it("lists the zones of patients with an active habit of an active goal", async () => {
    expect(await listScheduleTimezones()).toEqual(["Asia/Kathmandu", "Europe/Paris"]);
  });

  it("lists the members of the given zones with their address and reminder preference", async () => {
    const inParis = await listScheduleMembers(["Europe/Paris"]);
    expect(inParis.map((m) => m.email).sort()).toEqual(["paris@example.com", "quiet@example.com"]);
    expect(inParis.find((m) => m.userId === paris.userId)).toEqual({
      userId: paris.userId,
      timezone: "Europe/Paris",
      email: "paris@example.com",
      name: "paris",
      dailyReminders: true,
    });
    expect(inParis.find((m) => m.userId === quiet.userId)?.dailyReminders).toBe(false);
    expect(await listScheduleMembers(["Pacific/Honolulu", "America/Denver"])).toEqual([]);
    expect(await listScheduleMembers([])).toEqual([]);
    expect((await listScheduleMembers(["Asia/Kathmandu", "Europe/Paris"])).map((m) => m.userId)).toEqual(
      [nepal.userId, paris.userId, quiet.userId].sort(),
    );
  });

  it("reads one member again, or null for who no longer qualifies", async () => {
    expect(await getScheduleMember(nepal.userId)).toMatchObject({ userId: nepal.userId, timezone: "Asia/Kathmandu", dailyReminders: true });
    for (const v of [noHabits, paused, mentor, retiredHabit]) expect(await getScheduleMember(v.userId)).toBeNull();
  });
});
