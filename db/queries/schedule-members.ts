import { and, asc, eq, exists, inArray, sql } from "drizzle-orm";
import { goals, habits, userPreferences, users } from "@/db/schema";
import type { Tx } from "@/db/client";
import { withSystem } from "./context";

/**
 * Who the goal schedules (inngest/functions/goal-schedules) write to. A schedule has no viewer, so
 * these reads run with system rights; each member's own work then runs as that member under RLS.
 * Only patients with something to practise count: at least one active habit of an active goal
 * (the same habits the goal statistics count).
 */

export type ScheduleMember = {
  userId: string;
  timezone: string;
  email: string;
  name: string | null;
  /** user_preferences.daily_reminders; true when the member has no preferences row yet (the column's default). */
  dailyReminders: boolean;
};

/** Correlated on the outer `users` row: the member has an active habit of an active goal. */
const hasActiveHabit = (tx: Tx) =>
  exists(
    tx
      .select({ one: sql`1` })
      .from(habits)
      .innerJoin(goals, eq(goals.id, habits.goalId))
      .where(and(eq(habits.userId, users.id), eq(habits.active, true), eq(goals.status, "active"))),
  );

const memberColumns = {
  userId: users.id,
  timezone: users.timezone,
  email: users.email,
  name: users.name,
  dailyReminders: sql<boolean>`coalesce(${userPreferences.dailyReminders}, true)`,
};

/**
 * The time zones members with active habits live in. The schedules pick the zones whose local clock
 * is at the target (with luxon, which knows DST), then list the members of those zones: the zone
 * list stays a few hundred entries whatever the number of members.
 */
export async function listScheduleTimezones(): Promise<string[]> {
  const rows = await withSystem((tx) =>
    tx
      .selectDistinct({ timezone: users.timezone })
      .from(users)
      .where(and(eq(users.role, "patient"), hasActiveHabit(tx)))
      .orderBy(asc(users.timezone)),
  );
  return rows.map((r) => r.timezone);
}

/** Members (patients with an active habit) who live in one of `timezones`, ordered by id. */
export async function listScheduleMembers(timezones: readonly string[]): Promise<ScheduleMember[]> {
  if (timezones.length === 0) return [];
  return withSystem((tx) =>
    tx
      .select(memberColumns)
      .from(users)
      .leftJoin(userPreferences, eq(userPreferences.userId, users.id))
      .where(and(eq(users.role, "patient"), inArray(users.timezone, [...timezones]), hasActiveHabit(tx)))
      .orderBy(asc(users.id)),
  );
}

/**
 * One member as a per-member schedule run needs them (read again when the run starts: the zone,
 * address or preference may have changed since the fan-out). Null when they are no longer a
 * patient with an active habit.
 */
export async function getScheduleMember(userId: string): Promise<ScheduleMember | null> {
  const rows = await withSystem((tx) =>
    tx
      .select(memberColumns)
      .from(users)
      .leftJoin(userPreferences, eq(userPreferences.userId, users.id))
      .where(and(eq(users.id, userId), eq(users.role, "patient"), hasActiveHabit(tx))),
  );
  return rows[0] ?? null;
}
