/** Test helpers for the mentor suites (mentor-view, copilot): links and habit histories in a few lines. */
import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import { DateTime } from "luxon";
import * as s from "@/db/schema";
import type { CheckInStatus } from "@/lib/goals/types";
import { withSystem, type Viewer } from "@/db/queries/context";
import { createGoalFromPlan } from "@/db/queries/goals";
import { acceptMentorInvite, createMentorInvite } from "@/db/queries/mentoring";

/** The member accepts the mentor's invite: an active link with the default consent (goals only). */
export async function linkMentor(mentor: Viewer, mentee: Viewer): Promise<void> {
  const { code } = await createMentorInvite(mentor);
  await acceptMentorInvite(mentee, code);
}

/**
 * One goal with one daily habit, and check-ins on the days `statusOn(daysAgo)` names (null: none)
 * over the last 30 days ending `today` (the member's local day). Written with system rights so days
 * older than the member's one-week backfill limit can be set up.
 */
export async function seedHabitHistory(member: Viewer, today: string, statusOn: (daysAgo: number) => CheckInStatus | null): Promise<{ goalId: string; habitId: string }> {
  const { goalId } = await createGoalFromPlan(
    member,
    { title: "Walk more", theme: "fitness" },
    {
      proposalId: crypto.randomUUID(), summary: "A daily walk.", provider: "grounded", partial: false,
      subgoals: [{ title: "Find a route" }],
      habits: [{ title: "Walk 20 minutes", schedule: { kind: "daily" }, skipBudgetPerWeek: 1 }],
    },
  );
  return withSystem(async (tx) => {
    const [habit] = await tx.select({ id: s.habits.id }).from(s.habits).where(eq(s.habits.goalId, goalId));
    const rows = Array.from({ length: 30 }, (_, n) => ({ n, status: statusOn(n) }))
      .filter((r): r is { n: number; status: CheckInStatus } => r.status !== null)
      .map((r) => ({ userId: member.userId, habitId: habit.id, day: DateTime.fromISO(today).minus({ days: r.n }).toISODate()!, status: r.status }));
    if (rows.length) await tx.insert(s.checkIns).values(rows);
    return { goalId, habitId: habit.id };
  });
}
