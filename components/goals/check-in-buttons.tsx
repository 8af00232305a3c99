"use client";

import { useState, useTransition } from "react";
import { checkInAction } from "@/app/(patient)/goals/actions";
import type { CheckInStatus } from "@/lib/goals/types";

const OPTIONS: { status: CheckInStatus; label: string; style: string; active: string }[] = [
  { status: "done", label: "Done", style: "ring-green-300 text-green-800 hover:bg-green-50", active: "bg-green-700 text-white ring-green-700" },
  { status: "skipped", label: "Skip", style: "ring-amber-300 text-amber-800 hover:bg-amber-50", active: "bg-amber-700 text-white ring-amber-700" },
  { status: "missed", label: "Missed", style: "ring-slate-300 text-slate-700 hover:bg-slate-50", active: "bg-slate-600 text-white ring-slate-600" },
];

/**
 * One tap records today's check-in (a second tap on another button changes it); a note can go with
 * it. The status shows at once and is rolled back with the server's sentence if the check-in is refused.
 */
export function CheckInButtons({ habitId, habitTitle, status, skipsLeft }: { habitId: string; habitTitle: string; status: CheckInStatus | null; skipsLeft: number }) {
  const [current, setCurrent] = useState(status);
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  const [pending, start] = useTransition();

  const [note, setNote] = useState("");
  const choose = (next: CheckInStatus, withNote?: string) =>
    start(async () => {
      const before = current;
      setCurrent(next);
      const result = await checkInAction({ habitId, status: next, note: withNote });
      if (result.ok) setMessage({ tone: "ok", text: result.message ?? "Saved." });
      else {
        setCurrent(before);
        setMessage({ tone: "error", text: result.error });
      }
    });

  return (
    <div className="space-y-1">
      <div role="group" aria-label={`Check in: ${habitTitle}`} className="flex flex-wrap gap-2">
        {OPTIONS.map((o) => (
          <button
            key={o.status}
            type="button"
            disabled={pending}
            aria-pressed={current === o.status}
            onClick={() => choose(o.status)}
            title={o.status === "skipped" ? `${skipsLeft} skip${skipsLeft === 1 ? "" : "s"} left this week keep your streak` : undefined}
            className={`min-h-9 rounded-lg px-3 py-1.5 text-sm font-semibold ring-1 transition-colors disabled:opacity-70 ${current === o.status ? o.active : `bg-white ${o.style}`}`}
          >
            {o.label}
          </button>
        ))}
      </div>
      <details className="text-xs">
        <summary className="cursor-pointer text-slate-600">Add a note</summary>
        <form
          className="mt-1 flex gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            choose(current ?? "done", note);
          }}
        >
          <label className="sr-only" htmlFor={`note-${habitId}`}>Note for {habitTitle}</label>
          <input id={`note-${habitId}`} value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} placeholder="How did it go?" className="min-w-0 flex-1 rounded border border-slate-300 px-2 py-1" />
          <button type="submit" disabled={pending} className="rounded px-2 py-1 font-semibold text-brand-700 ring-1 ring-slate-300">
            Save{current ? "" : " as done"}
          </button>
        </form>
      </details>
      <p aria-live="polite" className={`text-xs ${message?.tone === "error" ? "text-red-700" : "text-slate-600"}`}>
        {message?.text ?? ""}
      </p>
    </div>
  );
}
