"use server";

import { requireViewer } from "@/lib/auth/session";
import { createMentorInvite, MENTOR_INVITE_LIMIT } from "@/db/queries/mentoring";
import { enforceLimit } from "@/db/queries/rate-limit";
import { runAction, type ActionResult } from "@/lib/action-result";

export async function createInviteAction(_prev: ActionResult<{ code: string; expiresAt: string }>): Promise<ActionResult<{ code: string; expiresAt: string }>> {
  return runAction(async () => {
    const { viewer } = await requireViewer("mentor");
    await enforceLimit(MENTOR_INVITE_LIMIT, viewer.userId, "rate_limited:invites", (wait) => `You have created ${MENTOR_INVITE_LIMIT.points} invite codes today. Share one of those, or create another in ${wait}.`);
    const { code, expiresAt } = await createMentorInvite(viewer);
    return { ok: true, data: { code, expiresAt: expiresAt.toISOString() } };
  }, "mentor.invite");
}
