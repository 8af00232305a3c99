import { requirePageViewer } from "@/lib/auth/session";
import { listFeedGroups } from "@/db/queries/group-feed";
import { Card } from "@/components/ui/primitives";
import { GroupFeed } from "@/components/feed/group-feed";

export const metadata = { title: "Group" };

export default async function MemberGroupPage() {
  const { viewer, profile } = await requirePageViewer("patient");
  const groups = await listFeedGroups(viewer);
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Your group</h1>
        <p className="text-sm text-slate-600">Your mentor and the other people they mentor read what you post here. Your goals, check-ins and journal stay private.</p>
      </div>
      {groups.length === 0 ? (
        <Card title="No group yet">
          <p className="text-slate-700">When you accept a mentor&apos;s invite code in your settings, you join their group.</p>
        </Card>
      ) : (
        groups.map((g) => (
          <Card key={g.mentorId} title={`${g.mentorName}'s group`}>
            <GroupFeed group={g} timezone={profile.timezone} />
          </Card>
        ))
      )}
    </div>
  );
}
