import { Sparkline } from "@/components/charts";
import type { Velocity, VelocityMetric, VelocityMetricId } from "@/lib/analytics/velocity";
import type { GlucoseUnit } from "@/lib/ingest/units";
import { formatGlucose } from "@/lib/glucose-format";
import {
  METRIC_NAMES, describeTrend, describeTrendHeadline, formatDateSpan, formatMetricValue, formatPValue, formatSlope, formatSlopeInterval,
  labelTrendConfidence, sparklineDomain, toDisplayValues, trendTone, type TrendTone,
} from "./intelligence-format";

const ORDER: VelocityMetricId[] = ["tir", "mean", "cv"];
const TONE_CLASSES: Record<TrendTone, string> = {
  better: "bg-green-50 text-green-800 ring-green-200",
  worse: "bg-red-50 text-red-800 ring-red-200",
  neutral: "bg-slate-100 text-slate-800 ring-slate-200",
};
const TONE_WORDS: Record<TrendTone, string> = { better: "in the better direction", worse: "in the worse direction", neutral: "" };

/** What the sparkline of each metric measures (its spoken summary starts with this). */
function sparkLabel(id: VelocityMetricId, unit: GlucoseUnit, weeks: number) {
  const what = id === "mean" ? `Mean glucose (${unit})` : id === "tir" ? "Time in range (%)" : "CV (%)";
  return `${what} over the last ${weeks} weeks`;
}

function TrendBadge({ metric }: { metric: VelocityMetric }) {
  const tone = trendTone(metric);
  return (
    <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ${TONE_CLASSES[tone]}`}>
      {describeTrendHeadline(metric.trend)}
      {TONE_WORDS[tone] && <span className="sr-only">, {TONE_WORDS[tone]}</span>}
    </span>
  );
}

/** One metric as a card: the latest week, the 8-week sparkline and the trend with its evidence. */
export function VelocityCard({ metric, unit, weeks, headingLevel = 2 }: { metric: VelocityMetric; unit: GlucoseUnit; weeks: number; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const t = metric.trend;
  return (
    <section className="min-w-0 rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <Heading className="text-base font-semibold text-slate-900">{METRIC_NAMES[metric.id]}</Heading>
        <TrendBadge metric={metric} />
      </div>
      <p className="mt-2 text-3xl font-bold tabular-nums">{formatMetricValue(metric.id, metric.latest, unit)}</p>
      <p className="text-xs text-slate-600">latest week{metric.id === "tir" ? " · 70–180 mg/dL, target > 70 %" : metric.id === "cv" ? " · target ≤ 36 %" : ""}</p>
      <Sparkline
        values={toDisplayValues(metric, unit)}
        domain={sparklineDomain(metric.id, toDisplayValues(metric, unit), unit)}
        label={sparkLabel(metric.id, unit, weeks)}
        suffix={metric.id === "mean" ? "" : "\u00a0%"}
        width={260}
        height={44}
        className="mt-3 w-full max-w-full"
      />
      {t.kind === "fitted" ? (
        <dl className="mt-3 grid grid-cols-2 gap-x-3 gap-y-1 text-sm">
          <dt className="text-slate-600">Speed</dt>
          <dd className="font-semibold tabular-nums">{formatSlope(metric.id, t.slopePerWeek, unit)}</dd>
          <dt className="text-slate-600">95&nbsp;% interval</dt>
          <dd className="tabular-nums">{formatSlopeInterval(metric.id, t.ci95, unit, { label: false })}</dd>
          <dt className="text-slate-600">Evidence</dt>
          <dd className="tabular-nums">{formatPValue(t.pValue)} · {t.n} weeks</dd>
          <dt className="text-slate-600">Confidence</dt>
          <dd>{labelTrendConfidence(t.confidence)}</dd>
        </dl>
      ) : (
        <p className="mt-3 text-sm text-slate-700">{describeTrend(metric.id, t, unit)}</p>
      )}
    </section>
  );
}

/** The three metrics as cards (velocity page). */
export function VelocityCards({ velocity, unit }: { velocity: Velocity; unit: GlucoseUnit }) {
  return (
    <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      {ORDER.map((id) => (
        <VelocityCard key={id} metric={velocity.metrics[id]} unit={unit} weeks={velocity.weeks.length} />
      ))}
    </div>
  );
}

/** A compact list for the overview: each metric's latest value, sparkline and trend sentence. */
export function VelocitySummary({ velocity, unit }: { velocity: Velocity; unit: GlucoseUnit }) {
  return (
    <ul className="grid gap-4 sm:grid-cols-3">
      {ORDER.map((id) => {
        const m = velocity.metrics[id];
        return (
          <li key={id} className="min-w-0 rounded-xl bg-slate-50 p-4 ring-1 ring-slate-200">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <h3 className="text-sm font-semibold text-slate-900">{METRIC_NAMES[id]}</h3>
              <TrendBadge metric={m} />
            </div>
            <p className="mt-1 text-2xl font-bold tabular-nums">{formatMetricValue(id, m.latest, unit)}</p>
            <Sparkline values={toDisplayValues(m, unit)} domain={sparklineDomain(id, toDisplayValues(m, unit), unit)} label={sparkLabel(id, unit, velocity.weeks.length)} suffix={id === "mean" ? "" : "\u00a0%"} width={200} height={32} className="mt-2 max-w-full" />
            <p className="mt-2 text-xs text-slate-700">{describeTrend(id, m.trend, unit)}</p>
          </li>
        );
      })}
    </ul>
  );
}

/** Week by week, oldest first, as a table a screen reader can walk (fits a 390 px phone without scrolling). */
export function VelocityTable({ velocity, unit }: { velocity: Velocity; unit: GlucoseUnit }) {
  return (
    <div>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Weekly glucose, oldest week first</caption>
        <thead className="text-xs uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="py-2 pr-2 sm:pr-4">Week</th>
            <th scope="col" className="py-2 pr-2 text-right sm:pr-4"><span className="sm:hidden">Days</span><span className="hidden sm:inline">Days with data</span></th>
            <th scope="col" className="py-2 pr-2 text-right sm:pr-4">In range</th>
            <th scope="col" className="py-2 pr-2 text-right sm:pr-4">Mean <span className="normal-case">({unit})</span></th>
            <th scope="col" className="py-2 text-right">CV</th>
          </tr>
        </thead>
        <tbody>
          {velocity.weeks.map((w) => (
            <tr key={w.start} className="border-t border-slate-200">
              <th scope="row" className="py-2 pr-2 font-medium sm:pr-4">{formatDateSpan(w.start, w.end)}</th>
              <td className="py-2 pr-2 text-right tabular-nums sm:pr-4">{w.daysWithData}<span className="text-slate-600">/7</span></td>
              <td className="py-2 pr-2 text-right tabular-nums sm:pr-4">{formatMetricValue("tir", w.tirPercent, unit)}</td>
              <td className="py-2 pr-2 text-right tabular-nums sm:pr-4">{formatGlucose(w.meanMgdl, unit)}</td>
              <td className="py-2 text-right tabular-nums">{formatMetricValue("cv", w.cvPercent, unit)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {velocity.weeks.some((w) => !w.enough) && (
        <p className="mt-2 text-xs text-slate-600">“—”: a week with readings on fewer than 3 of its days is left out of the trend.</p>
      )}
    </div>
  );
}
