"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Button, Card, Field, Notice } from "@/components/ui/primitives";
import type { PlanDraft } from "@/lib/goals/types";
import { acceptPlanAction, proposePlanAction, type Proposal } from "../actions";
import { PlanEditor, type EditablePlan } from "./plan-editor";

const THEMES = [
  ["fitness", "Fitness"],
  ["nutrition", "Nutrition"],
  ["sleep", "Sleep"],
  ["glucose", "Glucose"],
  ["mindfulness", "Mindfulness"],
  ["other", "Something else"],
] as const;

const optionalNumber = (v: FormDataEntryValue | null) => (typeof v === "string" && v.trim() !== "" ? Number(v) : undefined);

/** Describe → proposed plan → edit → accept. The description stays in the form whatever happens. */
export function GoalPlanner() {
  const router = useRouter();
  const [proposal, setProposal] = useState<Proposal | null>(null);
  const [plan, setPlan] = useState<EditablePlan | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();

  const propose = (form: FormData) =>
    start(async () => {
      setError(null);
      const minutes = optionalNumber(form.get("minutesPerWeek"));
      const days = optionalNumber(form.get("daysPerWeek"));
      const notes = String(form.get("notes") ?? "").trim();
      const result = await proposePlanAction({
        title: form.get("title"),
        description: String(form.get("description") ?? "").trim() || undefined,
        theme: form.get("theme") || undefined,
        constraints: minutes !== undefined || days !== undefined || notes ? { minutesPerWeek: minutes, daysPerWeek: days, notes: notes || undefined } : undefined,
      });
      if (!result.ok) return setError(result.error);
      setProposal(result.data!);
      setPlan(toEditable(result.data!.plan));
    });

  const accept = () =>
    start(async () => {
      if (!proposal || !plan) return;
      setError(null);
      const result = await acceptPlanAction({
        request: proposal.request,
        plan: { proposalId: proposal.proposalId, summary: proposal.plan.summary, provider: proposal.plan.provider, partial: proposal.plan.partial, ...plan },
        proposed: proposal.plan,
      });
      if (!result.ok) return setError(result.error);
      router.push("/goals");
      router.refresh();
    });

  return (
    <div className="space-y-6">
      <Card title="Your goal">
        {/* onSubmit rather than a form action: React resets a form after its action, and the member's words must stay. */}
        <form
          onSubmit={(e) => {
            e.preventDefault();
            propose(new FormData(e.currentTarget));
          }}
          className="space-y-4"
        >
          <Field label="Goal" name="title" required maxLength={200} placeholder="Run 3 times a week" hint="One sentence, up to 200 characters." />
          <div className="space-y-1">
            <label htmlFor="field-description" className="block text-sm font-medium text-slate-800">Why it matters, or details (optional)</label>
            <textarea id="field-description" name="description" rows={3} maxLength={2000} className="block w-full rounded-lg border border-slate-300 px-3 py-2" />
          </div>
          <div className="grid gap-3 sm:grid-cols-3">
            <div className="space-y-1">
              <label htmlFor="field-theme" className="block text-sm font-medium text-slate-800">Theme</label>
              <select id="field-theme" name="theme" defaultValue="" className="block w-full rounded-lg border border-slate-300 bg-white px-3 py-2">
                <option value="">Let Proxima guess</option>
                {THEMES.map(([v, label]) => <option key={v} value={v}>{label}</option>)}
              </select>
            </div>
            <Field label="Minutes a week (optional)" name="minutesPerWeek" type="number" min={10} max={2000} />
            <Field label="Days a week (optional)" name="daysPerWeek" type="number" min={1} max={7} />
          </div>
          <Field label="Constraints (optional)" name="notes" maxLength={500} placeholder="Knee injury, no gym, mornings only…" />
          <Button type="submit" disabled={pending}>{pending && !plan ? "Planning…" : plan ? "Propose again" : "Propose a plan"}</Button>
        </form>
      </Card>

      {error && <Notice tone="error">{error}</Notice>}

      {proposal && plan && (
        <Card title="The proposed plan">
          <div className="space-y-4" data-testid="plan-editor">
            <p className="text-sm text-slate-700">{proposal.plan.summary}</p>
            {proposal.plan.partial && (
              <Notice>The AI model could not plan this goal ({proposal.plan.fallbackReason ?? "it was unavailable"}), so this plan comes from Proxima&apos;s own templates.</Notice>
            )}
            <PlanEditor plan={plan} onChange={setPlan} />
            <div className="flex flex-wrap gap-3">
              <Button type="button" onClick={accept} disabled={pending}>{pending ? "Saving…" : "Accept plan"}</Button>
            </div>
          </div>
        </Card>
      )}
    </div>
  );
}

function toEditable(plan: PlanDraft): EditablePlan {
  return {
    subgoals: plan.subgoals.map((s) => ({ title: s.title })),
    habits: plan.habits.map((h) => ({ ...h })),
  };
}
