import Link from "next/link";
import { Sparkline } from "@/components/charts";
import { RiskBadge } from "@/components/goals/adherence-overview";
import type { RankedMentee } from "@/db/queries/mentor-view";
import { formatAdherence } from "@/lib/goals/describe";

function lastCheckInText(m: RankedMentee): string {
  if (m.lastCheckInDay === null) return "No check-in yet";
  if (m.daysSinceLastCheckIn === 0) return "Last check-in today";
  if (m.daysSinceLastCheckIn === 1) return "Last check-in yesterday";
  return `Last check-in ${m.lastCheckInDay} (${m.daysSinceLastCheckIn} days ago)`;
}

/** The mentor's mentees, most at risk first, each with the reason that ranks them and a 28-day trend. */
export function MenteeList({ mentees }: { mentees: RankedMentee[] }) {
  return (
    <ol className="divide-y divide-slate-200" aria-label="Mentees, most at risk first">
      {mentees.map((m) => {
        const who = m.name ?? m.email;
        return (
          <li key={m.linkId} className="grid gap-3 py-3 sm:grid-cols-[1fr_auto_auto] sm:items-center" data-testid="mentee-row" data-risk-score={m.risk.score}>
            <div className="min-w-0 space-y-1">
              <div className="flex flex-wrap items-center gap-2">
                <Link href={`/mentor/${m.menteeId}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                  {who}
                </Link>
                <RiskBadge risk={m.risk} />
              </div>
              <p className="text-sm text-slate-700">{m.risk.reasons[0]}</p>
              <p className="text-xs text-slate-600">
                {lastCheckInText(m)} · {m.activeGoals} active {m.activeGoals === 1 ? "goal" : "goals"}
              </p>
            </div>
            <Sparkline values={m.dailyAdherence.map((d) => d.ratio)} label={`${who}'s daily adherence over 28 days`} format="percent" domain={[0, 1]} width={140} height={32} />
            <p className="text-sm text-slate-800">
              <span className="font-semibold">{formatAdherence(m.adherence7)}</span> <span className="text-slate-600">done, 7 days</span>
            </p>
          </li>
        );
      })}
    </ol>
  );
}
