import type { ReactNode } from "react";
import { describeSchedule, formatAdherence, formatStreak } from "@/lib/goals/describe";
import type { HabitSummary } from "@/lib/goals/types";

/** A goal's habits with streaks, strength and adherence; `action` adds the check-in buttons on the member's own page. */
export function HabitTable({ habits, action }: { habits: HabitSummary[]; action?: (habit: HabitSummary) => ReactNode }) {
  if (habits.length === 0) return <p className="text-sm text-slate-600">No habits in this goal.</p>;
  return (
    <ul className="divide-y divide-slate-200">
      {habits.map((h) => (
        <li key={h.id} className="grid gap-2 py-3 md:grid-cols-[1fr_auto]" data-testid="habit-row">
          <div>
            <p className="font-medium text-slate-900">{h.title}</p>
            <p className="text-xs text-slate-600">
              {describeSchedule(h.schedule)} · skip budget {h.skipBudgetPerWeek} a week ({h.stats.skipsLeftThisWeek} left)
            </p>
            <dl className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-700">
              <div><dt className="inline">Streak: </dt><dd className="inline font-semibold" data-testid="current-streak">{formatStreak(h.stats.currentStreak, h.stats.streakUnit)}</dd></div>
              <div><dt className="inline">Longest: </dt><dd className="inline">{formatStreak(h.stats.longestStreak, h.stats.streakUnit)}</dd></div>
              <div><dt className="inline">Strength: </dt><dd className="inline">{Math.round(h.stats.strength * 100)} %</dd></div>
              <div><dt className="inline">30 days: </dt><dd className="inline">{formatAdherence(h.stats.adherence.d30)}</dd></div>
            </dl>
          </div>
          {action && <div className="md:self-center">{action(h)}</div>}
        </li>
      ))}
    </ul>
  );
}
