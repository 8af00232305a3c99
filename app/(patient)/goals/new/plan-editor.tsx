"use client";

import type { PlannedHabit } from "@/lib/goals/types";

export type EditablePlan = { subgoals: { title: string }[]; habits: PlannedHabit[] };

const input = "block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm";

/** Every part of the proposed plan is editable: titles, schedules, skip budgets; add or remove items. */
export function PlanEditor({ plan, onChange }: { plan: EditablePlan; onChange: (plan: EditablePlan) => void }) {
  const setHabit = (i: number, habit: PlannedHabit) => onChange({ ...plan, habits: plan.habits.map((h, j) => (j === i ? habit : h)) });
  const setStep = (i: number, title: string) => onChange({ ...plan, subgoals: plan.subgoals.map((s, j) => (j === i ? { title } : s)) });

  return (
    <div className="space-y-6">
      <fieldset className="space-y-2">
        <legend className="text-sm font-semibold text-slate-800">Steps</legend>
        {plan.subgoals.map((s, i) => (
          <div key={i} className="flex gap-2">
            <label className="sr-only" htmlFor={`step-${i}`}>Step {i + 1}</label>
            <input id={`step-${i}`} className={input} value={s.title} maxLength={120} onChange={(e) => setStep(i, e.target.value)} />
            <button type="button" className="text-sm text-red-700 underline" onClick={() => onChange({ ...plan, subgoals: plan.subgoals.filter((_, j) => j !== i) })}>
              Remove<span className="sr-only"> step {i + 1}</span>
            </button>
          </div>
        ))}
        {plan.subgoals.length < 8 && (
          <button type="button" className="text-sm font-semibold text-brand-700 underline" onClick={() => onChange({ ...plan, subgoals: [...plan.subgoals, { title: "" }] })}>
            Add a step
          </button>
        )}
      </fieldset>

      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold text-slate-800">Habits</legend>
        {plan.habits.map((h, i) => (
          <div key={i} className="space-y-2 rounded-lg border border-slate-200 p-3" data-testid="plan-habit">
            <div className="flex gap-2">
              <label className="sr-only" htmlFor={`habit-${i}`}>Habit {i + 1}</label>
              <input id={`habit-${i}`} className={input} value={h.title} maxLength={120} onChange={(e) => setHabit(i, { ...h, title: e.target.value })} />
              {plan.habits.length > 1 && (
                <button type="button" className="text-sm text-red-700 underline" onClick={() => onChange({ ...plan, habits: plan.habits.filter((_, j) => j !== i) })}>
                  Remove<span className="sr-only"> habit {i + 1}</span>
                </button>
              )}
            </div>
            <div className="grid gap-2 sm:grid-cols-3">
              <label className="text-xs text-slate-700">
                How often
                <select
                  className={input}
                  value={h.schedule.kind === "daily" ? "daily" : "weekly"}
                  onChange={(e) => setHabit(i, { ...h, schedule: e.target.value === "daily" ? { kind: "daily" } : { kind: "weekly", timesPerWeek: 3 } })}
                >
                  <option value="daily">Every day</option>
                  <option value="weekly">Times a week</option>
                </select>
              </label>
              {h.schedule.kind === "weekly" && (
                <label className="text-xs text-slate-700">
                  Times a week
                  <input
                    type="number"
                    min={1}
                    max={7}
                    className={input}
                    value={h.schedule.timesPerWeek}
                    onChange={(e) => setHabit(i, { ...h, schedule: { kind: "weekly", timesPerWeek: Number(e.target.value) } })}
                  />
                </label>
              )}
              <label className="text-xs text-slate-700">
                Skips a week that keep the streak
                <input type="number" min={0} max={3} className={input} value={h.skipBudgetPerWeek} onChange={(e) => setHabit(i, { ...h, skipBudgetPerWeek: Number(e.target.value) })} />
              </label>
            </div>
          </div>
        ))}
        {plan.habits.length < 5 && (
          <button
            type="button"
            className="text-sm font-semibold text-brand-700 underline"
            onClick={() => onChange({ ...plan, habits: [...plan.habits, { title: "", schedule: { kind: "weekly", timesPerWeek: 3 }, skipBudgetPerWeek: 1 }] })}
          >
            Add a habit
          </button>
        )}
      </fieldset>
    </div>
  );
}
