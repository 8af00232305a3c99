import { listScheduleMembers, listScheduleTimezones, type ScheduleMember } from "@/db/queries/schedule-members";
import type { Viewer } from "@/db/queries/context";
import { defineWorkflow } from "../../define-workflow";
import type { OutgoingEvent } from "../../events";
import { zonesAtTick, type LocalSchedule } from "./local-time";

/** The per-member events of the goal schedules; all carry `{ userId, localDate }`. */
export type GoalScheduleEvent = "goals/reminder.requested" | "goals/weekly-review.requested" | "goals/suggestions.requested" | "goals/monthly-report.requested";

/** Events per `step.sendEvent` (as in the weekly brief fan-out: well under Inngest's request size limit). */
export const GOAL_FAN_OUT_BATCH_SIZE = 500;

/** The event id that makes a member's schedule once per local day: a repeated tick, hour or retry is a no-op. */
export function goalScheduleEventId(schedule: LocalSchedule, userId: string, localDate: string): string {
  return `${schedule.id}:${userId}:${localDate}`;
}

/** Every goal schedule acts as the member themself, under RLS (the fan-out only lists patients). */
export function memberViewer(userId: string): Viewer {
  return { userId, role: "patient" };
}

/**
 * A goal schedule's cron half: at each UTC tick (see local-time.ts), lists the members whose local
 * clock just reached the schedule's time and sends one `event` per member. The tick is the event's
 * `ts` (the schedule tick under the embedded runner), so a late retry still selects who was due
 * at that tick. `include` drops members before any event is sent (the reminder's preference).
 */
export function defineLocalFanOut(options: {
  id: string;
  name: string;
  cron: string;
  schedule: LocalSchedule;
  event: GoalScheduleEvent;
  include?: (member: ScheduleMember) => boolean;
}) {
  const { schedule, event: eventName, include } = options;
  return defineWorkflow({ id: options.id, name: options.name, trigger: { cron: options.cron }, retries: 3 }, async ({ event, step }) => {
    const tick = new Date(event.ts);
    const due = await step.run("select-members", async () => {
      const zones = zonesAtTick(schedule, tick, await listScheduleTimezones());
      const members = await listScheduleMembers([...zones.keys()]);
      return members.filter((m) => !include || include(m)).map((m) => ({ userId: m.userId, localDate: zones.get(m.timezone)! }));
    });
    for (let i = 0; i < due.length; i += GOAL_FAN_OUT_BATCH_SIZE) {
      const batch = due.slice(i, i + GOAL_FAN_OUT_BATCH_SIZE);
      await step.sendEvent(
        `request-${i / GOAL_FAN_OUT_BATCH_SIZE}`,
        batch.map((m) => ({ name: eventName, data: { userId: m.userId, localDate: m.localDate }, id: goalScheduleEventId(schedule, m.userId, m.localDate) }) as OutgoingEvent),
      );
    }
    return { tick: tick.toISOString(), requested: due.length };
  });
}
