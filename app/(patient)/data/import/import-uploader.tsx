"use client";

import { useRef, useState } from "react";
import { Button, Notice } from "@/components/ui/primitives";

type Progress = { phase?: string; bytesRead?: number; totalBytes?: number; rowsRead?: number; rowsToStore?: number; rowsStored?: number };
type Summary = {
  format: string; rowsRead: number; inserted: number; duplicates: number; rejectedCount: number; daysRecomputed: number;
  rejected: { line?: number; index?: number; reason: string }[]; byKind: Record<string, { inserted: number; duplicates: number }>; skipped: Record<string, number>;
};
type Status = { status: string; progress: Progress | null; output: Summary | null; error: string | null };
type State =
  | { step: "idle" }
  | { step: "uploading"; fraction: number }
  | { step: "processing"; status: Status | null }
  | { step: "done"; summary: Summary }
  | { step: "failed"; message: string };

const KIND_LABELS: Record<string, string> = { glucose: "glucose readings", sleep: "sleep sessions", activities: "activities", meals: "meals", notes: "notes", dailySteps: "daily step totals" };

function Bar({ fraction, label }: { fraction: number; label: string }) {
  const pct = Math.max(0, Math.min(100, Math.round(fraction * 100)));
  return (
    <div>
      <div className="mb-1 flex justify-between text-sm text-slate-700"><span>{label}</span><span>{pct} %</span></div>
      <div className="h-3 overflow-hidden rounded-full bg-slate-200" role="progressbar" aria-valuenow={pct} aria-valuemin={0} aria-valuemax={100} aria-label={label}>
        <div className="h-full bg-brand-600 transition-all" style={{ width: `${pct}%` }} />
      </div>
    </div>
  );
}

export function ImportUploader({ timezone, timezones }: { timezone: string; timezones: string[] }) {
  const [state, setState] = useState<State>({ step: "idle" });
  const fileRef = useRef<HTMLInputElement>(null);
  const tzRef = useRef<HTMLSelectElement>(null);

  async function poll(url: string) {
    for (;;) {
      const res = await fetch(url, { cache: "no-store" });
      const body = await res.json();
      if (!res.ok) return setState({ step: "failed", message: body.error?.message ?? "Could not read the import's status." });
      const status = body as Status;
      if (status.status === "completed" && status.output) return setState({ step: "done", summary: status.output });
      if (status.status === "failed" || status.status === "cancelled") return setState({ step: "failed", message: status.error ?? "The import failed." });
      setState({ step: "processing", status });
      await new Promise((r) => setTimeout(r, 1000));
    }
  }

  function start(e: React.FormEvent) {
    e.preventDefault();
    const file = fileRef.current?.files?.[0];
    if (!file) return setState({ step: "failed", message: "Choose a file first." });
    const params = new URLSearchParams({ fileName: file.name, timezone: tzRef.current?.value ?? timezone });
    // XMLHttpRequest, not fetch: it reports upload progress for multi-GB Apple Health exports.
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/v1/imports?${params}`);
    xhr.setRequestHeader("Content-Type", "application/octet-stream");
    xhr.upload.onprogress = (ev) => ev.lengthComputable && setState({ step: "uploading", fraction: ev.loaded / ev.total });
    xhr.onerror = () => setState({ step: "failed", message: "The upload was interrupted. Check your connection and try again." });
    xhr.onload = () => {
      let body: { statusUrl?: string; error?: { message: string } } = {};
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        /* not JSON: handled below */
      }
      if (xhr.status !== 202 || !body.statusUrl) return setState({ step: "failed", message: body.error?.message ?? `The upload failed (HTTP ${xhr.status}).` });
      setState({ step: "processing", status: null });
      void poll(body.statusUrl);
    };
    setState({ step: "uploading", fraction: 0 });
    xhr.send(file);
  }

  const busy = state.step === "uploading" || state.step === "processing";
  const progress = state.step === "processing" ? state.status?.progress : null;
  return (
    <div className="space-y-5">
      <form onSubmit={start} className="space-y-4">
        <div className="space-y-1">
          <label htmlFor="import-file" className="block text-sm font-medium text-slate-800">Export file</label>
          <input id="import-file" ref={fileRef} type="file" accept=".csv,.txt,.json,.xml,.zip" disabled={busy}
            className="block w-full text-sm file:mr-3 file:rounded-lg file:border-0 file:bg-brand-50 file:px-3 file:py-2 file:font-semibold file:text-brand-700" />
          <p className="text-xs text-slate-600">Dexcom Clarity CSV, LibreView CSV, Libre patient report, Nightscout entries JSON, or Apple Health export.zip / export.xml.</p>
        </div>
        <div className="space-y-1">
          <label htmlFor="import-timezone" className="block text-sm font-medium text-slate-800">Timezone the device clock was set to</label>
          <select id="import-timezone" ref={tzRef} defaultValue={timezone} disabled={busy} className="block w-full max-w-sm rounded-lg border border-slate-300 bg-white px-3 py-2">
            {timezones.map((tz) => <option key={tz} value={tz}>{tz}</option>)}
          </select>
          <p className="text-xs text-slate-600">Dexcom and Libre exports record local clock times; Nightscout and Apple Health carry their own offsets.</p>
        </div>
        <Button type="submit" disabled={busy}>{busy ? "Importing…" : "Import"}</Button>
      </form>

      {state.step === "uploading" && <Bar fraction={state.fraction} label="Uploading" />}
      {state.step === "processing" && (
        <div className="space-y-3" aria-live="polite">
          {progress?.phase === "storing" ? (
            <Bar fraction={(progress.rowsStored ?? 0) / Math.max(1, progress.rowsToStore ?? 1)} label={`Stored ${(progress.rowsStored ?? 0).toLocaleString("en")} of ${(progress.rowsToStore ?? 0).toLocaleString("en")} records (${(progress.rowsRead ?? 0).toLocaleString("en")} rows read)`} />
          ) : (
            <Bar fraction={(progress?.bytesRead ?? 0) / Math.max(1, progress?.totalBytes ?? 1)} label="Reading the file" />
          )}
        </div>
      )}
      {state.step === "failed" && <Notice tone="error">{state.message}</Notice>}
      {state.step === "done" && (
        <div className="space-y-2" data-testid="import-summary">
          <Notice tone="success">
            Import finished: {state.summary.inserted.toLocaleString("en")} new records stored, {state.summary.duplicates.toLocaleString("en")} were already there
            {state.summary.rejectedCount ? `, ${state.summary.rejectedCount.toLocaleString("en")} rows rejected` : ""}.
          </Notice>
          <ul className="list-disc pl-5 text-sm text-slate-700">
            {Object.entries(state.summary.byKind).filter(([, c]) => c.inserted + c.duplicates > 0).map(([kind, c]) => (
              <li key={kind}>{KIND_LABELS[kind] ?? kind}: {c.inserted.toLocaleString("en")} new, {c.duplicates.toLocaleString("en")} already stored</li>
            ))}
            {Object.entries(state.summary.skipped).map(([kind, n]) => <li key={kind}>{n.toLocaleString("en")} {kind} rows skipped (not imported by design)</li>)}
            <li>{state.summary.daysRecomputed} days of summaries updated</li>
          </ul>
          {state.summary.rejected.length > 0 && (
            <details className="text-sm text-slate-700">
              <summary className="cursor-pointer font-medium">Why rows were rejected</summary>
              <ul className="mt-1 list-disc pl-5">
                {state.summary.rejected.map((r, i) => <li key={i}>{r.line ? `Line ${r.line}: ` : r.index !== undefined ? `Entry ${r.index}: ` : ""}{r.reason}</li>)}
              </ul>
            </details>
          )}
        </div>
      )}
    </div>
  );
}
