import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageViewer } from "@/lib/auth/session";
import { loadMenteeDetail, type MenteeDetail } from "@/db/queries/mentor-view";
import { listCopilotAudit } from "@/db/queries/copilot";
import { COPILOT_QUESTION_MAX } from "@/lib/ai/goals";
import { isAppError } from "@/lib/errors";
import { Card } from "@/components/ui/primitives";
import { AdherenceOverview, RiskBadge } from "@/components/goals/adherence-overview";
import { GoalCard } from "@/components/goals/goal-card";
import { AuditTrail } from "@/components/mentor/audit-trail";
import { CopilotForm } from "@/components/mentor/copilot-form";
import { GlucoseCard } from "@/components/mentor/glucose-card";
import { MoodCard } from "@/components/mentor/mood-card";
import { SharedJournal } from "@/components/mentor/shared-journal";
import { askCopilotAction } from "./actions";

export const metadata = { title: "Mentee" };

export default async function MenteePage({ params }: { params: Promise<{ menteeId: string }> }) {
  const { viewer, profile } = await requirePageViewer("mentor");
  const { menteeId } = await params;
  let detail: MenteeDetail;
  try {
    detail = await loadMenteeDetail(viewer, menteeId);
  } catch (e) {
    // Unknown, not linked, revoked or malformed: one 404, so a mentor learns nothing about who exists.
    if (isAppError(e) && e.kind === "not_found") notFound();
    throw e;
  }
  const audit = await listCopilotAudit(viewer, { menteeId });
  const { summary } = detail;
  const who = detail.name ?? detail.email;
  const goals = summary.goals.filter((g) => g.status !== "archived");

  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <Link href="/mentor" className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">← All mentees</Link>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-bold tracking-tight">{who}</h1>
          <RiskBadge risk={summary.risk} />
        </div>
        <p className="text-xs text-slate-600">
          Mentoring since {detail.consent.consentedAt.toISOString().slice(0, 10)} · their today is {summary.today} ({summary.timezone}) ·
          glucose summary {detail.consent.shareGlucose ? "shared" : "not shared"} · journal {detail.consent.shareJournal ? "shared" : "not shared"}
        </p>
      </div>

      {/* The risk's reasons are listed once, under the adherence figures they come from. */}
      <Card title="Adherence and risk">
        <AdherenceOverview summary={summary} />
      </Card>

      {goals.length === 0 ? (
        <Card title="Goals"><p className="text-slate-700">{who} has no goals yet.</p></Card>
      ) : (
        goals.map((goal) => <GoalCard key={goal.id} goal={goal} />)
      )}

      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Mood, 28 days">
          <MoodCard trend={detail.mood} today={summary.today} />
        </Card>
        <Card title="Glucose, 14 days">
          <GlucoseCard glucose={detail.glucose} unit={profile.glucoseUnit} />
        </Card>
      </div>

      <Card title="Shared journal">
        <SharedJournal journal={detail.journal} timezone={detail.timezone} />
      </Card>

      <Card title="Copilot">
        <CopilotForm action={askCopilotAction.bind(null, detail.menteeId)} menteeName={who} maxLength={COPILOT_QUESTION_MAX} />
      </Card>

      <Card title="Your questions about this mentee">
        <AuditTrail entries={audit} timezone={profile.timezone} audience="mentor" empty="No questions yet. Each question you ask is kept here, with the answer and which parts of the mentee's data it used." />
      </Card>
    </div>
  );
}
