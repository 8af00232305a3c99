"use client";

import { useActionState } from "react";
import { Button, Notice } from "@/components/ui/primitives";
import type { ActionResult } from "@/lib/action-result";
import { refreshBriefAction, saveNoteAction } from "@/app/(patient)/weekly-brief/actions";

export function PersonalNoteForm({ weekOf, note }: { weekOf: string; note: string | null }) {
  const [state, action, pending] = useActionState(saveNoteAction, { ok: true } as ActionResult);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="weekOf" value={weekOf} />
      <label htmlFor="personal-note" className="block text-sm font-medium text-slate-800">Your note on this week (goes into your PDF report)</label>
      <textarea id="personal-note" name="note" defaultValue={note ?? ""} rows={3} maxLength={2000}
        className="block w-full rounded-lg border border-slate-300 px-3 py-2 text-sm" placeholder="What happened this week that the data does not show?" />
      <div className="flex items-center gap-3">
        <Button type="submit" variant="secondary" disabled={pending}>{pending ? "Saving…" : "Save note"}</Button>
        {!state.ok && <Notice tone="error">{state.error}</Notice>}
        {state.ok && state.message && <span role="status" className="text-sm text-green-800">{state.message}</span>}
      </div>
    </form>
  );
}

export function RefreshButton({ remaining }: { remaining: number }) {
  const [state, action, pending] = useActionState(refreshBriefAction, { ok: true } as ActionResult<{ remaining: number }>);
  const left = state.ok && state.data ? state.data.remaining : remaining;
  return (
    <form action={action} className="flex flex-wrap items-center gap-3">
      <Button type="submit" variant="secondary" disabled={pending || left <= 0}>{pending ? "Asking…" : "Refresh this week's brief"}</Button>
      <span className="text-sm text-slate-600" data-testid="refreshes-left">{left} of 10 refreshes left this week</span>
      {!state.ok && <Notice tone="error">{state.error}</Notice>}
      {state.ok && state.message && <span role="status" className="text-sm text-green-800">{state.message}</span>}
    </form>
  );
}
