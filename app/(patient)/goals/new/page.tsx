import { requirePageViewer } from "@/lib/auth/session";
import { GoalPlanner } from "./goal-planner";

export const metadata = { title: "New goal" };

export default async function NewGoalPage() {
  await requirePageViewer("patient");
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">A new goal</h1>
        <p className="text-sm text-slate-600">Describe it in your own words. You will see the proposed plan and can change anything before you accept it.</p>
      </div>
      <GoalPlanner />
    </div>
  );
}
