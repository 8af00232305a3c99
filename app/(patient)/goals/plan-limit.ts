import type { Viewer } from "@/db/queries/context";
import { consumeLimit, type Limit } from "@/db/queries/rate-limit";
import { AppError } from "@/lib/errors";

/** Plan proposals a member may ask for per minute: each one may run a model. */
export const PLAN_PROPOSAL_LIMIT: Limit = { keyPrefix: "goal-plan", points: 6, durationSeconds: 60 };

/** Counts one plan proposal of the member; over PLAN_PROPOSAL_LIMIT it refuses with a sentence. */
export async function consumePlanProposal(viewer: Viewer): Promise<void> {
  const limit = await consumeLimit(PLAN_PROPOSAL_LIMIT, viewer.userId);
  if (!limit.allowed) {
    throw new AppError(
      "rate_limited:goals",
      `You have asked for ${PLAN_PROPOSAL_LIMIT.points} plans in the last minute. Edit the one you have, or ask again in ${limit.retryAfterSeconds} s.`,
      { details: { retryAfterSeconds: limit.retryAfterSeconds } },
    );
  }
}
