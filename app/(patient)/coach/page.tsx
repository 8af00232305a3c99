import { requirePageViewer } from "@/lib/auth/session";
import { listCoachMessages } from "@/db/queries/coach-messages";
import { CoachChat } from "@/components/coach/coach-chat";
import { COACH_PAGE_HISTORY, toCoachUIMessages } from "@/components/coach/coach-chat-model";

export const metadata = { title: "Coach" };

export default async function CoachPage() {
  const { viewer } = await requirePageViewer("patient");
  const stored = await listCoachMessages(viewer, COACH_PAGE_HISTORY);

  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Coach</h1>
        <p className="text-sm text-slate-600">
          Ask about your goals, streaks and check-ins. The coach answers from your own data; it does not give medical advice.
        </p>
      </div>
      <CoachChat initialMessages={toCoachUIMessages(stored)} />
    </div>
  );
}
