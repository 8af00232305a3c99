import type { ShadowPattern } from "@/db/queries/intelligence-views";

const SIGNIFICANCE: Record<ShadowPattern["significance"], { label: string; cls: string }> = {
  high: { label: "High significance", cls: "bg-red-50 text-red-800 ring-red-200" },
  medium: { label: "Medium significance", cls: "bg-amber-50 text-amber-900 ring-amber-200" },
  low: { label: "Low significance", cls: "bg-slate-100 text-slate-700 ring-slate-200" },
};

/**
 * Shadow patterns: habits that used to matter for this person and have gone quiet (the weekly brief
 * finds them; lib/intelligence). Each says when it was last seen and what it rests on.
 */
export function ShadowPatternList({ patterns, headingLevel = 3 }: { patterns: readonly ShadowPattern[]; headingLevel?: 3 | 4 }) {
  const Heading = headingLevel === 3 ? "h3" : "h4";
  return (
    <ul className="space-y-3">
      {patterns.map((p) => (
        <li key={p.id} className="rounded-xl bg-slate-50 p-3 ring-1 ring-slate-200">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <Heading className="text-sm font-semibold text-slate-900">{p.patternName}</Heading>
            <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ${SIGNIFICANCE[p.significance].cls}`}>{SIGNIFICANCE[p.significance].label}</span>
          </div>
          <p className="mt-1 text-sm text-slate-800">{p.lastSeenDescription}</p>
          {p.evidence.length > 0 && (
            <details className="mt-1 text-xs text-slate-600">
              <summary className="cursor-pointer font-medium text-slate-700">Evidence</summary>
              <ul className="mt-1 list-disc space-y-0.5 pl-5">
                {p.evidence.map((e, i) => (
                  <li key={i}>{describeEvidence(e)}</li>
                ))}
              </ul>
            </details>
          )}
        </li>
      ))}
    </ul>
  );
}

/**
 * One evidence item in words: its own sentence when it has one ("Thursday 19 November: 63 min of
 * exercise"), else the metric's last name part with its value: "weeks present: 4 weeks (n = 4)".
 */
export function describeEvidence(e: ShadowPattern["evidence"][number]): string {
  if (e.detail) return e.detail;
  const name = (e.metric.split(".").pop() ?? e.metric).replace(/_/g, " ");
  const value = typeof e.value === "number" ? formatEvidenceNumber(e.value) : e.value;
  return `${name}: ${value}${e.unit ? ` ${e.unit}` : ""}${e.n ? ` (n = ${e.n})` : ""}`;
}

/** Evidence numbers as stored are unrounded; 2 significant decimals at most, never NaN. */
function formatEvidenceNumber(x: number): string {
  if (!Number.isFinite(x)) return "—";
  return Number.isInteger(x) ? String(x) : x.toFixed(Math.abs(x) < 1 ? 2 : 1);
}
