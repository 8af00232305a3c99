import Link from "next/link";
import {
  capitalize, describeCorrelation, describeLag, describeStrength, formatProbabilityValue, formatPValue, formatQValue, formatRho, formatSigned, labelConfidence, labelFeature,
} from "./intelligence-format";
import { readCausalLink, readRuleLift, type CorrelationRow, type PatternRow } from "./pattern-data";

const CONFIDENCE_CLASSES: Record<string, string> = {
  high: "bg-green-50 text-green-800 ring-green-200",
  medium: "bg-brand-50 text-brand-900 ring-brand-100",
  low: "bg-amber-50 text-amber-900 ring-amber-200",
};

export function ConfidencePill({ level }: { level: string | null }) {
  const cls = (level && CONFIDENCE_CLASSES[level]) || "bg-slate-100 text-slate-700 ring-slate-200";
  return <span className={`inline-flex whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ${cls}`}>{labelConfidence(level)}</span>;
}

/** The strongest significant links in plain words, each with the figures it rests on (overview). */
export function TopCorrelationList({ rows }: { rows: readonly CorrelationRow[] }) {
  return (
    <ol className="space-y-3">
      {rows.map((r) => (
        <li key={r.id} className="rounded-xl bg-slate-50 p-3 ring-1 ring-slate-200">
          <p className="text-sm font-medium text-slate-900">{describeCorrelation(r)}</p>
          <p className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-700">
            <span className="tabular-nums">{formatRho(r.spearmanRho)} ({describeStrength(r.spearmanRho)})</span>
            <span className="tabular-nums">{formatQValue(r.qValue)}</span>
            <span className="tabular-nums">{r.sampleSize} days</span>
            <ConfidencePill level={r.significant ? r.confidence : null} />
          </p>
        </li>
      ))}
    </ol>
  );
}

/**
 * Every correlation as a table: factor, outcome, lag, Spearman ρ, BH q-value, paired days and the
 * documented confidence level. The toggle is a link (works without JavaScript, and the address
 * remembers the choice).
 */
export function CorrelationTable({ rows, showAll, totalCount, significantCount, toggleHref }: {
  rows: readonly CorrelationRow[];
  showAll: boolean;
  totalCount: number;
  significantCount: number;
  toggleHref: string;
}) {
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2 text-sm text-slate-700">
        <p>
          {significantCount} of {totalCount} tested links are significant after false-discovery control (Benjamini–Hochberg, q &lt; 0.05).
        </p>
        {totalCount > significantCount && (
          <Link href={toggleHref} scroll={false} className="rounded-lg px-3 py-1.5 font-semibold text-brand-700 ring-1 ring-slate-300 hover:bg-slate-50">
            {showAll ? "Show significant only" : `Show all ${totalCount}`}
          </Link>
        )}
      </div>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-700">
          No link between a habit and your glucose is significant yet. That is common in the first weeks: more days make weaker links visible.
        </p>
      ) : (
        // A focusable, named region: keyboard users can scroll the table sideways on a phone (WCAG 2.1.1).
        <div className="overflow-x-auto" role="region" aria-label="Correlation table, scrolls sideways" tabIndex={0}>
          <table className="w-full min-w-[40rem] text-left text-sm">
            <caption className="sr-only">
              {showAll ? "All tested correlations" : "Significant correlations"}, significant first, then by q-value
            </caption>
            <thead className="text-xs uppercase tracking-wide text-slate-600">
              <tr>
                <th scope="col" className="py-2 pr-3">Factor</th>
                <th scope="col" className="py-2 pr-3">Outcome</th>
                <th scope="col" className="py-2 pr-3">When</th>
                <th scope="col" className="py-2 pr-3 text-right normal-case"><abbr title="Spearman rank correlation" className="no-underline">ρ</abbr></th>
                <th scope="col" className="py-2 pr-3 text-right normal-case"><abbr title="Benjamini–Hochberg q-value (false discovery rate)" className="no-underline">q</abbr></th>
                <th scope="col" className="py-2 pr-3 text-right normal-case"><abbr title="Days with both values" className="no-underline">n</abbr></th>
                <th scope="col" className="py-2">Confidence</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} className={`border-t border-slate-200 ${r.significant ? "" : "text-slate-600"}`}>
                  <th scope="row" className="py-2 pr-3 font-medium">{capitalize(labelFeature(r.factor))}</th>
                  <td className="py-2 pr-3">{labelFeature(r.outcome)}</td>
                  <td className="py-2 pr-3">{describeLag(r.lagDays)}</td>
                  <td className="py-2 pr-3 text-right tabular-nums">{formatSigned(r.spearmanRho, 2)}</td>
                  <td className="py-2 pr-3 text-right tabular-nums">{formatProbabilityValue(r.qValue)}</td>
                  <td className="py-2 pr-3 text-right tabular-nums">{r.sampleSize}</td>
                  <td className="py-2"><ConfidencePill level={r.significant ? r.confidence : null} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

/** Association rules ("On days with…, 78 % were…"), with confidence, support and lift. */
export function RuleList({ rules }: { rules: readonly PatternRow[] }) {
  return (
    <ul className="space-y-3">
      {rules.map((r) => {
        const lift = readRuleLift(r.metadata);
        return (
          <li key={r.id} className="rounded-xl bg-slate-50 p-3 ring-1 ring-slate-200">
            <p className="text-sm font-medium text-slate-900">{r.description}</p>
            <p className="mt-1 flex flex-wrap gap-x-3 text-xs text-slate-700 tabular-nums">
              {r.confidence !== null && <span>confidence {Math.round(r.confidence * 100)}&nbsp;%</span>}
              {r.support !== null && <span>support {Math.round(r.support * 100)}&nbsp;% of days</span>}
              {lift !== null && <span>lift {lift.toFixed(1)}×</span>}
              {r.occurrences !== null && <span>{r.occurrences} days</span>}
            </p>
          </li>
        );
      })}
    </ul>
  );
}

/** PCMCI links: a habit that moves a glucose outcome later, with the partial correlation and p. */
export function CausalLinkList({ links }: { links: readonly PatternRow[] }) {
  return (
    <ul className="space-y-3">
      {links.map((r) => {
        const link = readCausalLink(r.metadata);
        return (
          <li key={r.id} className="rounded-xl bg-slate-50 p-3 ring-1 ring-slate-200">
            <p className="text-sm font-medium text-slate-900">
              {link
                ? `${capitalize(labelFeature(link.source))} ${link.value > 0 ? "raises" : "lowers"} ${labelFeature(link.target)} ${describeLag(link.lag)}.`
                : r.description}
            </p>
            {link && (
              <p className="mt-1 flex flex-wrap gap-x-3 text-xs text-slate-700 tabular-nums">
                <span>partial correlation {formatSigned(link.value, 2)}</span>
                <span>{formatPValue(link.pValue)}</span>
                {r.occurrences !== null && <span>{r.occurrences} days</span>}
              </p>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** Discords: the stretches least like any other. */
export function AnomalyList({ anomalies }: { anomalies: readonly PatternRow[] }) {
  return (
    <ul className="list-disc space-y-1 pl-5 text-sm text-slate-800">
      {anomalies.map((a) => (
        <li key={a.id}>{a.description}</li>
      ))}
    </ul>
  );
}
