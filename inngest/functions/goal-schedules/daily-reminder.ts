import { getScheduleMember } from "@/db/queries/schedule-members";
import { loadMemberGoalSummary } from "@/db/queries/goals";
import { notifyOnce } from "@/db/queries/notifications";
import { composeGoalReminderEmail, describeStreak, type ReminderHabit } from "@/lib/email/goal-emails";
import { sendEmail } from "@/lib/email";
import type { MemberGoalSummary } from "@/lib/goals/types";
import { defineWorkflow } from "../../define-workflow";
import { defineLocalFanOut, memberViewer } from "./fan-out";
import { CRON, DAILY_REMINDER, scheduledInstant } from "./local-time";

/**
 * 07:00 in each member's zone: the habits due today that are not checked in yet. Only when there is
 * one and the member keeps daily reminders on (user_preferences.daily_reminders; read again at run
 * time, so switching it off after the fan-out still counts). The in-app notification is deduped per
 * local day; the email goes only when that notification was new, in its own step, so a failed send
 * is retried without a second notification. (A crash between the insert and recording the step
 * finds the notification already there on the retry and sends no email: at most one email a day.)
 * The time is 07:00 in every member's zone, as the product specifies: one reminder a day, not one per habit.
 */
export const dailyReminderFanOut = defineLocalFanOut({
  id: "goal-reminder-fanout",
  name: "Goal reminders: members at 07:00 local",
  cron: CRON.daily,
  schedule: DAILY_REMINDER,
  event: "goals/reminder.requested",
  include: (m) => m.dailyReminders,
});

/** Habits of active goals due today and not yet checked in, with their current streaks. */
export function habitsToRemind(summary: MemberGoalSummary): ReminderHabit[] {
  return summary.goals
    .filter((g) => g.status === "active")
    .flatMap((g) => g.habits)
    .filter((h) => h.stats.dueToday && h.stats.todayStatus === null)
    .map((h) => ({ title: h.title, streak: h.stats.currentStreak, streakUnit: h.stats.streakUnit }));
}

export const dailyReminder = defineWorkflow(
  {
    id: "goal-daily-reminder",
    name: "Remind a member of today's habits",
    trigger: { event: "goals/reminder.requested" },
    retries: 3,
    concurrency: { key: "event.data.userId", limit: 1 },
  },
  async ({ event, step }) => {
    const { userId, localDate } = event.data;
    const viewer = memberViewer(userId);
    const plan = await step.run("find-due-habits", async () => {
      const member = await getScheduleMember(userId);
      if (!member || !member.dailyReminders) return null;
      const summary = await loadMemberGoalSummary(viewer, userId, scheduledInstant(DAILY_REMINDER, localDate, member.timezone));
      const habits = habitsToRemind(summary);
      return habits.length === 0 ? null : { email: member.email, name: member.name, habits };
    });
    if (!plan) return { reminded: false };

    const titles = plan.habits.map((h) => `${h.title} (${describeStreak(h.streak, h.streakUnit)})`).join(", ");
    const created = await step.run("notify", () =>
      notifyOnce(viewer, {
        kind: "goal_reminder",
        title: plan.habits.length === 1 ? "1 habit for today" : `${plan.habits.length} habits for today`,
        body: titles,
        dedupeKey: `reminder:${localDate}`,
      }),
    );
    if (!created) return { reminded: false, reason: "already reminded today" };

    await step.run("email", async () => {
      const sent = await sendEmail(composeGoalReminderEmail({ to: plan.email, name: plan.name, localDate, habits: plan.habits }));
      return { via: sent.via };
    });
    return { reminded: true, habits: plan.habits.length };
  },
);
