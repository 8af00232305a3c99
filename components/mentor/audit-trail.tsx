import { formatDateTime } from "@/lib/reports/report-format";
import type { CopilotAuditEntry } from "@/db/queries/copilot";
import { describeProvider } from "./provider-label";

const PART_NAMES: Record<string, string> = { mentee: "goals summary" };

/** Top-level parts of the context, named for people ("mentee" → "goals summary", "sharedJournal" → "shared journal"). */
export function contextParts(context: Record<string, unknown>): string[] {
  return Object.entries(context)
    .filter(([, v]) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0))
    .map(([k]) => PART_NAMES[k] ?? k.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase());
}

/**
 * Every copilot question with its answer and the context it was given, newest first. The same list
 * serves the member (every mentor's questions about them) and the mentor (about one mentee), but only
 * the member sees the context's content: it can hold journal text and glucose figures they have since
 * stopped sharing or deleted, so the mentor sees only the names of the parts used.
 */
export function AuditTrail({ entries, timezone, audience, empty }: { entries: CopilotAuditEntry[]; timezone: string; audience: "member" | "mentor"; empty: string }) {
  if (entries.length === 0) return <p className="text-sm text-slate-700">{empty}</p>;
  return (
    <ol className="space-y-4" aria-label="Copilot questions, newest first">
      {entries.map((e) => (
        <li key={e.id} className="rounded-lg bg-slate-50 p-3 text-sm" data-testid="audit-entry">
          <p className="text-xs text-slate-600">
            <time dateTime={e.createdAt.toISOString()}>{formatDateTime(e.createdAt.toISOString(), timezone)}</time>
            {audience === "member" && ` · asked by ${e.mentorName ?? "a former mentor"}`}
            {` · answered by ${describeProvider(e.provider)}`}
          </p>
          <p className="mt-1 font-medium text-slate-900">Q: {e.question}</p>
          <p className="mt-1 whitespace-pre-wrap break-words text-slate-800">A: {e.answer}</p>
          {audience === "member" ? (
            <details className="mt-2">
              <summary className="cursor-pointer text-xs font-semibold text-brand-700">Context used: {contextParts(e.contextUsed).join(", ") || "none"}</summary>
              <pre className="mt-2 max-h-80 overflow-auto whitespace-pre-wrap break-words rounded bg-white p-2 text-xs text-slate-800 ring-1 ring-slate-200">
                {JSON.stringify(e.contextUsed, null, 2)}
              </pre>
            </details>
          ) : (
            <p className="mt-2 text-xs text-slate-600">Context used: {contextParts(e.contextUsed).join(", ") || "none"}</p>
          )}
        </li>
      ))}
    </ol>
  );
}
