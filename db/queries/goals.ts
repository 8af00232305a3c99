import { and, asc, eq, gte, inArray, lt, sql } from "drizzle-orm";
import { DateTime } from "luxon";
import { z } from "zod";
import { checkIns, goals, habits, subgoals, users, type HabitPause } from "@/db/schema";
import type { Tx } from "@/db/client";
import { AppError } from "@/lib/errors";
import { summarizeMember } from "@/lib/goals/member-summary";
import { localToday } from "@/lib/goals/stats";
import type { CheckInStatus, GoalRequest, MemberGoalSummary } from "@/lib/goals/types";
import { withViewer, type Viewer } from "./context";

/**
 * Check-ins read in full (with notes) for this many recent days: the 90-day adherence and what the
 * pages list. Older ones are read as (habit, day, status) only, for streaks over the whole history.
 */
const RECENT_DAYS = 100;
/** A member may fill in a forgotten check-in up to this many days late. */
const BACKFILL_DAYS = 7;

export type GoalPerson = { userId: string; name: string | null; timezone: string };

type OlderCheckIn = { userId: string; habitId: string; day: string; status: CheckInStatus };

/**
 * Check-ins before `before`, for streaks: one row per habit with its days and statuses as two
 * comma-separated strings. A year of a habit is one row instead of 365: rows are most of the cost
 * (bench/mentor-ranking.ts --days 365 on PGlite: the ranked list in 370 ms instead of 645 ms).
 */
async function loadOlderCheckIns(tx: Tx, userIds: string[], before: string): Promise<OlderCheckIn[]> {
  const packed = await tx
    .select({
      userId: checkIns.userId,
      habitId: checkIns.habitId,
      // to_char, not ::text: a server's DateStyle could otherwise write days as DD/MM/YYYY.
      days: sql<string>`string_agg(to_char(${checkIns.day}, 'YYYY-MM-DD'), ',' order by ${checkIns.day})`,
      statuses: sql<string>`string_agg(${checkIns.status}::text, ',' order by ${checkIns.day})`,
    })
    .from(checkIns)
    .where(and(inArray(checkIns.userId, userIds), lt(checkIns.day, before)))
    .groupBy(checkIns.userId, checkIns.habitId);
  return packed.flatMap(({ userId, habitId, days, statuses }) => {
    const status = statuses.split(",") as CheckInStatus[];
    return days.split(",").map((day, i) => ({ userId, habitId, day, status: status[i] }));
  });
}

/**
 * Goals, steps, habits and check-ins of several people in four queries (not four per person), then
 * each person's summary from lib/goals/stats. Runs inside the caller's transaction, so RLS decides
 * what is visible: the member themself, or a mentor with a consented link.
 */
export async function summarizeMembers(tx: Tx, people: GoalPerson[], now = new Date()): Promise<Map<string, MemberGoalSummary>> {
  const out = new Map<string, MemberGoalSummary>();
  if (people.length === 0) return out;
  const ids = people.map((p) => p.userId);
  // A day earlier than anyone's own recent window, whatever their zone.
  const earliest = DateTime.fromJSDate(now, { zone: "UTC" }).minus({ days: RECENT_DAYS + 1 }).toISODate()!;
  // One after another: a transaction is one connection, and pg refuses overlapping queries on it.
  const goalRows = await tx.select().from(goals).where(inArray(goals.userId, ids)).orderBy(asc(goals.createdAt));
  const subgoalRows = await tx.select().from(subgoals).where(inArray(subgoals.userId, ids)).orderBy(asc(subgoals.position));
  const habitRows = await tx.select().from(habits).where(inArray(habits.userId, ids)).orderBy(asc(habits.createdAt));
  const checkInRows = await tx.select().from(checkIns).where(and(inArray(checkIns.userId, ids), gte(checkIns.day, earliest)));
  const olderRows = await loadOlderCheckIns(tx, ids, earliest);
  for (const person of people) {
    const mine = <T extends { userId: string }>(rows: T[]) => rows.filter((r) => r.userId === person.userId);
    out.set(
      person.userId,
      summarizeMember(
        { ...person, goals: mine(goalRows), subgoals: mine(subgoalRows), habits: mine(habitRows), checkIns: mine(checkInRows), olderCheckIns: mine(olderRows) },
        now,
      ),
    );
  }
  return out;
}

/**
 * The member's goals with streaks, strength, adherence and risk. A person the viewer may not see
 * gives not_found, whether or not they exist.
 */
export async function loadMemberGoalSummary(viewer: Viewer, userId: string = viewer.userId, now = new Date()): Promise<MemberGoalSummary> {
  if (!z.uuid().safeParse(userId).success) throw memberNotFound();
  return withViewer(viewer, async (tx) => {
    const [person] = await tx.select({ userId: users.id, name: users.name, timezone: users.timezone }).from(users).where(eq(users.id, userId));
    if (!person) throw memberNotFound();
    return (await summarizeMembers(tx, [person], now)).get(userId)!;
  });
}

const memberNotFound = () => new AppError("not_found:member", "That member does not exist or has not shared their goals with you.");

// ---------- creating a goal from an accepted plan ----------

const scheduleSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("daily") }),
  z.object({
    kind: z.literal("weekly"),
    timesPerWeek: z.number().int().min(1, "A weekly habit needs at least 1 time a week.").max(7, "A weekly habit can be at most 7 times a week."),
    weekdays: z.array(z.number().int().min(1).max(7)).max(7).optional(),
  }),
]);

const title = (what: string) =>
  z.string().trim().min(1, `Each ${what} needs a title.`).max(120, `A ${what} title can be at most 120 characters.`);

/** The plan as the member edited it before accepting; the server checks it again, whatever the form sent. */
export const acceptedPlanSchema = z.object({
  proposalId: z.uuid("The plan has no valid proposal id; propose it again."),
  summary: z.string().trim().max(1_000).default(""),
  provider: z.string().max(80),
  partial: z.boolean().default(false),
  subgoals: z.array(z.object({ title: title("step") })).max(8, "A plan can have at most 8 steps."),
  habits: z
    .array(
      z.object({
        title: title("habit"),
        schedule: scheduleSchema,
        skipBudgetPerWeek: z.number().int().min(0, "The skip budget cannot be negative.").max(3, "At most 3 skips a week keep a habit meaningful."),
        minutesPerSession: z.number().int().min(1).max(600).optional(),
      }),
    )
    .min(1, "Keep at least one habit: the plan is how you make progress.")
    .max(5, "A plan can have at most 5 habits."),
});
export type AcceptedPlan = z.infer<typeof acceptedPlanSchema>;

/**
 * Creates the goal, its steps and habits in one transaction. Accepting the same proposal twice (a
 * double click, a retried request) returns the goal the first accept created instead of a copy.
 */
export async function createGoalFromPlan(viewer: Viewer, request: GoalRequest, plan: AcceptedPlan, original?: unknown): Promise<{ goalId: string; created: boolean }> {
  return withViewer(viewer, async (tx) => {
    // One accept at a time per member, so two simultaneous clicks cannot both miss the other's goal
    // (PGlite serializes transactions anyway; PostgreSQL under read committed would not).
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`goal-accept:${viewer.userId}`}))`);
    const existing = await tx
      .select({ id: goals.id, plan: goals.aiPlan })
      .from(goals)
      .where(eq(goals.userId, viewer.userId));
    const same = existing.find((g) => (g.plan as { proposalId?: string } | null)?.proposalId === plan.proposalId);
    if (same) return { goalId: same.id, created: false };

    const [goal] = await tx
      .insert(goals)
      .values({
        userId: viewer.userId,
        title: request.title,
        description: request.description ?? null,
        theme: request.theme ?? null,
        constraints: request.constraints ?? null,
        // What the AI proposed is kept as proposed (with the id that makes accepting idempotent); the rows are what the member accepted.
        aiPlan: { proposalId: plan.proposalId, summary: plan.summary, proposed: proposedPlanOrNull(original), partial: plan.partial },
        planProvider: plan.provider,
        status: "active",
      })
      .returning({ id: goals.id });
    if (plan.subgoals.length) {
      await tx.insert(subgoals).values(plan.subgoals.map((s, position) => ({ userId: viewer.userId, goalId: goal.id, title: s.title, position })));
    }
    await tx.insert(habits).values(
      plan.habits.map((h) => ({ userId: viewer.userId, goalId: goal.id, title: h.title, schedule: h.schedule, skipBudgetPerWeek: h.skipBudgetPerWeek })),
    );
    return { goalId: goal.id, created: true };
  });
}

/** The plan as proposed comes back from the member's browser: keep it only if it has the shape (and size) of one. */
const proposedPlanSchema = acceptedPlanSchema.omit({ proposalId: true }).extend({
  habits: acceptedPlanSchema.shape.habits.unwrap().array().max(5),
  fallbackReason: z.string().max(500).optional(),
});
function proposedPlanOrNull(original: unknown): Record<string, unknown> | null {
  const parsed = proposedPlanSchema.safeParse(original);
  return parsed.success ? parsed.data : null;
}

// ---------- check-ins ----------

const checkInSchema = z.object({
  habitId: z.uuid("That habit does not exist."),
  day: z.iso.date("The day must be a date like 2026-11-22."),
  status: z.enum(["done", "skipped", "missed"], "A check-in is done, skipped or missed."),
  note: z.string().trim().max(500, "A note can be at most 500 characters.").optional(),
});

/**
 * Records (or changes) the member's check-in for one habit on one local day. Only the member's own
 * habit (RLS and the WHERE both say so); not a day in the member's future, nor more than a week back,
 * nor before the habit existed. One row per habit and day: tapping again changes it.
 */
export async function recordCheckIn(
  viewer: Viewer,
  input: { habitId: string; day?: string; status: CheckInStatus; note?: string },
  now = new Date(),
): Promise<{ day: string; status: CheckInStatus }> {
  return withViewer(viewer, async (tx) => {
    const [me] = await tx.select({ timezone: users.timezone }).from(users).where(eq(users.id, viewer.userId));
    if (!me) throw new AppError("unauthorized:session", "Your session is not valid. Please sign in again.");
    const today = localToday(me.timezone, now);
    const parsed = checkInSchema.safeParse({ ...input, day: input.day ?? today });
    if (!parsed.success) throw new AppError("bad_request:check_in", parsed.error.issues[0].message);
    const { habitId, day, status, note } = parsed.data;

    const [habit] = await tx
      .select({ id: habits.id, active: habits.active, createdAt: habits.createdAt })
      .from(habits)
      .where(and(eq(habits.id, habitId), eq(habits.userId, viewer.userId)));
    if (!habit) throw new AppError("not_found:habit", "That habit does not exist.");
    if (!habit.active) throw new AppError("bad_request:check_in", "This habit is paused. Resume it before checking in.");
    if (day > today) throw new AppError("bad_request:check_in", `You cannot check in for ${day}: it is still in the future where you are (today is ${today}).`);
    const earliest = DateTime.fromISO(today).minus({ days: BACKFILL_DAYS }).toISODate()!;
    if (day < earliest) throw new AppError("bad_request:check_in", `Check-ins can be filled in up to ${BACKFILL_DAYS} days late; ${day} is too long ago.`);
    const habitStart = DateTime.fromJSDate(habit.createdAt).setZone(me.timezone).toISODate()!;
    if (day < habitStart) throw new AppError("bad_request:check_in", `This habit started on ${habitStart}; there is nothing to check in for ${day}.`);

    await tx
      .insert(checkIns)
      .values({ userId: viewer.userId, habitId, day, status, note: note || null })
      // A second tap changes the status and keeps an earlier note unless a new one comes with it.
      .onConflictDoUpdate({ target: [checkIns.habitId, checkIns.day], set: { status, note: note ? note : sql`${checkIns.note}`, createdAt: new Date() } });
    return { day, status };
  });
}

// ---------- goal and step status ----------

const GOAL_STATUSES = ["active", "paused", "completed", "archived"] as const;

export async function setGoalStatus(viewer: Viewer, goalId: string, status: string, now = new Date()): Promise<void> {
  if (!(GOAL_STATUSES as readonly string[]).includes(status)) throw new AppError("bad_request:goal", "A goal is active, paused, completed or archived.");
  if (!z.uuid().safeParse(goalId).success) throw new AppError("not_found:goal", "That goal does not exist.");
  await withViewer(viewer, async (tx) => {
    const rows = await tx
      .update(goals)
      .set({ status: status as (typeof GOAL_STATUSES)[number], updatedAt: new Date() })
      .where(and(eq(goals.id, goalId), eq(goals.userId, viewer.userId)))
      .returning({ id: goals.id });
    if (rows.length === 0) throw new AppError("not_found:goal", "That goal does not exist.");
    // Pausing or finishing a goal pauses its habits, and the pause is recorded in local days so that
    // after a resume nothing of the paused stretch was due or counts as missed.
    const [me] = await tx.select({ timezone: users.timezone }).from(users).where(eq(users.id, viewer.userId));
    const today = localToday(me?.timezone ?? "UTC", now);
    const active = status === "active";
    const goalHabits = await tx.select({ id: habits.id, active: habits.active, pauses: habits.pauses }).from(habits).where(and(eq(habits.goalId, goalId), eq(habits.userId, viewer.userId)));
    for (const h of goalHabits) {
      if (h.active === active) continue;
      await tx.update(habits).set({ active, pauses: active ? endPause(h.pauses, today) : [...h.pauses, { from: today, to: null }] }).where(eq(habits.id, h.id));
    }
  });
}

/** Closes the open pause on the day before `today`; a pause begun and ended on the same day leaves no trace. */
export function endPause(pauses: HabitPause[], today: string): HabitPause[] {
  const yesterday = DateTime.fromISO(today).minus({ days: 1 }).toISODate()!;
  return pauses.flatMap((p) => (p.to !== null ? [p] : p.from > yesterday ? [] : [{ from: p.from, to: yesterday }]));
}

export async function setSubgoalDone(viewer: Viewer, subgoalId: string, done: boolean): Promise<void> {
  if (!z.uuid().safeParse(subgoalId).success) throw new AppError("not_found:subgoal", "That step does not exist.");
  const rows = await withViewer(viewer, (tx) =>
    tx
      .update(subgoals)
      .set({ status: done ? "done" : "todo", completedAt: done ? new Date() : null })
      .where(and(eq(subgoals.id, subgoalId), eq(subgoals.userId, viewer.userId)))
      .returning({ id: subgoals.id }),
  );
  if (rows.length === 0) throw new AppError("not_found:subgoal", "That step does not exist.");
}
