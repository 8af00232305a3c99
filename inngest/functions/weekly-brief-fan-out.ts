import { listBriefRecipients } from "@/db/queries/weekly-brief";
import { mondayOf } from "@/lib/time";
import { defineWorkflow } from "../define-workflow";

/** Events per `step.sendEvent`: well under Inngest's request size limit (~150 bytes an event). */
export const FAN_OUT_BATCH_SIZE = 500;

/**
 * Monday 09:00 UTC: asks for every patient's weekly brief (as their frequency setting allows), one `intelligence/week.requested` event each.
 * The event id `weekly:<user>:<week>` makes the request idempotent per person and week (Inngest drops a
 * repeated id; the embedded runner reuses the run), so a retry or a double fire generates nothing twice.
 */
export const weeklyBriefFanOut = defineWorkflow(
  {
    id: "weekly-intelligence-fanout",
    name: "Weekly brief fan-out (Monday 09:00 UTC)",
    trigger: { cron: "TZ=UTC 0 9 * * 1" },
    retries: 3,
  },
  async ({ event, step }) => {
    // The week comes from the schedule tick, so a late retry still asks for the week it was fired for.
    const weekOf = mondayOf(new Date(event.ts), "UTC");
    // Each person's brief frequency (weekly, biweekly, monthly, never) decides who is asked.
    const userIds = await step.run("list-patients", () => listBriefRecipients(weekOf));
    for (let i = 0; i < userIds.length; i += FAN_OUT_BATCH_SIZE) {
      const batch = userIds.slice(i, i + FAN_OUT_BATCH_SIZE);
      await step.sendEvent(
        `request-weekly-briefs-${i / FAN_OUT_BATCH_SIZE}`,
        batch.map((userId) => ({
          name: "intelligence/week.requested" as const,
          data: { userId, weekOf, reason: "scheduled" as const },
          id: `weekly:${userId}:${weekOf}`,
        })),
      );
    }
    return { weekOf, requested: userIds.length };
  },
);
