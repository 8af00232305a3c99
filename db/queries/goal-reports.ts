import { and, asc, eq, gte, inArray, lte } from "drizzle-orm";
import { checkIns, goals, habits, users } from "@/db/schema";
import type { CheckInStatus, HabitSchedule } from "@/lib/goals/types";
import { AppError } from "@/lib/errors";
import { addDays } from "@/lib/goals/stats";
import { withViewer, type Viewer } from "./context";

/**
 * What a weekly review or monthly report adds up over a closed period of local days: the member's
 * counted habits (active, of an active goal — what the goal statistics count) and their
 * check-ins. The check-ins start two weeks before the period, because "N times a week" targets and
 * skip budgets are per ISO week and a month may start mid-week; a backfilled check-in may also
 * predate a habit's creation, which moves its start.
 */
export type HabitHistory = {
  timezone: string;
  habits: { id: string; goalId: string; goalTitle: string; title: string; schedule: HabitSchedule; skipBudgetPerWeek: number; createdAt: Date }[];
  checkIns: { habitId: string; day: string; status: CheckInStatus }[];
};

const LEAD_DAYS = 14;

export async function loadHabitHistory(viewer: Viewer, period: { from: string; to: string }): Promise<HabitHistory> {
  return withViewer(viewer, async (tx) => {
    const [me] = await tx.select({ timezone: users.timezone }).from(users).where(eq(users.id, viewer.userId));
    if (!me) throw new AppError("not_found:member", "That member does not exist.");
    const habitRows = await tx
      .select({
        id: habits.id,
        goalId: habits.goalId,
        goalTitle: goals.title,
        title: habits.title,
        schedule: habits.schedule,
        skipBudgetPerWeek: habits.skipBudgetPerWeek,
        createdAt: habits.createdAt,
      })
      .from(habits)
      .innerJoin(goals, eq(goals.id, habits.goalId))
      .where(and(eq(habits.userId, viewer.userId), eq(habits.active, true), eq(goals.status, "active")))
      .orderBy(asc(habits.createdAt));
    const ids = habitRows.map((h) => h.id);
    const checkInRows =
      ids.length === 0
        ? []
        : await tx
            .select({ habitId: checkIns.habitId, day: checkIns.day, status: checkIns.status })
            .from(checkIns)
            .where(and(eq(checkIns.userId, viewer.userId), inArray(checkIns.habitId, ids), gte(checkIns.day, addDays(period.from, -LEAD_DAYS)), lte(checkIns.day, period.to)));
    return { timezone: me.timezone, habits: habitRows, checkIns: checkInRows };
  });
}
