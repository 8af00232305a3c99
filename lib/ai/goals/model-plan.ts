import { z } from "zod";
import type { GoalRequest } from "@/lib/goals/types";
import { askModelForJson } from "../model-json";
import type { ModelHandle } from "../model-json";
import { PLAN_LIMITS } from "./plan-guard";

/** What the model is asked to return; the guard re-checks every item against PLAN_LIMITS. */
export const modelPlanSchema = z.object({
  summary: z.string().describe("One or two sentences, in the second person, on how the plan reaches the goal"),
  subgoals: z.array(z.object({ title: z.string() })).describe(`2 to ${PLAN_LIMITS.subgoals} milestones, in order`),
  habits: z
    .array(
      z.object({
        title: z.string().describe("A concrete action a person can tick off on the day, e.g. \"Walk 15 minutes after dinner\""),
        schedule: z.object({
          kind: z.enum(["daily", "weekly"]),
          timesPerWeek: z.number().int().min(1).max(7).optional().describe("Required when kind is weekly"),
        }),
        skipBudgetPerWeek: z.number().int().min(0).max(PLAN_LIMITS.skipBudget).describe("Skips a week that keep the streak alive; 1 is usual"),
        minutesPerSession: z.number().int().min(1).optional().describe("Minutes one session takes, when it takes time"),
      }),
    )
    .describe(`1 to ${PLAN_LIMITS.habits} habits`),
});

export const PLAN_SYSTEM_PROMPT = [
  "You are the goal planner of Proxima, a health app for people who live with diabetes or watch their metabolic health.",
  "You turn one person's goal into a small, realistic plan: milestones (subgoals) and habits they check in on.",
  "Rules:",
  `1. At most ${PLAN_LIMITS.habits} habits and ${PLAN_LIMITS.subgoals} subgoals; 1 to 3 habits and 2 to 4 subgoals are best. Titles under ${PLAN_LIMITS.titleLength} characters.`,
  "2. A habit's schedule is daily, or weekly with timesPerWeek from 1 to 7. Respect daysPerWeek: no habit more often than that.",
  "3. If minutesPerWeek is given, the total of minutesPerSession × sessions a week over all habits must not exceed it.",
  "4. Do not diagnose, and never give medication, insulin or dosing advice; habits are about movement, food, sleep, mindfulness and self-monitoring.",
  "5. Start small: a plan the person keeps beats an ambitious one they drop.",
  "Answer with the JSON object only.",
].join("\n");

export function buildPlanPrompt(req: GoalRequest): string {
  const payload = {
    title: req.title,
    ...(req.description ? { description: req.description } : {}),
    ...(req.theme ? { theme: req.theme } : {}),
    ...(req.constraints ? { constraints: req.constraints } : {}),
  };
  return `The goal, as the person wrote it:\n${JSON.stringify(payload, null, 2)}`;
}

export function askModelForPlan(handle: ModelHandle, req: GoalRequest, options: { timeoutMs: number; maxRetries: number; signal?: AbortSignal }): Promise<unknown> {
  return askModelForJson({
    handle,
    system: PLAN_SYSTEM_PROMPT,
    prompt: buildPlanPrompt(req),
    schema: modelPlanSchema,
    name: "goal_plan",
    description: "A plan of subgoals and habits for one goal",
    failureMessage: "The AI model could not draft a plan for this goal.",
    ...options,
  });
}
