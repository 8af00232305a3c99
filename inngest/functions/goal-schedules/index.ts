import type { RegisteredWorkflow } from "../../define-workflow";
import { dailyReminder, dailyReminderFanOut } from "./daily-reminder";
import { monthlyReport, monthlyReportFanOut } from "./monthly-report";
import { planSuggestions, planSuggestionsFanOut } from "./plan-suggestions";
import { weeklyReview, weeklyReviewFanOut } from "./weekly-review";

/**
 * The goal schedules (issue 8, item 6): each is a UTC cron fan-out that picks the members whose
 * local clock reached the schedule's time (local-time.ts), and a per-member workflow that acts as
 * that member. Registered in inngest/functions/index.ts.
 */
export const goalScheduleWorkflows: readonly RegisteredWorkflow[] = [
  dailyReminderFanOut,
  dailyReminder,
  weeklyReviewFanOut,
  weeklyReview,
  planSuggestionsFanOut,
  planSuggestions,
  monthlyReportFanOut,
  monthlyReport,
];
