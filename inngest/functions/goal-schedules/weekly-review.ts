import { getScheduleMember } from "@/db/queries/schedule-members";
import { loadMemberGoalSummary } from "@/db/queries/goals";
import { loadHabitHistory } from "@/db/queries/goal-reports";
import { notifyOnce } from "@/db/queries/notifications";
import { composeWeeklyReviewEmail, type WeeklyReviewDigest } from "@/lib/email/goal-emails";
import { sendEmail } from "@/lib/email";
import { adherencePercent } from "@/lib/goals/stats";
import type { MemberGoalSummary } from "@/lib/goals/types";
import { defineWorkflow } from "../../define-workflow";
import { defineLocalFanOut, memberViewer } from "./fan-out";
import { CRON, previousWeek, scheduledInstant, WEEKLY_REVIEW } from "./local-time";
import { bestAndWeakest, summarizePeriod, type PeriodProgress } from "./period-progress";

/**
 * Monday 08:00 in each member's zone: the week that ended yesterday (Monday to Sunday, local days).
 * Adherence per habit is over exactly that week (period-progress.ts); streaks and risk are as of the
 * review (Monday morning, today still open). In-app (deduped per week) and email, the email only
 * when the notification was new, in its own step.
 */
export const weeklyReviewFanOut = defineLocalFanOut({
  id: "goal-weekly-review-fanout",
  name: "Weekly goal review: members at Monday 08:00 local",
  cron: CRON.monday,
  schedule: WEEKLY_REVIEW,
  event: "goals/weekly-review.requested",
});

export function buildWeeklyReview(week: PeriodProgress, summary: MemberGoalSummary): WeeklyReviewDigest {
  const streaks = new Map(summary.goals.flatMap((g) => g.habits).map((h) => [h.id, h.stats]));
  const { best, weakest } = bestAndWeakest(week.habits);
  return {
    from: week.from,
    to: week.to,
    adherencePercent: adherencePercent(week.adherence),
    habits: week.habits.map((h) => ({
      title: h.title,
      adherencePercent: adherencePercent(h.adherence),
      currentStreak: streaks.get(h.habitId)?.currentStreak ?? 0,
      streakUnit: streaks.get(h.habitId)?.streakUnit ?? "day",
    })),
    best: best?.title ?? null,
    weakest: weakest?.title ?? null,
    // "On track…" is what a low risk says; the review lists reasons only when there is something to look at.
    riskReasons: summary.risk.level === "low" ? [] : summary.risk.reasons,
  };
}

/** The in-app notification's one line. */
export function weeklyReviewLine(review: WeeklyReviewDigest): string {
  const kept = review.adherencePercent === null ? "Nothing was due last week." : `You kept ${review.adherencePercent} % of your plan last week.`;
  return review.best ? `${kept} Strongest: ${review.best}.` : kept;
}

export const weeklyReview = defineWorkflow(
  {
    id: "goal-weekly-review",
    name: "Review a member's week",
    trigger: { event: "goals/weekly-review.requested" },
    retries: 3,
    concurrency: { key: "event.data.userId", limit: 1 },
  },
  async ({ event, step }) => {
    const { userId, localDate } = event.data;
    const viewer = memberViewer(userId);
    const week = previousWeek(localDate);
    const plan = await step.run("build-review", async () => {
      const member = await getScheduleMember(userId);
      if (!member) return null;
      const progress = summarizePeriod(await loadHabitHistory(viewer, week), week);
      if (progress.habits.length === 0) return null;
      const summary = await loadMemberGoalSummary(viewer, userId, scheduledInstant(WEEKLY_REVIEW, localDate, member.timezone));
      return { email: member.email, name: member.name, review: buildWeeklyReview(progress, summary) };
    });
    if (!plan) return { reviewed: false };

    const created = await step.run("notify", () =>
      notifyOnce(viewer, { kind: "weekly_review", title: "Your week in review", body: weeklyReviewLine(plan.review), dedupeKey: `weekly-review:${localDate}` }),
    );
    if (!created) return { reviewed: false, reason: "already reviewed" };

    await step.run("email", async () => {
      const sent = await sendEmail(composeWeeklyReviewEmail({ to: plan.email, name: plan.name, review: plan.review }));
      return { via: sent.via };
    });
    return { reviewed: true, weekOf: week.from };
  },
);
