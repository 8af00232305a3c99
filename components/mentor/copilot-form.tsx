"use client";

import { useActionState, useState } from "react";
import { Button, Notice } from "@/components/ui/primitives";
import type { ActionResult } from "@/lib/action-result";
import { describeProvider } from "./provider-label";

export type CopilotReply = { question: string; answer: string; provider: string | null };
type AskAction = (prev: ActionResult<CopilotReply>, form: FormData) => Promise<ActionResult<CopilotReply>>;

/** The mentor's question box (the server passes the length limit, so the AI code stays off the client); the answer shows below with who produced it. Stored in the audit trail. */
export function CopilotForm({ action, menteeName, maxLength }: { action: AskAction; menteeName: string; maxLength: number }) {
  const [state, submit, pending] = useActionState(action, { ok: true } as ActionResult<CopilotReply>);
  const [length, setLength] = useState(0);
  return (
    <div className="space-y-3">
      <form action={submit} className="space-y-2">
        <label htmlFor="copilot-question" className="block text-sm font-medium text-slate-800">
          Ask about {menteeName}
        </label>
        <textarea
          id="copilot-question"
          name="question"
          required
          minLength={1}
          maxLength={maxLength}
          rows={3}
          onChange={(e) => setLength(e.target.value.length)}
          aria-describedby="copilot-question-hint"
          placeholder="How is this week going? What should we talk about?"
          className="block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-slate-900 shadow-sm placeholder:text-slate-500 focus:border-brand-600"
        />
        <p id="copilot-question-hint" className="text-xs text-slate-600">
          {length.toLocaleString("en-US")} / {maxLength.toLocaleString("en-US")} characters. The question, the answer and the data used are kept in an audit trail your mentee can read.
        </p>
        <Button type="submit" disabled={pending}>{pending ? "Thinking…" : "Ask the copilot"}</Button>
      </form>
      {!state.ok && <Notice tone="error">{state.error}</Notice>}
      {state.ok && state.data && (
        <div className="rounded-lg bg-brand-50 p-3 text-sm ring-1 ring-brand-100" role="status" data-testid="copilot-answer">
          <p className="font-medium text-slate-900">Q: {state.data.question}</p>
          <p className="mt-1 whitespace-pre-wrap break-words text-slate-800">{state.data.answer}</p>
          <p className="mt-2 text-xs text-slate-600">Answered by {describeProvider(state.data.provider)}.</p>
        </div>
      )}
    </div>
  );
}
