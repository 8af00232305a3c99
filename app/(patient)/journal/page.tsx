import Link from "next/link";
import { DateTime } from "luxon";
import { requirePageViewer } from "@/lib/auth/session";
import { JOURNAL_TEXT_MAX, listJournalEntries, loadMoodTrend, MOOD_TREND_DAYS } from "@/db/queries/journal";
import { listMyMentors } from "@/db/queries/mentoring";
import { Card } from "@/components/ui/primitives";
import { JournalForm } from "./journal-form";
import { EntryRow, MoodCard, shareHintFor } from "./journal-views";

export const metadata = { title: "Journal" };

const PAGE_SIZE = 20;

function parseBefore(value: string | string[] | undefined): Date | undefined {
  if (typeof value !== "string") return undefined;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

export default async function JournalPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { viewer, profile } = await requirePageViewer("patient");
  const before = parseBefore((await searchParams).before);
  const today = DateTime.now().setZone(profile.timezone).toISODate()!;
  const [entries, trend, mentors] = await Promise.all([
    listJournalEntries(viewer, { limit: PAGE_SIZE, before }),
    loadMoodTrend(viewer, viewer.userId, profile.timezone),
    listMyMentors(viewer),
  ]);
  const older = entries.length === PAGE_SIZE ? entries[entries.length - 1].createdAt.toISOString() : null;

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">Journal</h1>
      <div className="grid gap-6 lg:grid-cols-3">
        <Card title="New entry" className="lg:col-span-2">
          <JournalForm maxLength={JOURNAL_TEXT_MAX} shareHint={shareHintFor(mentors)} />
        </Card>
        <MoodCard trend={trend} today={today} days={MOOD_TREND_DAYS} />
      </div>
      <Card title={before ? "Older entries" : "Your entries"}>
        {entries.length === 0 ? (
          <p className="text-sm text-slate-600">{before ? "No older entries." : "No entries yet. What you write stays private unless you share it."}</p>
        ) : (
          <ul className="divide-y divide-slate-200" aria-label="Journal entries">
            {entries.map((e) => <EntryRow key={e.id} entry={e} timezone={profile.timezone} />)}
          </ul>
        )}
        {(older || before) && (
          <nav className="mt-4 flex flex-wrap gap-4 text-sm font-semibold" aria-label="Journal pages">
            {before && <Link href="/journal" className="text-brand-700 underline">Newest entries</Link>}
            {older && <Link href={`/journal?before=${encodeURIComponent(older)}`} className="text-brand-700 underline">Older entries</Link>}
          </nav>
        )}
      </Card>
    </div>
  );
}
