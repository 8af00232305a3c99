"use server";

import { revalidatePath } from "next/cache";
import { requireViewer } from "@/lib/auth/session";
import { askCopilot, consumeCopilotQuestion } from "@/db/queries/copilot";
import { validateCopilotQuestion } from "@/lib/ai/goals";
import { runAction, type ActionResult } from "@/lib/action-result";
import { AppError } from "@/lib/errors";
import type { CopilotReply } from "@/components/mentor/copilot-form";

/**
 * The mentee id is bound by the page; the question comes from the form. Stored in the audit trail.
 * At most COPILOT_LIMIT questions a minute per mentor.
 */
export async function askCopilotAction(menteeId: string, _prev: ActionResult<CopilotReply>, form: FormData): Promise<ActionResult<CopilotReply>> {
  return runAction(async () => {
    const { viewer } = await requireViewer("mentor");
    const question = form.get("question");
    if (typeof question !== "string") throw new AppError("bad_request:copilot", "Write a question for the copilot.");
    // An empty or over-long question is refused before it counts against the limit.
    validateCopilotQuestion(question);
    await consumeCopilotQuestion(viewer);
    const entry = await askCopilot(viewer, menteeId, question);
    revalidatePath(`/mentor/${menteeId}`);
    return { ok: true, data: { question: entry.question, answer: entry.answer, provider: entry.provider } };
  }, "mentor.copilot");
}
