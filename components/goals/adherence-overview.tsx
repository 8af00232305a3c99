import { Sparkline } from "@/components/charts";
import { formatAdherence, RISK_LABEL, RISK_STYLE } from "@/lib/goals/describe";
import type { MemberGoalSummary } from "@/lib/goals/types";

export function RiskBadge({ risk }: { risk: MemberGoalSummary["risk"] }) {
  return (
    <span className={`inline-flex rounded-full px-2.5 py-0.5 text-xs font-semibold ring-1 ${RISK_STYLE[risk.level]}`} data-testid="risk-badge" data-level={risk.level}>
      {RISK_LABEL[risk.level]}
    </span>
  );
}

/** Adherence over 7, 30 and 90 days, the 28-day trend and the risk with its reasons (member and mentor views). */
export function AdherenceOverview({ summary }: { summary: MemberGoalSummary }) {
  const { adherence, risk } = summary;
  const windows = [
    ["7 days", adherence.d7],
    ["30 days", adherence.d30],
    ["90 days", adherence.d90],
  ] as const;
  return (
    <div className="grid gap-4 sm:grid-cols-[1fr_auto]">
      <div className="space-y-3">
        <dl className="grid grid-cols-3 gap-3">
          {windows.map(([label, w]) => (
            <div key={label} className="rounded-lg bg-slate-50 p-3">
              <dt className="text-xs font-medium text-slate-600">Adherence, {label}</dt>
              <dd className="text-xl font-bold text-slate-900">{formatAdherence(w)}</dd>
              <dd className="text-xs text-slate-600">{w.done} of {w.due} done</dd>
            </div>
          ))}
        </dl>
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <RiskBadge risk={risk} />
          <ul className="list-inside list-disc text-slate-700" aria-label="Why">
            {risk.reasons.map((r) => <li key={r}>{r}</li>)}
          </ul>
        </div>
      </div>
      <div className="text-sm text-slate-700">
        <p className="mb-1 font-medium">Daily adherence, 28 days</p>
        <Sparkline values={summary.dailyAdherence.map((d) => d.ratio)} label="Daily adherence over 28 days" format="percent" domain={[0, 1]} width={200} height={40} />
        <p className="mt-1 text-xs text-slate-600">
          Last check-in: {summary.lastCheckInDay ?? "none yet"}
          {summary.completionRatio30 !== null && ` · ${Math.round(summary.completionRatio30 * 100)} % of check-ins done (30 days)`}
        </p>
      </div>
    </div>
  );
}
