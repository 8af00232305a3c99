import type { Viewer } from "@/db/queries/context";
import { enforceLimit, type Limit } from "@/db/queries/rate-limit";

/** Plan proposals a member may ask for per minute: each one may run a model. */
export const PLAN_PROPOSAL_LIMIT: Limit = { keyPrefix: "goal-plan", points: 6, durationSeconds: 60 };

/** Counts one plan proposal of the member; over PLAN_PROPOSAL_LIMIT it refuses with a sentence. */
export async function consumePlanProposal(viewer: Viewer): Promise<void> {
  await enforceLimit(PLAN_PROPOSAL_LIMIT, viewer.userId, "rate_limited:goals", (wait) => `You have asked for ${PLAN_PROPOSAL_LIMIT.points} plans in the last minute. Edit the one you have, or ask again in ${wait}.`);
}

/** Goals a member may create a day: far more than anyone keeps, few enough that a script cannot flood the tables. */
export const GOAL_CREATE_LIMIT: Limit = { keyPrefix: "goal-create", points: 20, durationSeconds: 86_400 };

export async function consumeGoalCreation(viewer: Viewer): Promise<void> {
  await enforceLimit(GOAL_CREATE_LIMIT, viewer.userId, "rate_limited:goals", (wait) => `You have created ${GOAL_CREATE_LIMIT.points} goals today. Work on those, or create another in ${wait}.`);
}
