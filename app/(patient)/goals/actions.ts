"use server";

import crypto from "node:crypto";
import { revalidatePath } from "next/cache";
import { requireViewer } from "@/lib/auth/session";
import { acceptedPlanSchema, createGoalFromPlan, recordCheckIn, setGoalStatus, setSubgoalDone } from "@/db/queries/goals";
import { decidePlanSuggestion } from "@/db/queries/plan-suggestions";
import { proposeGoalPlan, validateGoalRequest } from "@/lib/ai/goals";
import { invalidatePerson } from "@/lib/cache";
import { runAction, type ActionResult } from "@/lib/action-result";
import type { CheckInStatus, GoalRequest, PlanDraft } from "@/lib/goals/types";
import { consumeGoalCreation, consumePlanProposal } from "./goal-limits";

export type Proposal = { proposalId: string; request: GoalRequest; plan: PlanDraft };

/** Step 1: the member describes the goal; the planner (model or grounded) proposes a plan to edit. */
export async function proposePlanAction(input: unknown): Promise<ActionResult<Proposal>> {
  return runAction(async () => {
    const { viewer } = await requireViewer("patient");
    const request = validateGoalRequest(input);
    await consumePlanProposal(viewer);
    const plan = await proposeGoalPlan(request);
    return { ok: true, data: { proposalId: crypto.randomUUID(), request, plan } };
  }, "goals.propose");
}

/** Step 2: the member accepts the plan as edited; the server validates it again and creates it once. */
export async function acceptPlanAction(input: { request: unknown; plan: unknown; proposed?: PlanDraft }): Promise<ActionResult<{ goalId: string }>> {
  return runAction(async () => {
    const { viewer } = await requireViewer("patient");
    const request = validateGoalRequest(input.request);
    const parsed = acceptedPlanSchema.safeParse(input.plan);
    if (!parsed.success) return { ok: false, error: parsed.error.issues[0].message };
    await consumeGoalCreation(viewer);
    const { goalId } = await createGoalFromPlan(viewer, request, parsed.data, input.proposed);
    invalidatePerson(viewer.userId);
    revalidatePath("/goals");
    return { ok: true, data: { goalId }, message: "Your goal and its habits are set." };
  }, "goals.accept");
}

export async function checkInAction(input: { habitId: string; status: CheckInStatus; day?: string; note?: string }): Promise<ActionResult<{ day: string; status: CheckInStatus }>> {
  return runAction(async () => {
    const { viewer } = await requireViewer("patient");
    const saved = await recordCheckIn(viewer, input);
    invalidatePerson(viewer.userId);
    revalidatePath("/goals");
    revalidatePath("/dashboard");
    const word = saved.status === "done" ? "Done" : saved.status === "skipped" ? "Skipped" : "Marked as missed";
    return { ok: true, data: saved, message: `${word} for ${saved.day}.` };
  }, "goals.check_in");
}

export async function setGoalStatusAction(goalId: string, status: string): Promise<ActionResult> {
  return runAction(async () => {
    const { viewer } = await requireViewer("patient");
    await setGoalStatus(viewer, goalId, status);
    revalidatePath("/goals");
    return { ok: true };
  }, "goals.status");
}

export async function setSubgoalDoneAction(subgoalId: string, done: boolean): Promise<ActionResult> {
  return runAction(async () => {
    const { viewer } = await requireViewer("patient");
    await setSubgoalDone(viewer, subgoalId, done);
    revalidatePath("/goals");
    return { ok: true };
  }, "goals.subgoal");
}

export async function decideSuggestionAction(suggestionId: string, decision: "accept" | "reject"): Promise<ActionResult> {
  return runAction(async () => {
    const { viewer } = await requireViewer("patient");
    if (decision !== "accept" && decision !== "reject") return { ok: false, error: "Choose accept or reject." };
    await decidePlanSuggestion(viewer, suggestionId, decision);
    revalidatePath("/goals");
    return { ok: true, message: decision === "accept" ? "Your plan is updated." : "Suggestion dismissed." };
  }, "goals.suggestion");
}
