"use server";

import { z } from "zod";
import { revalidatePath } from "next/cache";
import { requireViewer } from "@/lib/auth/session";
import { createJournalEntry, deleteJournalEntry, JOURNAL_TEXT_MAX, setEntrySharing } from "@/db/queries/journal";
import type { MoodLabel } from "@/lib/journal/mood";
import { fieldErrorsFrom, runAction, type ActionResult } from "@/lib/action-result";

const checkbox = z.preprocess((v) => v === "on" || v === "1" || v === "true", z.boolean());

const entrySchema = z.object({
  text: z
    .string({ message: "Write something before saving the entry." })
    .trim()
    .min(1, "Write something before saving the entry.")
    .max(JOURNAL_TEXT_MAX, `An entry can be at most ${JOURNAL_TEXT_MAX.toLocaleString("en-US")} characters.`),
  tags: z.string().max(1_000, "That is a lot of tags: keep it to a few words separated by commas.").optional().default(""),
  sharedWithMentor: checkbox,
});

export type SavedEntry = { mood: MoodLabel | null; sentiment: number | null; tags: string[]; sharedWithMentor: boolean };

export async function createJournalEntryAction(_prev: ActionResult<SavedEntry>, form: FormData): Promise<ActionResult<SavedEntry>> {
  return runAction(async () => {
    const { viewer } = await requireViewer("patient");
    const parsed = entrySchema.safeParse({ text: form.get("text") ?? "", tags: form.get("tags") ?? "", sharedWithMentor: form.get("sharedWithMentor") });
    if (!parsed.success) return { ok: false, error: "Please fix the fields below.", fieldErrors: fieldErrorsFrom(parsed.error.issues) };
    const entry = await createJournalEntry(viewer, parsed.data);
    revalidatePath("/journal");
    return {
      ok: true,
      message: "Entry saved.",
      data: { mood: entry.mood, sentiment: entry.sentiment, tags: entry.tags, sharedWithMentor: entry.sharedWithMentor },
    };
  }, "journal.create");
}

const entryIdSchema = z.object({ entryId: z.string().min(1) });

export async function setEntrySharingAction(form: FormData): Promise<void> {
  const result = await runAction(async () => {
    const { viewer } = await requireViewer("patient");
    const parsed = entryIdSchema.extend({ shared: checkbox }).safeParse({ entryId: form.get("entryId"), shared: form.get("shared") });
    if (!parsed.success) return { ok: false, error: "That change is not valid." };
    await setEntrySharing(viewer, parsed.data.entryId, parsed.data.shared);
    return { ok: true };
  }, "journal.share");
  if (!result.ok) console.warn("[journal.share]", result.error);
  revalidatePath("/journal");
}

export async function deleteJournalEntryAction(form: FormData): Promise<void> {
  const result = await runAction(async () => {
    const { viewer } = await requireViewer("patient");
    const parsed = entryIdSchema.safeParse({ entryId: form.get("entryId") });
    if (!parsed.success) return { ok: false, error: "That entry is not valid." };
    await deleteJournalEntry(viewer, parsed.data.entryId);
    return { ok: true };
  }, "journal.delete");
  if (!result.ok) console.warn("[journal.delete]", result.error);
  revalidatePath("/journal");
}
