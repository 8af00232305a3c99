import type { GoalRequest, PlanDraft, PlannedHabit } from "@/lib/goals/types";
import { knownTheme } from "./plan-request";
import { DEFAULT_BEDTIME, GENERIC_TEMPLATE, PLAN_TEMPLATES, templateById, THEME_DEFAULT, type HabitSpec, type PlanTemplate } from "./plan-templates";
import { readBedtime, readMinutesPerSession, readTimesPerWeek } from "./plan-text";

export const DEFAULT_SKIP_BUDGET = 1;
export const PLAN_BOUNDS = { subgoals: { min: 2, max: 4 }, habits: { min: 1, max: 3 } } as const;
/** The shortest session worth a check-in; below it a plan offers fewer, longer sessions. */
const SHORTEST_SESSION = 5;

/**
 * The deterministic plan: the templates the goal's words match (in the order the words appear,
 * the member's theme first), the main habit shaped by the numbers the member wrote ("3× a week",
 * "30 minutes") and fitted to the time constraints (days per week, minutes per week).
 */
export function groundedGoalPlan(req: GoalRequest): PlanDraft {
  const text = [req.title, req.description, req.constraints?.notes].filter(Boolean).join("\n");
  const templates = chooseTemplates(req, text);
  const [primary, secondary] = templates;

  const specs: HabitSpec[] = [];
  for (const t of templates.slice(0, 2)) {
    for (const spec of t.habits(text, req.title)) {
      if (specs.length < PLAN_BOUNDS.habits.max && !specs.some((s) => s.key === spec.key)) specs.push({ ...spec });
    }
  }
  const asked = { times: readTimesPerWeek(text), minutes: readMinutesPerSession(text) };
  const main = specs[0];
  if (asked.times !== undefined) main.times = asked.times;
  if (asked.minutes !== undefined && main.minutes !== undefined) main.minutes = asked.minutes;

  const fitted = fitToConstraints(specs, req.constraints, { timesAsked: asked.times !== undefined, minutesAsked: asked.minutes !== undefined });
  const habits: PlannedHabit[] = fitted.map((s) => ({
    title: s.title(s.minutes),
    schedule: s.times >= 7 ? { kind: "daily" } : { kind: "weekly", timesPerWeek: s.times },
    skipBudgetPerWeek: DEFAULT_SKIP_BUDGET,
    ...(s.minutes !== undefined ? { minutesPerSession: s.minutes } : {}),
  }));

  const ctx = { times: fitted[0].times, minutes: fitted[0].minutes, bedtime: readBedtime(text) ?? DEFAULT_BEDTIME, goalTitle: req.title, text };
  const subgoals = [...primary.subgoals(ctx), ...(secondary ? secondary.subgoals(ctx).slice(0, 1) : [])]
    .slice(0, PLAN_BOUNDS.subgoals.max)
    .map((title) => ({ title }));

  return { summary: planSummary(req, habits), subgoals, habits, provider: "grounded", partial: false };
}

function chooseTemplates(req: GoalRequest, text: string): PlanTemplate[] {
  const found = PLAN_TEMPLATES
    .map((t) => ({ t, at: t.match.exec(text)?.index ?? -1 }))
    .filter((m) => m.at >= 0)
    .sort((a, b) => a.at - b.at)
    .map((m) => m.t);
  const theme = knownTheme(req.theme);
  if (theme && theme !== "other") {
    // The member's own theme leads: its first matching template, else the theme's default one.
    const lead = found.find((t) => t.theme === theme) ?? templateById(THEME_DEFAULT[theme]);
    return [lead, ...found.filter((t) => t !== lead)];
  }
  return found.length ? found : [GENERIC_TEMPLATE];
}

type Constraints = GoalRequest["constraints"];

/**
 * Days per week cap every habit; a minutes budget goes first to the small side habits, then the
 * main habit takes what is left: fewer sessions when the member did not name a number (daily
 * becomes N times a week), shorter sessions when they did. Side habits that do not fit get fewer
 * sessions, or are dropped.
 */
export function fitToConstraints(specs: HabitSpec[], constraints: Constraints, asked: { timesAsked: boolean; minutesAsked: boolean }): HabitSpec[] {
  const days = constraints?.daysPerWeek ?? 7;
  let out = specs.map((s) => ({ ...s, times: Math.min(s.times, days) }));
  const budget = constraints?.minutesPerWeek;
  if (budget === undefined) return out;

  const [main, ...rest] = out;
  const weekly = (s: HabitSpec) => (s.minutes ?? 0) * s.times;
  const mainReserve = main.minutes === undefined ? 0 : (main.minSession ?? SHORTEST_SESSION) * (asked.timesAsked ? main.times : 1);
  const sides = [...rest];
  while (sides.reduce((n, s) => n + weekly(s), 0) > budget - mainReserve && sides.some((s) => s.minutes !== undefined)) {
    // The last timed side habit first gets fewer sessions, and is dropped only when none fits.
    const last = sides.map((s) => s.minutes !== undefined).lastIndexOf(true);
    const room = budget - mainReserve - sides.reduce((n, s, i) => n + (i === last ? 0 : weekly(s)), 0);
    const fits = Math.floor(room / sides[last].minutes!);
    if (fits >= 1 && fits < sides[last].times) sides[last] = { ...sides[last], times: fits };
    else sides.splice(last, 1);
  }
  out = [main, ...sides];
  if (main.minutes === undefined) return out;

  const share = budget - sides.reduce((n, s) => n + weekly(s), 0);
  const lo = main.minSession ?? SHORTEST_SESSION;
  const hi = main.maxSession ?? share;
  if (!asked.timesAsked) main.times = Math.max(1, Math.min(main.times, Math.floor(share / (asked.minutesAsked ? main.minutes : lo))));
  if (!asked.minutesAsked) main.minutes = clamp(roundDown(share / main.times), lo, hi);
  if (main.minutes * main.times > share) main.minutes = Math.max(SHORTEST_SESSION, Math.floor(share / main.times));
  if (main.minutes * main.times > share) main.times = Math.max(1, Math.floor(share / main.minutes));
  return out;
}

/** Sessions rounded down to 5 minutes (10, 15, 20…) once they are 10 minutes or longer. */
function roundDown(minutes: number): number {
  return minutes >= 10 ? Math.floor(minutes / 5) * 5 : Math.floor(minutes);
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.min(Math.max(n, lo), Math.max(lo, hi));
}

export function weeklyMinutes(habits: readonly PlannedHabit[]): number {
  return habits.reduce((n, h) => n + (h.minutesPerSession ?? 0) * (h.schedule.kind === "daily" ? 7 : h.schedule.timesPerWeek), 0);
}

export function describePlannedHabit(h: PlannedHabit): string {
  const when = h.schedule.kind === "daily" ? "every day" : h.schedule.timesPerWeek === 1 ? "once a week" : `${h.schedule.timesPerWeek} times a week`;
  return `${h.title.charAt(0).toLowerCase()}${h.title.slice(1)} ${when}`;
}

function planSummary(req: GoalRequest, habits: PlannedHabit[]): string {
  const list = habits.map(describePlannedHabit);
  const joined = list.length === 1 ? list[0] : `${list.slice(0, -1).join(", ")} and ${list.at(-1)}`;
  const total = weeklyMinutes(habits);
  const budget = req.constraints?.minutesPerWeek;
  const time = total === 0 ? "" : budget !== undefined ? `, about ${total} minutes a week within your ${budget}-minute budget` : `, about ${total} minutes a week`;
  return `To reach "${req.title}", ${joined}${time}; each habit allows ${DEFAULT_SKIP_BUDGET} skip a week so a busy day does not break your streak.`;
}
