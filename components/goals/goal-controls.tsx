"use client";

import { useState, useTransition } from "react";
import { decideSuggestionAction, setGoalStatusAction, setSubgoalDoneAction } from "@/app/(patient)/goals/actions";
import type { ActionResult } from "@/lib/action-result";

/** Runs an action in a transition and keeps its sentence for an aria-live line. */
function useActionMessage() {
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  const [pending, start] = useTransition();
  const run = (fn: () => Promise<ActionResult>, onFail?: () => void) =>
    start(async () => {
      const result = await fn();
      if (result.ok) setMessage(result.message ? { tone: "ok", text: result.message } : null);
      else {
        onFail?.();
        setMessage({ tone: "error", text: result.error });
      }
    });
  const line = (
    <span aria-live="polite" className={`text-xs ${message?.tone === "error" ? "text-red-700" : "text-slate-600"}`}>{message?.text ?? ""}</span>
  );
  return { run, pending, line };
}

export function SubgoalToggle({ id, title, done }: { id: string; title: string; done: boolean }) {
  const [checked, setChecked] = useState(done);
  const { run, pending, line } = useActionMessage();
  return (
    <label className="flex items-center gap-2 text-sm">
      <input
        type="checkbox"
        checked={checked}
        disabled={pending}
        onChange={(e) => {
          const next = e.target.checked;
          setChecked(next);
          run(() => setSubgoalDoneAction(id, next), () => setChecked(!next));
        }}
      />
      <span className={checked ? "text-slate-500 line-through" : "text-slate-800"}>{title}</span>
      {line}
    </label>
  );
}

const STATUS_CHOICES = [
  ["active", "Active"],
  ["paused", "Paused"],
  ["completed", "Completed"],
  ["archived", "Archived"],
] as const;

export function GoalStatusControl({ goalId, status, goalTitle }: { goalId: string; status: string; goalTitle: string }) {
  const [value, setValue] = useState(status);
  const { run, pending, line } = useActionMessage();
  return (
    <span className="flex items-center gap-2">
      <label className="sr-only" htmlFor={`goal-status-${goalId}`}>Status of {goalTitle}</label>
      <select
        id={`goal-status-${goalId}`}
        value={value}
        disabled={pending}
        onChange={(e) => {
          const before = value;
          setValue(e.target.value);
          run(() => setGoalStatusAction(goalId, e.target.value), () => setValue(before));
        }}
        className="rounded-lg border border-slate-300 bg-white px-2 py-1 text-sm"
      >
        {STATUS_CHOICES.map(([v, label]) => <option key={v} value={v}>{label}</option>)}
      </select>
      {line}
    </span>
  );
}

export function SuggestionDecision({ id }: { id: string }) {
  const [decided, setDecided] = useState<"accept" | "reject" | null>(null);
  const { run, pending, line } = useActionMessage();
  const decide = (d: "accept" | "reject") => {
    setDecided(d);
    run(() => decideSuggestionAction(id, d), () => setDecided(null));
  };
  return (
    <div className="flex flex-wrap items-center gap-2">
      <button type="button" disabled={pending || decided !== null} onClick={() => decide("accept")} className="rounded-lg bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white disabled:bg-slate-400">
        {decided === "accept" ? "Accepted" : "Accept"}
      </button>
      <button type="button" disabled={pending || decided !== null} onClick={() => decide("reject")} className="rounded-lg bg-white px-3 py-1.5 text-sm font-semibold text-slate-800 ring-1 ring-slate-300 disabled:opacity-60">
        {decided === "reject" ? "Rejected" : "Reject"}
      </button>
      {line}
    </div>
  );
}
