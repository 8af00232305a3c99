import type { ReactNode } from "react";
import { Card } from "@/components/ui/primitives";
import type { GoalSummary, HabitSummary } from "@/lib/goals/types";
import { HabitTable } from "./habit-table";

const STATUS_TEXT: Record<GoalSummary["status"], string> = {
  draft: "Draft", active: "Active", paused: "Paused", completed: "Completed", archived: "Archived",
};

/**
 * One goal with its steps and habits. The member's page passes controls (status, step toggles,
 * check-in buttons); the mentor's page shows the same card read-only.
 */
export function GoalCard({
  goal,
  statusControl,
  renderStep,
  habitAction,
}: {
  goal: GoalSummary;
  statusControl?: ReactNode;
  renderStep?: (step: GoalSummary["subgoals"][number]) => ReactNode;
  habitAction?: (habit: HabitSummary) => ReactNode;
}) {
  const done = goal.subgoals.filter((s) => s.status === "done").length;
  return (
    <Card title={goal.title} action={statusControl ?? <span className="text-xs font-medium text-slate-600">{STATUS_TEXT[goal.status]}</span>}>
      <div className="space-y-4" data-testid="goal-card">
        {goal.description && <p className="text-sm text-slate-700">{goal.description}</p>}
        {goal.subgoals.length > 0 && (
          <div>
            <h3 className="text-sm font-semibold text-slate-800">Steps ({done} of {goal.subgoals.length} done)</h3>
            <ul className="mt-1 space-y-1">
              {goal.subgoals.map((s) => (
                <li key={s.id}>{renderStep ? renderStep(s) : <span className={`text-sm ${s.status === "done" ? "text-slate-500 line-through" : "text-slate-800"}`}>{s.title}</span>}</li>
              ))}
            </ul>
          </div>
        )}
        <div>
          <h3 className="text-sm font-semibold text-slate-800">Habits</h3>
          <HabitTable habits={goal.habits} action={habitAction} />
        </div>
      </div>
    </Card>
  );
}
