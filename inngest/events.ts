import { z } from "zod";
import { AppError } from "@/lib/errors";
import { isValidTimezone } from "@/lib/time";

/**
 * Every event Proxima sends, in one place: the name (`domain/noun.verb`, house style) and the zod
 * schema of its payload. `sendEvent` and `step.sendEvent` validate against it in both modes
 * (Inngest and the embedded runner), so a workflow can trust `event.data`.
 *
 * To add an event: add one entry here. A payload that names a person carries `userId`: the embedded
 * runner stores it on the run (job_runs.user_id), which is what lets that person read the run's
 * status under row-level security.
 */
const userId = z.uuid();
const isoDate = z.iso.date();

export const eventSchemas = {
  /** A person uploaded an export file; the import workflow parses and stores it. */
  "ingest/file.uploaded": z.object({
    userId,
    /** Where the server kept the upload (a path under the app's data folder), never a public URL. */
    storagePath: z.string().min(1),
    fileName: z.string().min(1).max(255),
    sizeBytes: z.number().int().nonnegative(),
    /** The person's zone for exports with local times only (IANA name); their profile's zone when absent. */
    timezone: z.string().refine(isValidTimezone, "timezone must be an IANA name such as Europe/Paris.").optional(),
  }),
  /** Recompute a person's daily aggregates for a range of local days (after an import or a sync). */
  "analytics/daily.requested": z.object({
    userId,
    fromDate: isoDate,
    toDate: isoDate,
  }),
  /** Run a person's analysis now: lagged correlations, pattern discovery, or both. */
  "analytics/analysis.requested": z.object({
    userId,
    scope: z.enum(["correlations", "patterns", "all"]),
  }),
  /** Generate (or regenerate) a person's weekly brief; `weekOf` is the Monday of that week. */
  "intelligence/week.requested": z.object({
    userId,
    weekOf: isoDate,
    reason: z.enum(["scheduled", "manual"]),
  }),
  // Goal schedules (inngest/functions/goal-schedules): one event per member whose local clock reached
  // the schedule's time; `localDate` is the member's local day at that moment (the event id
  // `<schedule>:<user>:<localDate>` makes each once per member and day).
  /** 07:00 local: remind the member of what is due today. */
  "goals/reminder.requested": z.object({ userId, localDate: isoDate }),
  /** Monday 08:00 local: review the week that ended yesterday. */
  "goals/weekly-review.requested": z.object({ userId, localDate: isoDate }),
  /** Wednesday 08:00 local: propose plan adjustments for this week. */
  "goals/suggestions.requested": z.object({ userId, localDate: isoDate }),
  /** The 1st, 09:00 local: report on the month that just ended. */
  "goals/monthly-report.requested": z.object({ userId, localDate: isoDate }),
} as const;

export type EventName = keyof typeof eventSchemas;
export type EventData<N extends EventName> = z.infer<(typeof eventSchemas)[N]>;

/** An event to send: the name decides the shape of `data`. `id` deduplicates (Inngest event id / embedded idempotency key). */
export type OutgoingEvent = { [N in EventName]: { name: N; data: EventData<N>; id?: string } }[EventName];

/** The event Inngest (and the embedded runner) hands a cron-triggered workflow. */
export const SCHEDULED_EVENT_NAME = "inngest/scheduled.timer";

export function isEventName(name: string): name is EventName {
  return Object.prototype.hasOwnProperty.call(eventSchemas, name);
}

/** Validates a payload against its event's schema; the message names the fields, never their values. */
export function parseEventData<N extends EventName>(name: N, data: unknown): EventData<N> {
  if (!isEventName(name)) {
    throw new AppError("bad_request:events", `"${String(name)}" is not a known event. Add it to inngest/events.ts first.`);
  }
  const parsed = eventSchemas[name].safeParse(data);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((i) => i.path.join(".") || "(payload)"))].join(", ");
    throw new AppError("bad_request:events", `The "${name}" event is missing or has invalid fields: ${fields}.`, {
      details: { event: name, fields: fields.split(", ") },
    });
  }
  return parsed.data as EventData<N>;
}
