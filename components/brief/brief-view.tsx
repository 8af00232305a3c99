import Link from "next/link";
import { DateTime } from "luxon";
import type { WeeklyBrief } from "@/db/queries/weekly-brief";
import type { Evidence } from "@/db/schema/intelligence";
import { Card, Notice } from "@/components/ui/primitives";

const TONE: Record<string, string> = {
  positive: "bg-green-50 text-green-800 ring-green-200",
  warning: "bg-amber-50 text-amber-900 ring-amber-200",
  neutral: "bg-slate-50 text-slate-800 ring-slate-200",
};

function EvidenceList({ evidence }: { evidence: Evidence }) {
  if (evidence.length === 0) return null;
  return (
    <details className="mt-2 text-xs text-slate-600">
      <summary className="cursor-pointer font-medium text-slate-700">Evidence</summary>
      <ul className="mt-1 space-y-0.5">
        {evidence.map((e, i) => (
          <li key={i}>
            <code className="rounded bg-slate-100 px-1">{e.metric}</code> = {String(e.value)}{e.unit ? ` ${e.unit}` : ""}{e.n ? ` (n = ${e.n})` : ""}{e.detail ? ` — ${e.detail}` : ""}
          </li>
        ))}
      </ul>
    </details>
  );
}

/** The whole brief of one week: story, insights, outlook, shadow patterns, strategic moves, each with its evidence. */
export function BriefView({ brief, timezone, now = new Date() }: { brief: WeeklyBrief; timezone: string; now?: Date }) {
  const { story } = brief;
  const made = DateTime.fromJSDate(story.generatedAt).setZone(timezone);
  const stale = DateTime.fromJSDate(now).diff(made, "days").days > 8;
  return (
    <div className="space-y-5">
      {story.partial && (
        <Notice tone="info">
          Part of this brief was written by Proxima&apos;s built-in narrator because the AI model was unavailable or its answer failed our checks. Every figure is still computed from your data. Made {made.toFormat("ccc d LLL, HH:mm")}.
        </Notice>
      )}
      {stale && !story.partial && <Notice tone="info">This brief was made on {made.toFormat("d LLL yyyy")}; newer data may have arrived since.</Notice>}
      <Card>
        <h2 className="text-xl font-bold text-slate-900">{story.title}</h2>
        <p className="mt-3 leading-relaxed text-slate-800">{story.narrative}</p>
        <p className="mt-3 text-xs text-slate-500">Written {made.toFormat("ccc d LLL yyyy, HH:mm")} · {story.provider === "grounded" ? "Proxima narrator" : story.provider.replace("model:", "AI model ")}</p>
        <EvidenceList evidence={story.evidence} />
      </Card>

      <section aria-labelledby="insights-heading">
        <h2 id="insights-heading" className="mb-2 text-lg font-semibold">Insights</h2>
        <div className="grid gap-3 md:grid-cols-2">
          {brief.insights.map((i) => (
            <div key={i.id} className={`rounded-xl p-4 ring-1 ${TONE[i.insightType]}`}>
              <p className="font-semibold">{i.title}</p>
              <p className="mt-1 text-sm">{i.description}</p>
              <p className="mt-1 text-xs">Confidence {i.confidence} / 100</p>
              <EvidenceList evidence={i.evidence} />
            </div>
          ))}
        </div>
      </section>

      <section aria-labelledby="outlook-heading">
        <h2 id="outlook-heading" className="mb-2 text-lg font-semibold">Health outlook</h2>
        {brief.predictions.length === 0 ? (
          <p className="text-sm text-slate-700">Not enough history yet for calibrated predictions: they appear once a few weeks of data show how often things happen for you.</p>
        ) : (
          <ul className="space-y-3">
            {brief.predictions.map((p) => (
              <li key={p.id} className="rounded-xl bg-white p-4 ring-1 ring-slate-200">
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <p className="font-semibold text-slate-900">{p.eventDescription}</p>
                  <p className="text-lg font-bold text-brand-700">{p.probability} %</p>
                </div>
                <p className="text-sm text-slate-700">{p.timeframe}{p.preventable ? " · you can change this" : ""} · based on {p.sampleSize} days of your own history</p>
                {p.reasoning && <p className="mt-1 text-sm text-slate-700">{p.reasoning}</p>}
                <EvidenceList evidence={p.evidence} />
              </li>
            ))}
          </ul>
        )}
      </section>

      {brief.shadowPatterns.length > 0 && (
        <section aria-labelledby="shadow-heading">
          <h2 id="shadow-heading" className="mb-2 text-lg font-semibold">Missing this week</h2>
          <ul className="grid gap-3 md:grid-cols-2">
            {brief.shadowPatterns.map((s) => (
              <li key={s.id} className="rounded-xl bg-white p-4 ring-1 ring-slate-200">
                <p className="font-semibold">{s.patternName} <span className="ml-1 rounded bg-slate-100 px-1.5 py-0.5 text-xs font-medium text-slate-700">{s.significance}</span></p>
                <p className="mt-1 text-sm text-slate-700">{s.lastSeenDescription}</p>
                <EvidenceList evidence={s.evidence} />
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="moves-heading">
        <h2 id="moves-heading" className="mb-2 text-lg font-semibold">Strategic moves</h2>
        <ol className="space-y-2">
          {brief.strategicMoves.map((m) => (
            <li key={m.id} className="flex gap-3 rounded-xl bg-white p-4 ring-1 ring-slate-200">
              <span className="mt-0.5 rounded bg-brand-50 px-2 py-0.5 text-xs font-bold uppercase text-brand-700">{m.strategyType}</span>
              <div>
                <p className="text-sm text-slate-800">{m.strategy}</p>
                <EvidenceList evidence={m.evidence} />
              </div>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}

export function WeekNav({ weekOf, weeks }: { weekOf: string; weeks: string[] }) {
  const sorted = [...weeks].sort();
  const prev = sorted.filter((w) => w < weekOf).at(-1);
  const next = sorted.find((w) => w > weekOf);
  return (
    <nav aria-label="Other weeks" className="flex items-center justify-between text-sm">
      {prev ? <Link href={`/weekly-brief/${prev}`} className="font-semibold text-brand-700">← Week of {prev}</Link> : <span />}
      {next ? <Link href={`/weekly-brief/${next}`} className="font-semibold text-brand-700">Week of {next} →</Link> : <span />}
    </nav>
  );
}
