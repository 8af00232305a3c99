import { requirePageViewer } from "@/lib/auth/session";
import { listMenteesRanked } from "@/db/queries/mentor-view";
import { Card } from "@/components/ui/primitives";
import { MenteeList } from "@/components/mentor/mentee-list";
import { InviteForm } from "./invite-form";

export const metadata = { title: "Mentees" };

export default async function MentorPage() {
  const { viewer, profile } = await requirePageViewer("mentor");
  const mentees = await listMenteesRanked(viewer);

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Your mentees</h1>
        <p className="text-sm text-slate-600">Hello {profile.name ?? profile.email} — {mentees.length} {mentees.length === 1 ? "person has" : "people have"} asked you to mentor them.</p>
      </div>
      <Card title="Mentees, most at risk first">
        {mentees.length === 0 ? (
          <p className="text-slate-700">No mentees yet. Create an invite code below and give it to a member; they accept it in their settings.</p>
        ) : (
          <MenteeList mentees={mentees} />
        )}
      </Card>
      <Card title="Invite a mentee">
        <InviteForm />
      </Card>
    </div>
  );
}
