"use client";

import { catchError, type ErrorInfo } from "next/error";

/**
 * One panel's error boundary: a failed panel says so inside its own box with a retry, and the rest
 * of the page stays usable. Never shows the error's text (it may hold internals).
 */
function PanelError({ label }: { label: string }, { retry }: ErrorInfo) {
  return (
    <div role="alert" className="rounded-lg bg-red-50 p-4 text-sm ring-1 ring-red-200">
      <p className="font-semibold text-red-800">{label} could not be loaded.</p>
      <p className="mt-1 text-slate-700">Your data is safe. This is usually temporary.</p>
      <button
        type="button"
        onClick={() => retry()}
        className="mt-3 rounded-lg bg-white px-3 py-1.5 font-semibold text-slate-800 ring-1 ring-slate-300 hover:bg-slate-50"
      >
        Try again
      </button>
    </div>
  );
}

export const PanelBoundary = catchError(PanelError);
