import { requirePageViewer } from "@/lib/auth/session";
import { listMentees } from "@/db/queries/mentoring";
import { Card } from "@/components/ui/primitives";
import { InviteForm } from "./invite-form";

export const metadata = { title: "Mentees" };

export default async function MentorPage() {
  const { viewer, profile } = await requirePageViewer("mentor");
  const mentees = await listMentees(viewer);
  // Until the risk model lands, the least adherent first: they need the mentor most.
  const ranked = [...mentees].sort((a, b) => a.doneLast7 / Math.max(1, a.dueLast7) - b.doneLast7 / Math.max(1, b.dueLast7));

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Your mentees</h1>
        <p className="text-sm text-slate-600">Hello {profile.name ?? profile.email} — {mentees.length} {mentees.length === 1 ? "person has" : "people have"} asked you to mentor them.</p>
      </div>
      <Card title="Mentees, least on track first">
        {ranked.length === 0 ? (
          <p className="text-slate-700">No mentees yet. Create an invite code below and give it to a member; they accept it in their settings.</p>
        ) : (
          <ul className="divide-y divide-slate-200" aria-label="Mentees">
            {ranked.map((m) => {
              const adherence = m.dueLast7 ? Math.round((100 * m.doneLast7) / m.dueLast7) : null;
              return (
                <li key={m.linkId} className="flex flex-wrap items-center justify-between gap-2 py-3" data-testid="mentee-row">
                  <div>
                    <p className="font-medium">{m.name ?? m.email}</p>
                    <p className="text-sm text-slate-600">Last check-in: {m.lastCheckIn ?? "none yet"}</p>
                  </div>
                  <p className="text-sm font-semibold text-slate-800">
                    {adherence === null ? "No check-ins this week" : `${adherence} % of check-ins done (7 days)`}
                  </p>
                </li>
              );
            })}
          </ul>
        )}
      </Card>
      <Card title="Invite a mentee">
        <InviteForm />
      </Card>
    </div>
  );
}
