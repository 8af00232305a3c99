"use client";

import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { recordBriefEventAction } from "@/app/(patient)/weekly-brief/actions";

type Props = { weekOf: string; title: string; narrative: string; highlights: { title: string; description: string; tone: string }[] };

/**
 * This week's brief over the dashboard, once per week (seeds/weekly-intelligence.md): an impression
 * when it becomes visible, an engaged view after 3 s visible, meaningful engagement past 50 % scroll.
 * "Not now" hides it for the week; "Turn off" disables the overlay (briefs still arrive at /weekly-brief).
 */
export function BriefOverlay({ weekOf, title, narrative, highlights }: Props) {
  const [open, setOpen] = useState(true);
  const shownAt = useRef(0);
  const scrolledHalf = useRef(false);
  const dialog = useRef<HTMLDivElement>(null);
  const first = useRef<HTMLAnchorElement>(null);

  useEffect(() => {
    if (!open) return;
    shownAt.current = performance.now();
    void recordBriefEventAction(weekOf, { type: "impression" });
    const engaged = setTimeout(() => void recordBriefEventAction(weekOf, { type: "engaged" }), 3000);
    first.current?.focus();
    return () => clearTimeout(engaged);
  }, [open, weekOf]);

  const seconds = () => Math.round((performance.now() - shownAt.current) / 1000);
  const close = (type: "soft_dismiss" | "turn_off") => {
    void recordBriefEventAction(weekOf, { type, seconds: seconds() });
    setOpen(false);
  };

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && close("soft_dismiss");
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  if (!open) return null;
  const onScroll = () => {
    const el = dialog.current;
    if (!el || scrolledHalf.current) return;
    const depth = (el.scrollTop + el.clientHeight) / el.scrollHeight;
    if (depth > 0.5 && el.scrollHeight > el.clientHeight) {
      scrolledHalf.current = true;
      void recordBriefEventAction(weekOf, { type: "meaningful", scrollDepth: Math.min(1, depth) });
    }
  };
  const tone: Record<string, string> = { positive: "border-green-600", warning: "border-amber-600", neutral: "border-slate-400" };

  return (
    <div className="fixed inset-0 z-50 flex items-end justify-center bg-slate-900/50 p-0 sm:items-center sm:p-6">
      <div
        ref={dialog}
        role="dialog"
        aria-modal="true"
        aria-labelledby="brief-overlay-title"
        onScroll={onScroll}
        className="max-h-[90vh] w-full max-w-xl overflow-y-auto rounded-t-2xl bg-white p-6 shadow-xl sm:rounded-2xl"
      >
        <p className="text-xs font-semibold uppercase tracking-wider text-brand-700">Your weekly brief · week of {weekOf}</p>
        <h2 id="brief-overlay-title" className="mt-1 text-xl font-bold text-slate-900">{title}</h2>
        <p className="mt-3 text-sm leading-relaxed text-slate-700">{narrative}</p>
        <ul className="mt-4 space-y-2">
          {highlights.map((h) => (
            <li key={h.title} className={`border-l-4 pl-3 ${tone[h.tone] ?? tone.neutral}`}>
              <p className="text-sm font-semibold text-slate-900">{h.title}</p>
              <p className="text-sm text-slate-700">{h.description}</p>
            </li>
          ))}
        </ul>
        <div className="mt-6 flex flex-wrap items-center gap-3">
          <Link ref={first} href="/weekly-brief" onClick={() => void recordBriefEventAction(weekOf, { type: "engagement_time", seconds: seconds() })}
            className="rounded-lg bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700">
            Read the full brief
          </Link>
          <button type="button" onClick={() => close("soft_dismiss")} className="rounded-lg px-4 py-2 text-sm font-semibold text-slate-800 ring-1 ring-slate-300 hover:bg-slate-50">
            Not now
          </button>
          <button type="button" onClick={() => close("turn_off")} className="text-sm font-medium text-slate-600 underline hover:text-slate-900">
            Turn off this pop-up
          </button>
        </div>
      </div>
    </div>
  );
}
