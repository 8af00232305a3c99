import type { AdherenceWindow, GoalSummary, HabitStats, HabitSummary, MemberGoalSummary } from "@/lib/goals/types";

/**
 * Small readers over a MemberGoalSummary that the coach, the copilot and the suggestions share,
 * so every sentence quotes the same numbers the goals page shows ("71 %", "5 of 7").
 */
export function activeGoals(summary: MemberGoalSummary): GoalSummary[] {
  return summary.goals.filter((g) => g.status === "active");
}

export function activeHabits(summary: MemberGoalSummary): HabitSummary[] {
  return activeGoals(summary).flatMap((g) => g.habits);
}

export function percent(ratio: number): string {
  return `${Math.round(ratio * 100)} %`;
}

/** "5 of 7 (71 %)", or null when nothing was due. */
export function windowText(w: AdherenceWindow): string | null {
  return w.ratio === null || w.due === 0 ? null : `${w.done} of ${w.due} (${percent(w.ratio)})`;
}

export function streakText(stats: HabitStats): string {
  if (stats.currentStreak === 0) return "no current streak";
  return `a ${stats.currentStreak}-${stats.streakUnit} streak`;
}

export function unitCount(n: number, unit: "day" | "week"): string {
  return `${n} ${unit}${n === 1 ? "" : "s"}`;
}

export function quote(title: string): string {
  return `"${title}"`;
}

/** Habits due today that have no check-in yet. */
export function openToday(summary: MemberGoalSummary): HabitSummary[] {
  return activeHabits(summary).filter((h) => h.stats.dueToday && h.stats.todayStatus === null);
}

/** The active habit with the lowest 7-day adherence (weaker strength breaks ties); null when nothing was due. */
export function weakestHabit(summary: MemberGoalSummary): HabitSummary | null {
  const measured = activeHabits(summary).filter((h) => h.stats.adherence.d7.ratio !== null);
  measured.sort((a, b) => a.stats.adherence.d7.ratio! - b.stats.adherence.d7.ratio! || a.stats.strength - b.stats.strength);
  return measured[0] ?? null;
}

/** The active habit with the longest current streak (in days, a week counting 7), null when none has one. */
export function bestStreakHabit(summary: MemberGoalSummary): HabitSummary | null {
  const days = (h: HabitSummary) => h.stats.currentStreak * (h.stats.streakUnit === "week" ? 7 : 1);
  const withStreak = activeHabits(summary).filter((h) => h.stats.currentStreak > 0);
  withStreak.sort((a, b) => days(b) - days(a));
  return withStreak[0] ?? null;
}

export function firstName(summary: MemberGoalSummary): string {
  return summary.name?.trim().split(/\s+/)[0] || "This member";
}

export function listJoin(items: string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

/** One concrete next step, from what is open today or struggling this week. */
export function concreteSuggestion(summary: MemberGoalSummary): string {
  const habits = activeHabits(summary);
  if (habits.length === 0) return "Set up one goal with a single small habit on the Goals page; one habit you keep beats three you drop.";
  const open = openToday(summary);
  const weakest = weakestHabit(summary);
  if (open.length > 0) {
    const pick = weakest && open.includes(weakest) ? weakest : open[0];
    return `Start with ${quote(pick.title)} today: even a shorter version counts, and checking it in keeps the rhythm going.`;
  }
  if (weakest && weakest.stats.adherence.d7.ratio! < 0.5) {
    return `${quote(weakest.title)} has been the hardest lately; tie it to something you already do every day (after a meal, before brushing your teeth) so it needs less willpower.`;
  }
  return "Everything due today is checked in; decide now when tomorrow's first habit fits into your day.";
}
