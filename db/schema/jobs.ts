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
