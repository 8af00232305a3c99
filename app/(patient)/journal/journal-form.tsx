"use client";

import { useActionState, useState } from "react";
import { Button, Field, Notice } from "@/components/ui/primitives";
import type { ActionResult } from "@/lib/action-result";
import { MOOD_TEXT } from "@/lib/journal/mood";
import { createJournalEntryAction, type SavedEntry } from "./actions";

const initial = { ok: true } as ActionResult<SavedEntry>;

/** Writes an entry. Controlled fields: a failed save keeps what the member wrote; a saved one clears it. */
export function JournalForm({ maxLength, shareHint }: { maxLength: number; shareHint: string }) {
  const [text, setText] = useState("");
  const [tags, setTags] = useState("");
  const [share, setShare] = useState(false);
  const [state, action, pending] = useActionState(async (prev: ActionResult<SavedEntry>, form: FormData) => {
    const result = await createJournalEntryAction(prev, form);
    if (result.ok) {
      setText("");
      setTags("");
      setShare(false);
    }
    return result;
  }, initial);
  const errors = state.ok ? {} : (state.fieldErrors ?? {});
  const saved = state.ok ? state.data : undefined;

  return (
    <form action={action} className="space-y-4">
      <div className="space-y-1">
        <label htmlFor="field-text" className="block text-sm font-medium text-slate-800">How was your day?</label>
        <textarea
          id="field-text"
          name="text"
          rows={6}
          required
          maxLength={maxLength}
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-invalid={errors.text ? true : undefined}
          aria-describedby={errors.text ? "field-text-hint field-text-error" : "field-text-hint"}
          className="block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-slate-900 shadow-sm placeholder:text-slate-500 focus:border-brand-600"
          placeholder="Write freely. #hashtags become tags."
        />
        <p id="field-text-hint" className="text-xs text-slate-600">
          {text.trim().length.toLocaleString("en-US")} / {maxLength.toLocaleString("en-US")} characters. Words like #stress or #walk become tags.
        </p>
        {errors.text && <p id="field-text-error" className="text-sm text-red-700">{errors.text}</p>}
      </div>
      <Field
        label="Tags (optional)"
        name="tags"
        value={tags}
        onChange={(e) => setTags(e.target.value)}
        autoComplete="off"
        placeholder="sleep, work, walk"
        hint="Separate tags with commas; up to 10 per entry, letters, digits and dashes."
        error={errors.tags}
      />
      <div className="space-y-1">
        <label className="flex items-center gap-2 text-sm text-slate-800">
          <input type="checkbox" name="sharedWithMentor" checked={share} onChange={(e) => setShare(e.target.checked)} aria-describedby="share-hint" /> Share with my mentor
        </label>
        <p id="share-hint" className="text-xs text-slate-600">{shareHint}</p>
      </div>
      <Button type="submit" disabled={pending}>{pending ? "Saving…" : "Save entry"}</Button>
      {!state.ok && <Notice tone="error">{state.error}</Notice>}
      {saved && (
        <Notice tone="success">
          <span data-testid="saved-mood">
            {state.ok && state.message} Mood: {saved.mood ? MOOD_TEXT[saved.mood] : "not scored"}
            {saved.sentiment !== null && ` (sentiment ${saved.sentiment.toFixed(2)})`}.
          </span>
          {saved.tags.length > 0 && <> Tags: {saved.tags.map((t) => `#${t}`).join(", ")}.</>}
          {saved.sharedWithMentor && " Shared with your mentor."}
        </Notice>
      )}
    </form>
  );
}
