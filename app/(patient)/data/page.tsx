import { formatDateTime } from "@/lib/reports/report-format";
import { requirePageViewer } from "@/lib/auth/session";
import { getDataOverview, listRecentImports } from "@/db/queries/data-overview";
import { readRunError } from "@/db/queries/task-status";
import { ButtonLink, Card } from "@/components/ui/primitives";
import type { ImportSummary } from "@/inngest/functions/import-file";

export const metadata = { title: "Your data" };

export default async function DataPage() {
  const { viewer, profile } = await requirePageViewer("patient", "admin");
  const [overview, imports] = await Promise.all([getDataOverview(viewer), listRecentImports(viewer)]);
  const fmt = (d: Date | null) => (d ? formatDateTime(d.toISOString(), profile.timezone) : "—");

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold tracking-tight">Your data</h1>
        <ButtonLink href="/data/import">Import a file</ButtonLink>
      </div>
      <Card title="What Proxima has">
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="text-xs uppercase tracking-wide text-slate-600">
              <tr><th className="py-2 pr-4">Kind</th><th className="py-2 pr-4">Records</th><th className="py-2 pr-4">From</th><th className="py-2 pr-4">To</th><th className="py-2">Sources</th></tr>
            </thead>
            <tbody>
              {overview.map((k) => (
                <tr key={k.kind} className="border-t border-slate-200">
                  <td className="py-2 pr-4 font-medium">{k.kind}</td>
                  <td className="py-2 pr-4">{k.count.toLocaleString("en")}</td>
                  <td className="py-2 pr-4">{fmt(k.first)}</td>
                  <td className="py-2 pr-4">{fmt(k.last)}</td>
                  <td className="py-2 text-slate-700">{k.sources.join(", ") || "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="mt-3 text-sm text-slate-600">Devices and apps can also send data through the <a href="/docs/api" className="font-semibold text-brand-700 underline">API</a> with a token from Settings.</p>
      </Card>
      <Card title="Recent imports">
        {imports.length === 0 ? (
          <p className="text-sm text-slate-700">No imports yet.</p>
        ) : (
          <ul className="divide-y divide-slate-200" aria-label="Recent imports">
            {imports.map((run) => {
              const summary = run.output as ImportSummary | null;
              return (
                <li key={run.id} className="py-3 text-sm">
                  <p className="font-medium">{run.fileName ?? "file"} <span className="font-normal text-slate-600">· {fmt(run.createdAt)} · {run.status}</span></p>
                  {summary && (
                    <p className="text-slate-700">
                      {summary.inserted.toLocaleString("en")} new records, {summary.duplicates.toLocaleString("en")} already there, {summary.rejectedCount.toLocaleString("en")} rejected
                      {summary.firstTime && summary.lastTime ? ` · ${fmt(new Date(summary.firstTime))} to ${fmt(new Date(summary.lastTime))}` : ""}
                    </p>
                  )}
                  {run.status === "failed" && run.error && <p className="text-red-700">{readRunError(run.error).publicMessage}</p>}
                </li>
              );
            })}
          </ul>
        )}
      </Card>
    </div>
  );
}
