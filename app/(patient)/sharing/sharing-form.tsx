"use client";

import { useActionState, useState } from "react";
import { Button, Field, Notice } from "@/components/ui/primitives";
import type { ActionResult } from "@/lib/action-result";
import { createShareLinkAction, type CreatedShare } from "./actions";

const initial = { ok: true } as ActionResult<CreatedShare>;

type Unit = "mg/dL" | "mmol/L";

/** Builds the PDF download address for the chosen period and options (the route checks everything again). */
function pdfHref(choice: { from: string; to: string; analysis: boolean; notes: boolean; unit: Unit; weeks: string[] }): string {
  const q = new URLSearchParams({ from: choice.from, to: choice.to, analysis: choice.analysis ? "1" : "0", notes: choice.notes ? "1" : "0", unit: choice.unit });
  if (choice.weeks.length > 0) q.set("weeks", choice.weeks.join(","));
  return `/api/v1/reports/pdf?${q.toString()}`;
}

export function SharingForm({
  defaultFrom,
  defaultTo,
  defaultExpiry,
  defaultUnit,
  weeks = [],
}: {
  defaultFrom: string;
  defaultTo: string;
  defaultExpiry: number;
  defaultUnit: Unit;
  weeks?: { weekOf: string; title: string }[];
}) {
  const [state, action, pending] = useActionState(createShareLinkAction, initial);
  // Controlled so the values survive React 19's form reset and feed the download link.
  const [from, setFrom] = useState(defaultFrom);
  const [to, setTo] = useState(defaultTo);
  const [analysis, setAnalysis] = useState(true);
  const [notes, setNotes] = useState(false);
  const [unit, setUnit] = useState<Unit>(defaultUnit);
  const [chosenWeeks, setChosenWeeks] = useState<string[]>([]);
  const toggleWeek = (weekOf: string, on: boolean) => setChosenWeeks((all) => (on ? [...all, weekOf].sort() : all.filter((w) => w !== weekOf)));
  const errors = state.ok ? {} : (state.fieldErrors ?? {});

  return (
    <form action={action} className="space-y-4">
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="From" name="from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} required error={errors.from} />
        <Field label="To" name="to" type="date" value={to} onChange={(e) => setTo(e.target.value)} required error={errors.to} />
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Link valid for (days)" name="expiresInDays" type="number" min={1} max={90} defaultValue={defaultExpiry} required error={errors.expiresInDays} hint="From 1 to 90 days." />
        <Field label="Doctor's email (optional)" name="recipientEmail" type="email" autoComplete="off" placeholder="doctor@clinic.example" error={errors.recipientEmail} hint="We email them the link, nothing else." />
      </div>
      <div className="flex flex-wrap gap-6 text-sm">
        <label className="flex items-center gap-2">
          <input type="checkbox" name="includeAnalysis" checked={analysis} onChange={(e) => setAnalysis(e.target.checked)} /> Include insights and outlook
        </label>
        {weeks.length > 0 && (
          <fieldset className="w-full space-y-1">
            <legend className="text-sm font-medium text-slate-800">Weekly stories to include (none ticked: the weeks in the period)</legend>
            <div className="max-h-40 space-y-1 overflow-y-auto rounded-lg border border-slate-200 p-2">
              {weeks.map((w) => (
                <label key={w.weekOf} className="flex items-center gap-2 text-sm">
                  <input type="checkbox" name="storyWeeks" value={w.weekOf} checked={chosenWeeks.includes(w.weekOf)} onChange={(e) => toggleWeek(w.weekOf, e.target.checked)} /> Week of{" "}
                  {w.weekOf}: {w.title}
                </label>
              ))}
            </div>
          </fieldset>
        )}
        <label className="flex items-center gap-2">
          <input type="checkbox" name="includeNotes" checked={notes} onChange={(e) => setNotes(e.target.checked)} /> Include my personal notes
        </label>
        <label className="flex items-center gap-2">
          Glucose in
          <select name="unit" value={unit} onChange={(e) => setUnit(e.target.value as Unit)} className="rounded-lg border border-slate-300 bg-white px-2 py-1 text-sm">
            <option value="mg/dL">mg/dL</option>
            <option value="mmol/L">mmol/L</option>
          </select>
        </label>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>{pending ? "Creating…" : "Create share link"}</Button>
        <a className="text-sm font-semibold text-brand-700 underline" href={pdfHref({ from, to, analysis, notes, unit, weeks: chosenWeeks })} download data-testid="download-pdf">
          Download PDF
        </a>
      </div>
      {!state.ok && <Notice tone="error">{state.error}</Notice>}
      {state.ok && state.data && (
        <Notice tone="success">
          {state.message} Copy the link now — it is shown only once:{" "}
          <code className="break-all rounded bg-white px-1 font-mono text-xs" data-testid="share-url">{state.data.url}</code>
          {state.data.emailFailed && <span className="block">The email could not be sent; please pass the link on yourself.</span>}
        </Notice>
      )}
    </form>
  );
}
