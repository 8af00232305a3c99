import { z } from "zod";
import type { GoalRequest, PlanDraft, PlannedHabit } from "@/lib/goals/types";
import { findForbiddenClaim } from "../guard/forbidden-claims";
import { weeklyMinutes } from "./grounded-plan";

export const PLAN_LIMITS = { habits: 5, subgoals: 6, titleLength: 120, summaryLength: 600, skipBudget: 3, minutesPerSession: 240 } as const;

const title = z
  .string()
  .transform((s) => s.trim())
  .pipe(z.string().min(3, "is empty").max(PLAN_LIMITS.titleLength, `is longer than ${PLAN_LIMITS.titleLength} characters`));

const habitSchema = z.object({
  title,
  schedule: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("daily") }),
    z.object({ kind: z.literal("weekly"), timesPerWeek: z.number().int().min(1, "timesPerWeek is below 1").max(7, "timesPerWeek is above 7") }),
  ]),
  skipBudgetPerWeek: z.number().int().min(0).max(PLAN_LIMITS.skipBudget).optional(),
  minutesPerSession: z.number().int().min(1).max(PLAN_LIMITS.minutesPerSession).optional().nullable(),
});

/**
 * A model's plan, checked item by item against the member's request: a habit or subgoal that
 * breaks a rule is replaced by the grounded plan's item at the same place (or dropped when the
 * grounded plan has none), extras beyond the limits are cut, and habits that together overrun the
 * member's minutes or days are replaced by the grounded habits as a whole. Every repair is named
 * in fallbackReason, and a repaired plan is partial.
 */
export function guardModelPlan(answer: unknown, req: GoalRequest, grounded: PlanDraft, provider: string): PlanDraft {
  const repairs: string[] = [];
  const raw = (answer && typeof answer === "object" ? answer : {}) as Record<string, unknown>;
  const list = (v: unknown) => (Array.isArray(v) ? v : []);
  const days = req.constraints?.daysPerWeek ?? 7;

  const rawHabits = list(raw.habits);
  if (rawHabits.length > PLAN_LIMITS.habits) repairs.push(`the model proposed ${rawHabits.length} habits (at most ${PLAN_LIMITS.habits})`);
  let habits: PlannedHabit[] = [];
  rawHabits.slice(0, PLAN_LIMITS.habits).forEach((item, i) => {
    const problem = habitProblem(item, days);
    if (problem.habit) return void habits.push(problem.habit);
    repairs.push(`habit ${i + 1} ${problem.reason}`);
    const stand = grounded.habits[i];
    if (stand && !habits.some((h) => h.title === stand.title)) habits.push(stand);
  });
  if (habits.length === 0) {
    if (rawHabits.length === 0) repairs.push("the model proposed no habit");
    habits = grounded.habits;
  }
  const budget = req.constraints?.minutesPerWeek;
  if (budget !== undefined && weeklyMinutes(habits) > budget) {
    repairs.push(`the habits needed ${weeklyMinutes(habits)} minutes a week, over the ${budget}-minute budget`);
    habits = grounded.habits;
  }

  const rawSubgoals = list(raw.subgoals);
  if (rawSubgoals.length > PLAN_LIMITS.subgoals) repairs.push(`the model proposed ${rawSubgoals.length} subgoals (at most ${PLAN_LIMITS.subgoals})`);
  const subgoals: { title: string }[] = [];
  rawSubgoals.slice(0, PLAN_LIMITS.subgoals).forEach((item, i) => {
    const parsed = z.object({ title }).safeParse(item);
    const claim = parsed.success ? findForbiddenClaim(parsed.data.title) : null;
    if (parsed.success && !claim) return void subgoals.push({ title: parsed.data.title });
    repairs.push(`subgoal ${i + 1} ${claim ?? (parsed.error ? describeIssue(parsed.error) : "is invalid")}`);
    const stand = grounded.subgoals[i];
    if (stand && !subgoals.some((s) => s.title === stand.title)) subgoals.push(stand);
  });
  for (const stand of grounded.subgoals) {
    if (subgoals.length >= 2) break;
    if (!subgoals.some((s) => s.title === stand.title)) subgoals.push(stand);
  }

  let summary = typeof raw.summary === "string" ? raw.summary.trim() : "";
  const summaryClaim = summary ? findForbiddenClaim(summary) : null;
  if (!summary || summary.length > PLAN_LIMITS.summaryLength || summaryClaim) {
    repairs.push(`the summary ${summaryClaim ?? (summary ? `is longer than ${PLAN_LIMITS.summaryLength} characters` : "is missing")}`);
    summary = grounded.summary;
  }

  return {
    summary,
    subgoals,
    habits,
    provider,
    partial: repairs.length > 0,
    ...(repairs.length ? { fallbackReason: `Parts of the plan were replaced: ${repairs.join("; ")}.` } : {}),
  };
}

function habitProblem(item: unknown, days: number): { habit: PlannedHabit; reason?: never } | { habit?: never; reason: string } {
  const parsed = habitSchema.safeParse(item);
  if (!parsed.success) return { reason: describeIssue(parsed.error) };
  const h = parsed.data;
  const claim = findForbiddenClaim(h.title);
  if (claim) return { reason: claim };
  const perWeek = h.schedule.kind === "daily" ? 7 : h.schedule.timesPerWeek;
  if (perWeek > days) return { reason: `asks for ${perWeek} days a week, more than the ${days} the member can give` };
  // Weekdays are the member's choice when accepting the plan, never the model's.
  const schedule = h.schedule.kind === "daily" ? { kind: "daily" as const } : { kind: "weekly" as const, timesPerWeek: h.schedule.timesPerWeek };
  return {
    habit: {
      title: h.title,
      schedule,
      skipBudgetPerWeek: h.skipBudgetPerWeek ?? 1,
      ...(h.minutesPerSession ? { minutesPerSession: h.minutesPerSession } : {}),
    },
  };
}

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  const where = issue.path.join(".");
  return `does not fit the plan's rules (${where ? `${where}: ` : ""}${issue.message})`;
}
