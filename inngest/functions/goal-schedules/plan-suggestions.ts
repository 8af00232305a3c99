import { getScheduleMember } from "@/db/queries/schedule-members";
import { loadMemberGoalSummary } from "@/db/queries/goals";
import { listPlanSuggestions, storePlanSuggestions } from "@/db/queries/plan-suggestions";
import { notifyOnce } from "@/db/queries/notifications";
import { applicableChange, proposePlanAdjustments } from "@/lib/ai/goals";
import { defineWorkflow } from "../../define-workflow";
import { defineLocalFanOut, memberViewer } from "./fan-out";
import { CRON, mondayOfLocalDate, PLAN_SUGGESTIONS, scheduledInstant } from "./local-time";

/**
 * Wednesday 08:00 in each member's zone: proposePlanAdjustments (grounded, or worded by a model; it
 * never throws for a model failure) → storePlanSuggestions for the member's local week (weekOf = its
 * Monday; one per goal and week, so a retry stores nothing twice) → one "New plan suggestions"
 * notification when anything was stored.
 *
 * "keep" adjustments are NOT stored: a suggestion is something to accept or reject, and accepting
 * "keep" changes nothing — a card a member must dismiss every week for each goal that is going fine
 * would teach them to ignore the cards that matter. A week where every plan is kept leaves no row
 * and sends no notification.
 *
 * The proposal and the store share one step: the model's answer is not deterministic, and a retry
 * after a failed store must not store a different proposal than the one it computed (the store's
 * conflict rule keeps whatever landed first anyway).
 */
export const planSuggestionsFanOut = defineLocalFanOut({
  id: "goal-suggestions-fanout",
  name: "Plan suggestions: members at Wednesday 08:00 local",
  cron: CRON.wednesday,
  schedule: PLAN_SUGGESTIONS,
  event: "goals/suggestions.requested",
});

export const planSuggestions = defineWorkflow(
  {
    id: "goal-plan-suggestions",
    name: "Propose plan adjustments for a member",
    trigger: { event: "goals/suggestions.requested" },
    retries: 3,
    concurrency: { key: "event.data.userId", limit: 1 },
  },
  async ({ event, step }) => {
    const { userId, localDate } = event.data;
    const viewer = memberViewer(userId);
    const weekOf = mondayOfLocalDate(localDate);
    const stored = await step.run("propose-and-store", async () => {
      const member = await getScheduleMember(userId);
      if (!member) return 0;
      const summary = await loadMemberGoalSummary(viewer, userId, scheduledInstant(PLAN_SUGGESTIONS, localDate, member.timezone));
      const adjustments = (await proposePlanAdjustments(summary)).filter(applicableChange);
      await storePlanSuggestions(viewer, weekOf, adjustments);
      // Counted from the table, not from what this attempt inserted: after a crash between the insert
      // and recording this step, the retry inserts nothing but the member still needs the notification.
      return (await listPlanSuggestions(viewer)).filter((s) => s.weekOf === weekOf && s.status === "pending").length;
    });
    if (stored === 0) return { weekOf, stored };

    await step.run("notify", () =>
      notifyOnce(viewer, {
        kind: "plan_suggestions",
        title: "New plan suggestions",
        body: stored === 1 ? "One change to your plan is waiting for your decision." : `${stored} changes to your plan are waiting for your decision.`,
        dedupeKey: `suggestions:${weekOf}`,
      }),
    );
    return { weekOf, stored };
  },
);
