import type { GoalRequest, PlanDraft } from "@/lib/goals/types";
import { describeModelFailure } from "../get-narrator";
import { logGoalModelError, resolveGoalModel, type GoalAiOptions } from "./goal-model";
import { groundedGoalPlan } from "./grounded-plan";
import { askModelForPlan } from "./model-plan";
import { guardModelPlan } from "./plan-guard";

/** A plan is drafted while the member waits on the form: shorter than the weekly brief's 45 s. */
export const PLAN_TIMEOUT_MS = 20_000;

/**
 * The plan a member edits before accepting: the model's when one is configured (guarded item by
 * item), the grounded plan otherwise. A model that fails, times out or answers nothing usable
 * gives the grounded plan marked partial with the reason; only the caller's own cancellation is
 * rethrown.
 */
export async function proposeGoalPlan(req: GoalRequest, opts: GoalAiOptions = {}): Promise<PlanDraft> {
  const grounded = groundedGoalPlan(req);
  const goalModel = resolveGoalModel(opts.env);
  if (!goalModel) return grounded;
  try {
    const answer = await askModelForPlan(goalModel, req, { timeoutMs: opts.timeoutMs ?? PLAN_TIMEOUT_MS, maxRetries: opts.maxRetries ?? 1, signal: opts.signal });
    return guardModelPlan(answer, req, grounded, goalModel.provider);
  } catch (error) {
    if (opts.signal?.aborted) throw error;
    (opts.onModelError ?? logGoalModelError)(error);
    return { ...grounded, partial: true, fallbackReason: describeModelFailure(error) };
  }
}
