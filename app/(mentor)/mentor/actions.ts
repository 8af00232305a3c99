"use server";

import { requireViewer } from "@/lib/auth/session";
import { createMentorInvite } from "@/db/queries/mentoring";
import { runAction, type ActionResult } from "@/lib/action-result";

export async function createInviteAction(_prev: ActionResult<{ code: string; expiresAt: string }>): Promise<ActionResult<{ code: string; expiresAt: string }>> {
  return runAction(async () => {
    const { viewer } = await requireViewer("mentor");
    const { code, expiresAt } = await createMentorInvite(viewer);
    return { ok: true, data: { code, expiresAt: expiresAt.toISOString() } };
  }, "mentor.invite");
}
