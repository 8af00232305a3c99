"use server";

import { requireViewer } from "@/lib/auth/session";
import { requestAnalysis } from "@/lib/intelligence/request-analysis";
import { runAction, type ActionResult } from "@/lib/action-result";

/** The /intelligence button: starts the analysis; the page follows it at the task's status URL. */
export async function runAnalysisAction(): Promise<ActionResult<{ taskId: string; statusUrl: string }>> {
  return runAction(async () => {
    const { viewer } = await requireViewer("patient");
    return { ok: true, data: await requestAnalysis(viewer) };
  }, "intelligence.run_analysis");
}
