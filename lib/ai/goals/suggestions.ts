import { z } from "zod";
import type { GoalSummary, HabitSchedule, HabitSummary, MemberGoalSummary, PlanAdjustment } from "@/lib/goals/types";
import { logGoalModelError, resolveGoalModel, type GoalAiOptions } from "./goal-model";
import { groundedGoalPlan } from "./grounded-plan";
import { askModelForJson } from "../model-json";
import { activeGoals, quote, windowText } from "./summary-facts";
import { findRewordingProblem } from "./text-guard";

export const STRUGGLING_ADHERENCE_7D = 0.5;
export const STRONG_STRENGTH = 0.8;
export const STRONG_ADHERENCE_30D = 0.9;
export const MAX_SKIP_BUDGET = 3;
const TITLE_LIMIT = 120;
const RATIONALE_LIMIT = 600;
const SUGGESTIONS_TIMEOUT_MS = 30_000;

type Change = PlanAdjustment["change"];
export type ApplicableChange = Exclude<Change, { kind: "keep" }>;
export type ApplicableAdjustment = PlanAdjustment & { change: ApplicableChange };

/**
 * The Wednesday proposals, one per active goal. The change itself is always computed here from
 * the statistics: a habit done less than half the time in 7 days is made easier (first a skip when
 * it has none, then fewer sessions, then more skips), a strong one (strength above 0.8 and more
 * than 90 % over 30 days) gets one more session a week, otherwise the plan is kept. A configured
 * model may reword the title and rationale only; its wording goes through the guard.
 */
export async function proposePlanAdjustments(summary: MemberGoalSummary, opts: GoalAiOptions = {}): Promise<PlanAdjustment[]> {
  const grounded = activeGoals(summary).map(groundedAdjustment);
  const goalModel = resolveGoalModel(opts.env);
  if (!goalModel || grounded.length === 0) return grounded;
  try {
    const answer = await askModelForJson({
      handle: goalModel,
      system: REWORD_SYSTEM_PROMPT,
      prompt: JSON.stringify({ adjustments: grounded.map((a) => ({ goalId: a.goalId, change: a.change, title: a.title, rationale: a.rationale })) }),
      schema: rewordSchema,
      name: "plan_adjustments",
      description: "The same adjustments, reworded",
      failureMessage: "The AI model could not word this week's plan suggestions.",
      timeoutMs: opts.timeoutMs ?? SUGGESTIONS_TIMEOUT_MS,
      maxRetries: opts.maxRetries ?? 1,
      signal: opts.signal,
    });
    const items = Array.isArray((answer as { adjustments?: unknown })?.adjustments) ? (answer as { adjustments: unknown[] }).adjustments : [];
    return grounded.map((adj) => {
      const reworded = items.map((i) => rewordItem.safeParse(i)).find((p) => p.success && p.data.goalId === adj.goalId);
      if (!reworded?.success) return adj;
      const { title, rationale } = reworded.data;
      const originals = [adj.title, adj.rationale];
      if (findRewordingProblem(title, originals) || findRewordingProblem(rationale, originals)) return adj;
      return { ...adj, title, rationale, provider: goalModel.provider };
    });
  } catch (error) {
    if (opts.signal?.aborted) throw error;
    (opts.onModelError ?? logGoalModelError)(error);
    return grounded;
  }
}

const REWORD_SYSTEM_PROMPT = [
  "You reword weekly plan suggestions for Proxima, a health app. Each adjustment has a change that is already decided; never alter it.",
  `For each adjustment, return its goalId with a friendlier title (under ${TITLE_LIMIT} characters) and rationale (under ${RATIONALE_LIMIT} characters), in the second person.`,
  "Keep every number exactly as written in the original title and rationale, add no other number, never diagnose and never give medication advice.",
  "Answer with the JSON object only.",
].join("\n");

const rewordItem = z.object({
  goalId: z.string(),
  title: z.string().trim().min(3).max(TITLE_LIMIT),
  rationale: z.string().trim().min(10).max(RATIONALE_LIMIT),
});
const rewordSchema = z.object({ adjustments: z.array(rewordItem) });

export function groundedAdjustment(goal: GoalSummary): PlanAdjustment {
  const base = { goalId: goal.id, provider: "grounded" };
  const measured = goal.habits.filter((h) => h.stats.adherence.d7.ratio !== null);
  if (goal.habits.length === 0) {
    const habit = groundedGoalPlan({ title: goal.title, ...(goal.description ? { description: goal.description } : {}), ...(goal.theme ? { theme: goal.theme } : {}) }).habits[0];
    return { ...base, change: { kind: "add_habit", habit }, title: `Add ${quote(habit.title)}`, rationale: `${quote(goal.title)} has no habit yet; one small, regular action makes progress visible and gives you something to check in on.` };
  }

  const struggling = measured
    .filter((h) => h.stats.adherence.d7.ratio! < STRUGGLING_ADHERENCE_7D)
    .sort((a, b) => a.stats.adherence.d7.ratio! - b.stats.adherence.d7.ratio! || a.stats.strength - b.stats.strength)[0];
  if (struggling) {
    const easier = easierChange(struggling);
    if (easier) return { ...base, ...easier };
  }

  const strong = goal.habits
    .filter((h) => h.schedule.kind === "weekly" && h.schedule.timesPerWeek < 7 && isStrong(h))
    .sort((a, b) => b.stats.strength - a.stats.strength)[0];
  if (strong && strong.schedule.kind === "weekly") {
    const s = strong.stats;
    const next = strong.schedule.timesPerWeek + 1;
    return {
      ...base,
      change: { kind: "increase_frequency", habitId: strong.id, timesPerWeek: next },
      title: `${quote(strong.title)}: try ${next} times a week`,
      rationale: `${quote(strong.title)} is solid: strength ${s.strength.toFixed(2)} and ${windowText(s.adherence.d30)} done over 30 days. One more session a week (${next} instead of ${strong.schedule.timesPerWeek}) builds on that.`,
    };
  }

  const d7 = windowText(goalWindow(goal));
  return {
    ...base,
    change: { kind: "keep" },
    title: `Keep the plan for ${quote(goal.title)}`,
    rationale: d7
      ? `This goal's habits are on a steady course: ${d7} done in the last 7 days. Keeping the plan as it is lets the routine settle.`
      : `Nothing was due for ${quote(goal.title)} in the last 7 days, so there is no reason to change the plan yet.`,
  };
}

function isStrong(h: HabitSummary): boolean {
  return h.stats.strength > STRONG_STRENGTH && h.stats.adherence.d30.ratio !== null && h.stats.adherence.d30.ratio > STRONG_ADHERENCE_30D;
}

/** A skip first when the habit has none, then fewer sessions, then a bigger skip budget. */
function easierChange(h: HabitSummary): Pick<PlanAdjustment, "change" | "title" | "rationale"> | null {
  const s = h.stats;
  const done = `${quote(h.title)} was done ${windowText(s.adherence.d7)} in the last 7 days`;
  const perWeek = h.schedule.kind === "daily" ? 7 : h.schedule.timesPerWeek;
  if (h.skipBudgetPerWeek === 0) {
    return {
      change: { kind: "raise_skip_budget", habitId: h.id, skipBudgetPerWeek: 1 },
      title: `Allow 1 skip a week for ${quote(h.title)}`,
      rationale: `${done}, with no skip allowed. One planned skip a week keeps the streak alive on a busy day.`,
    };
  }
  if (perWeek > 1) {
    // Just above what was managed this week, and always easier than the current schedule.
    const target = Math.max(1, Math.min(perWeek - 1, s.adherence.d7.done + 1));
    return {
      change: { kind: "reduce_frequency", habitId: h.id, timesPerWeek: target },
      title: `${quote(h.title)}: ${target === 1 ? "once" : `${target} times`} a week for now`,
      rationale: `${done}. Aiming for ${target} a week instead of ${perWeek} makes success the usual outcome again; you can step back up once it feels easy.`,
    };
  }
  if (h.skipBudgetPerWeek < MAX_SKIP_BUDGET) {
    const next = h.skipBudgetPerWeek + 1;
    return {
      change: { kind: "raise_skip_budget", habitId: h.id, skipBudgetPerWeek: next },
      title: `Allow ${next} skips a week for ${quote(h.title)}`,
      rationale: `${done}, already at once a week. ${next} skips a week instead of ${h.skipBudgetPerWeek} keep the streak alive while the routine finds its place.`,
    };
  }
  return null;
}

function goalWindow(goal: GoalSummary) {
  const due = goal.habits.reduce((n, h) => n + h.stats.adherence.d7.due, 0);
  const done = goal.habits.reduce((n, h) => n + h.stats.adherence.d7.done, 0);
  return { due, done, ratio: due === 0 ? null : done / due };
}

export function applicableChange(adj: PlanAdjustment): adj is ApplicableAdjustment {
  return adj.change.kind !== "keep";
}

/** A habit's schedule and skip budget once `change` is applied (for changes that target a habit). */
export function applyChangeToHabit(
  habit: { schedule: HabitSchedule; skipBudgetPerWeek: number },
  change: Exclude<ApplicableChange, { kind: "add_habit" }>,
): { schedule: HabitSchedule; skipBudgetPerWeek: number } {
  switch (change.kind) {
    case "raise_skip_budget":
      return { schedule: habit.schedule, skipBudgetPerWeek: change.skipBudgetPerWeek };
    case "reduce_frequency":
    case "increase_frequency":
      // A new count frees the days: weekdays picked for the old count would no longer match it.
      return { schedule: change.timesPerWeek >= 7 ? { kind: "daily" } : { kind: "weekly", timesPerWeek: change.timesPerWeek }, skipBudgetPerWeek: habit.skipBudgetPerWeek };
  }
}
