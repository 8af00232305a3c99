import { describeSchedule, formatStreak } from "@/lib/goals/describe";
import type { MemberGoalSummary } from "@/lib/goals/types";
import { CheckInButtons } from "./check-in-buttons";

/** Today's due habits with one-tap check-ins (the goals page and the dashboard). */
export function TodayHabits({ summary, limit }: { summary: MemberGoalSummary; limit?: number }) {
  const due = summary.goals
    .filter((g) => g.status === "active")
    .flatMap((g) => g.habits.map((h) => ({ ...h, goalTitle: g.title })))
    .filter((h) => h.stats.dueToday || h.stats.todayStatus !== null);
  const shown = limit ? due.slice(0, limit) : due;
  if (shown.length === 0) return <p className="text-sm text-slate-700">Nothing is due today. Enjoy the day.</p>;
  return (
    <ul className="divide-y divide-slate-200" aria-label="Habits due today">
      {shown.map((h) => (
        <li key={h.id} className="flex flex-wrap items-center justify-between gap-3 py-3" data-testid="today-habit">
          <div>
            <p className="font-medium text-slate-900">{h.title}</p>
            <p className="text-xs text-slate-600">
              {h.goalTitle} · {describeSchedule(h.schedule)} · streak {formatStreak(h.stats.currentStreak, h.stats.streakUnit)}
            </p>
          </div>
          <CheckInButtons habitId={h.id} habitTitle={h.title} status={h.stats.todayStatus} skipsLeft={h.stats.skipsLeftThisWeek} />
        </li>
      ))}
    </ul>
  );
}
