import { pgTable, pgEnum, uuid, text, timestamp, integer, jsonb, index, uniqueIndex } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { ownerOnly } from "./rls";

export const jobStatus = pgEnum("job_status", ["queued", "running", "completed", "failed", "cancelled"]);

/**
 * The embedded workflow runner's durable state (used when Inngest is not configured). A run is one
 * function invocation; `idempotency_key` (e.g. `weekly:<user>:<week>`) makes a repeated request reuse it.
 */
export const jobRuns = pgTable(
  "job_runs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    functionId: text("function_id").notNull(),
    eventName: text("event_name").notNull(),
    eventData: jsonb("event_data").$type<Record<string, unknown>>().notNull(),
    userId: uuid("user_id").references(() => users.id, { onDelete: "cascade" }),
    idempotencyKey: text("idempotency_key"),
    /** Runs sharing a key run one at a time (e.g. `user:<id>`: concurrency 1 per person). */
    concurrencyKey: text("concurrency_key"),
    status: jobStatus("status").notNull().default("queued"),
    attempt: integer("attempt").notNull().default(0),
    maxAttempts: integer("max_attempts").notNull().default(4),
    runAfter: timestamp("run_after", { withTimezone: true }).notNull().defaultNow(),
    /** Set while a worker holds the run; a stale lease (crashed process) lets another resume it. */
    leaseUntil: timestamp("lease_until", { withTimezone: true }),
    progress: jsonb("progress").$type<Record<string, unknown>>(),
    output: jsonb("output"),
    error: text("error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("job_runs_idempotency_idx").on(t.functionId, t.idempotencyKey),
    index("job_runs_due_idx").on(t.status, t.runAfter),
    index("job_runs_user_idx").on(t.userId),
    index("job_runs_concurrency_idx").on(t.concurrencyKey, t.status),
    // A person may read their own runs (task status, import progress); only the runner writes.
    ...ownerOnly("job_runs", t.userId),
  ],
).enableRLS();

/** Each finished step's result, so a resumed run skips what already happened (memoized like Inngest). */
export const jobSteps = pgTable(
  "job_steps",
  {
    runId: uuid("run_id").notNull().references(() => jobRuns.id, { onDelete: "cascade" }),
    stepId: text("step_id").notNull(),
    output: jsonb("output"),
    completedAt: timestamp("completed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("job_steps_run_step_idx").on(t.runId, t.stepId)],
);

/**
 * The task-status record of a run that Inngest executes (when Inngest is configured): one row per
 * workflow an event with an owner triggers, created by `sendEvent`, written by the Inngest adapter
 * (running, progress, completed or failed), matched by (event_id, function_id). Separate from
 * job_runs on purpose: the embedded runner leases job_runs rows, and none of these may ever be run by it.
 */
export const inngestTasks = pgTable(
  "inngest_tasks",
  {
    /** The task id handed out to the owner (GET /api/v1/tasks/status/{id}). */
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    functionId: text("function_id").notNull(),
    eventName: text("event_name").notNull(),
    /** Inngest's event id (the idempotency key when one was given). */
    eventId: text("event_id").notNull(),
    status: jobStatus("status").notNull().default("queued"),
    /** Attempts started so far, as Inngest reported them (1 during the first attempt). */
    attempt: integer("attempt").notNull().default(0),
    maxAttempts: integer("max_attempts").notNull(),
    progress: jsonb("progress").$type<Record<string, unknown>>(),
    /**
     * The position of the stored progress report in the handler's call order: a replay calls
     * `step.progress` again from the start, and only a report later than the stored one is written.
     */
    progressSeq: integer("progress_seq").notNull().default(0),
    output: jsonb("output"),
    /** The sentence the owner may read (never a stack or an internal message). */
    error: text("error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("inngest_tasks_event_function_idx").on(t.eventId, t.functionId),
    index("inngest_tasks_user_idx").on(t.userId),
    // The owner reads their tasks; only the system (sendEvent, the adapter) writes (grants: migration 0008).
    ...ownerOnly("inngest_tasks", t.userId),
  ],
).enableRLS();
