import Link from "next/link";
import { requirePageViewer } from "@/lib/auth/session";
import { listCopilotAudit } from "@/db/queries/copilot";
import { Card } from "@/components/ui/primitives";
import { AuditTrail } from "@/components/mentor/audit-trail";

export const metadata = { title: "Mentor activity" };

/** The member's view of the copilot audit trail: every question a mentor asked about them. */
export default async function MentorActivityPage() {
  const { viewer, profile } = await requirePageViewer("patient", "admin");
  const entries = await listCopilotAudit(viewer, { limit: 200 });
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Mentor activity</h1>
        <p className="text-sm text-slate-600">
          When a mentor asks the copilot about you, the question, the answer and exactly which of your data it used are kept here.
          You choose what mentors may see in <Link href="/settings" className="font-semibold text-brand-700 underline">your settings</Link>.
        </p>
      </div>
      <Card title="Questions about you, newest first">
        <AuditTrail entries={entries} timezone={profile.timezone} audience="member" empty="No mentor has asked the copilot about you yet." />
      </Card>
    </div>
  );
}
