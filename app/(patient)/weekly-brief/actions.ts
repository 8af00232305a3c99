"use server";

import { z } from "zod";
import { revalidatePath } from "next/cache";
import { requireViewer } from "@/lib/auth/session";
import { updatePersonalNote } from "@/db/queries/weekly-brief";
import { recordBriefEvent } from "@/db/queries/brief-state";
import { requestBriefRefresh } from "@/lib/intelligence/request-refresh";
import { runAction, type ActionResult } from "@/lib/action-result";

const week = z.iso.date({ message: "That week is not a date." });

export async function saveNoteAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const { viewer } = await requireViewer("patient");
    const parsed = z.object({ weekOf: week, note: z.string().max(2000, "Keep the note under 2,000 characters.") }).safeParse(Object.fromEntries(form));
    if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? "That note could not be saved." };
    await updatePersonalNote(viewer, parsed.data.weekOf, parsed.data.note);
    revalidatePath("/weekly-brief", "layout");
    return { ok: true, message: "Note saved. It will appear in your PDF report." };
  }, "brief.note");
}

export async function refreshBriefAction(_prev: ActionResult<{ remaining: number }>): Promise<ActionResult<{ remaining: number }>> {
  return runAction(async () => {
    const { viewer, profile } = await requireViewer("patient");
    const { usage } = await requestBriefRefresh(viewer, profile.timezone);
    return { ok: true, message: `Your brief is being rewritten; it appears here in a moment. ${usage.remaining} refreshes left this week.`, data: { remaining: usage.remaining } };
  }, "brief.refresh");
}

const eventSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("impression") }),
  z.object({ type: z.literal("engaged") }),
  z.object({ type: z.literal("meaningful"), scrollDepth: z.number().min(0).max(1) }),
  z.object({ type: z.literal("engagement_time"), seconds: z.number().min(0).max(3600) }),
  z.object({ type: z.literal("soft_dismiss"), seconds: z.number().min(0).max(3600) }),
  z.object({ type: z.literal("turn_off"), seconds: z.number().min(0).max(3600) }),
  z.object({ type: z.literal("pattern_clicked") }),
  z.object({ type: z.literal("move_acted") }),
]);

/** Overlay and brief engagement tracking (impressions, engaged views, scroll depth, dismissals). */
export async function recordBriefEventAction(weekOf: string, event: unknown): Promise<ActionResult> {
  return runAction(async () => {
    const { viewer } = await requireViewer("patient");
    const w = week.safeParse(weekOf);
    const e = eventSchema.safeParse(event);
    if (!w.success || !e.success) return { ok: false, error: "That event is not valid." };
    await recordBriefEvent(viewer, w.data, e.data);
    if (e.data.type === "soft_dismiss" || e.data.type === "turn_off") revalidatePath("/dashboard");
    return { ok: true };
  }, "brief.event");
}
