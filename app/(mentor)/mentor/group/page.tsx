import { requirePageViewer } from "@/lib/auth/session";
import { listFeedGroups } from "@/db/queries/group-feed";
import { Card } from "@/components/ui/primitives";
import { GroupFeed } from "@/components/feed/group-feed";

export const metadata = { title: "Group feed" };

export default async function MentorGroupPage() {
  const { viewer, profile } = await requirePageViewer("mentor");
  const [group] = await listFeedGroups(viewer);
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Group feed</h1>
        <p className="text-sm text-slate-600">Everyone you mentor reads this feed and can post in it.</p>
      </div>
      <Card title="Your group">
        <GroupFeed group={group} timezone={profile.timezone} />
      </Card>
    </div>
  );
}
