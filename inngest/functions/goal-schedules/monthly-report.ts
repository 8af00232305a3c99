import { DateTime } from "luxon";
import { getScheduleMember } from "@/db/queries/schedule-members";
import { loadMemberGoalSummary } from "@/db/queries/goals";
import { loadHabitHistory } from "@/db/queries/goal-reports";
import { loadMoodTrend } from "@/db/queries/journal";
import { notifyOnce } from "@/db/queries/notifications";
import { composeMonthlyReportEmail, monthLabel, type MonthlyReportDigest } from "@/lib/email/goal-emails";
import { sendEmail } from "@/lib/email";
import { adherencePercent } from "@/lib/goals/stats";
import type { MemberGoalSummary, MoodTrend } from "@/lib/goals/types";
import { defineWorkflow } from "../../define-workflow";
import { defineLocalFanOut, memberViewer } from "./fan-out";
import { CRON, MONTHLY_REPORT, previousMonth, scheduledInstant } from "./local-time";
import { summarizePeriod, type PeriodProgress } from "./period-progress";

/**
 * The 1st, 09:00 in each member's zone: the month that just ended — check-ins done/skipped/missed
 * (as recorded), adherence per goal over exactly that month (period-progress.ts), the longest
 * streaks (as of the report, over the statistics' history) and the journal's mood direction over
 * the month's last two weeks when the member wrote entries. In-app (deduped per month) and email,
 * the email only when the notification was new, in its own step.
 */
export const monthlyReportFanOut = defineLocalFanOut({
  id: "goal-monthly-report-fanout",
  name: "Monthly goal report: members on the 1st at 09:00 local",
  cron: CRON.firstOfMonth,
  schedule: MONTHLY_REPORT,
  event: "goals/monthly-report.requested",
});

export function buildMonthlyReport(month: string, progress: PeriodProgress, summary: MemberGoalSummary, mood: MoodTrend | null): MonthlyReportDigest {
  const habits = summary.goals.filter((g) => g.status === "active").flatMap((g) => g.habits);
  return {
    month,
    checkIns: progress.checkIns,
    adherencePercent: adherencePercent(progress.adherence),
    goals: progress.goals.map((g) => ({ title: g.title, adherencePercent: adherencePercent(g.adherence), ...g.checkIns })),
    longestStreaks: habits
      .map((h) => ({ title: h.title, longestStreak: h.stats.longestStreak, streakUnit: h.stats.streakUnit }))
      .sort((a, b) => b.longestStreak - a.longestStreak)
      .slice(0, 3),
    mood: mood && mood.direction !== "unknown" ? mood.direction : null,
  };
}

export function monthlyReportLine(report: MonthlyReportDigest): string {
  const { done, skipped, missed } = report.checkIns;
  const kept = report.adherencePercent === null ? "" : ` You kept ${report.adherencePercent} % of your plan.`;
  return `${done} done, ${skipped} skipped, ${missed} missed.${kept}`;
}

export const monthlyReport = defineWorkflow(
  {
    id: "goal-monthly-report",
    name: "Report a member's month",
    trigger: { event: "goals/monthly-report.requested" },
    retries: 3,
    concurrency: { key: "event.data.userId", limit: 1 },
  },
  async ({ event, step }) => {
    const { userId, localDate } = event.data;
    const viewer = memberViewer(userId);
    const period = previousMonth(localDate);
    const plan = await step.run("build-report", async () => {
      const member = await getScheduleMember(userId);
      if (!member) return null;
      const history = await loadHabitHistory(viewer, period);
      const progress = summarizePeriod(history, period);
      if (progress.habits.length === 0) return null;
      const summary = await loadMemberGoalSummary(viewer, userId, scheduledInstant(MONTHLY_REPORT, localDate, member.timezone));
      // The mood trend as of the month's last moment, so it describes that month, not the new one.
      const monthEnd = DateTime.fromISO(localDate, { zone: member.timezone }).startOf("day").minus({ milliseconds: 1 }).toJSDate();
      const mood = await loadMoodTrend(viewer, userId, member.timezone, monthEnd);
      return { email: member.email, name: member.name, report: buildMonthlyReport(period.month, progress, summary, mood) };
    });
    if (!plan) return { reported: false };

    const created = await step.run("notify", () =>
      notifyOnce(viewer, {
        kind: "monthly_report",
        title: `Your goals in ${monthLabel(plan.report.month)}`,
        body: monthlyReportLine(plan.report),
        dedupeKey: `monthly:${period.month}`,
      }),
    );
    if (!created) return { reported: false, reason: "already reported" };

    await step.run("email", async () => {
      const sent = await sendEmail(composeMonthlyReportEmail({ to: plan.email, name: plan.name, report: plan.report }));
      return { via: sent.via };
    });
    return { reported: true, month: period.month };
  },
);
