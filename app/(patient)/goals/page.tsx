import { requirePageViewer } from "@/lib/auth/session";
import { loadMemberGoalSummary } from "@/db/queries/goals";
import { listPlanSuggestions } from "@/db/queries/plan-suggestions";
import { ButtonLink, Card } from "@/components/ui/primitives";
import { AdherenceOverview } from "@/components/goals/adherence-overview";
import { GoalCard } from "@/components/goals/goal-card";
import { GoalStatusControl, SubgoalToggle, SuggestionDecision } from "@/components/goals/goal-controls";
import { TodayHabits } from "@/components/goals/today-habits";

export const metadata = { title: "Goals" };

export default async function GoalsPage() {
  const { viewer } = await requirePageViewer("patient");
  const [summary, suggestions] = await Promise.all([loadMemberGoalSummary(viewer), listPlanSuggestions(viewer)]);
  const pending = suggestions.filter((s) => s.status === "pending");
  const shown = summary.goals.filter((g) => g.status !== "archived");

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold tracking-tight">Your goals</h1>
          <p className="text-sm text-slate-600">Today is {summary.today} where you are ({summary.timezone}).</p>
        </div>
        <ButtonLink href="/goals/new">New goal</ButtonLink>
      </div>

      {summary.goals.length === 0 ? (
        <Card title="Start with one goal">
          <p className="text-slate-700">Describe what you want to change — “walk after dinner 4× a week”, “in bed by 23:00” — and Proxima proposes steps and habits you can edit before you accept them.</p>
        </Card>
      ) : (
        <>
          <Card title="Today">
            <TodayHabits summary={summary} />
          </Card>
          <Card title="How you are doing">
            <AdherenceOverview summary={summary} />
          </Card>
        </>
      )}

      {pending.length > 0 && (
        <Card title="Suggested adjustments">
          <ul className="divide-y divide-slate-200">
            {pending.map((s) => (
              <li key={s.id} className="space-y-2 py-3" data-testid="plan-suggestion">
                <p className="font-medium text-slate-900">{s.adjustment.title} <span className="text-xs font-normal text-slate-600">({s.goalTitle}, week of {s.weekOf})</span></p>
                {s.rationale && <p className="text-sm text-slate-700">{s.rationale}</p>}
                <SuggestionDecision id={s.id} />
              </li>
            ))}
          </ul>
        </Card>
      )}

      {shown.map((goal) => (
        <GoalCard
          key={goal.id}
          goal={goal}
          statusControl={<GoalStatusControl goalId={goal.id} status={goal.status} goalTitle={goal.title} />}
          renderStep={(s) => <SubgoalToggle id={s.id} title={s.title} done={s.status === "done"} />}
          // Check-ins happen in "Today" above; the goal cards say where each habit stands, so one habit never has two sets of buttons.
          habitAction={goal.status === "active" ? (h) => <TodayStatus status={h.stats.todayStatus} due={h.stats.dueToday} /> : undefined}
        />
      ))}
    </div>
  );
}

const STATUS_TEXT = { done: "Done today", skipped: "Skipped today", missed: "Missed today" } as const;

function TodayStatus({ status, due }: { status: "done" | "skipped" | "missed" | null; due: boolean }) {
  const text = status ? STATUS_TEXT[status] : due ? "Due today" : "Not due today";
  return <p className="text-sm font-medium text-slate-700">{text}</p>;
}
