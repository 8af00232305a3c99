import { DateTime } from "luxon";
import { Card } from "@/components/ui/primitives";
import { Sparkline } from "@/components/charts";
import type { JournalEntryView } from "@/db/queries/journal";
import type { MentorLinkView } from "@/db/queries/mentoring";
import { MOOD_TEXT, moodLabel, type MoodLabel } from "@/lib/journal/mood";
import { dailyMoodSeries } from "@/lib/journal/mood-trend";
import type { MoodTrend } from "@/lib/goals/types";
import { deleteJournalEntryAction, setEntrySharingAction } from "./actions";

/** The journal page's pieces, plain markup rendered on the server: the mood card and one entry. */

// Text labels carry the meaning; the colours only echo them.
const MOOD_STYLE: Record<MoodLabel, string> = {
  very_negative: "bg-red-50 text-red-800 ring-red-200",
  negative: "bg-amber-50 text-amber-900 ring-amber-200",
  neutral: "bg-slate-50 text-slate-700 ring-slate-200",
  positive: "bg-green-50 text-green-800 ring-green-200",
  very_positive: "bg-emerald-50 text-emerald-800 ring-emerald-200",
};

const DIRECTION_TEXT: Record<MoodTrend["direction"], string> = {
  improving: "Brighter than the 7 days before.",
  declining: "Lower than the 7 days before.",
  steady: "About the same as the 7 days before.",
  unknown: "Write on a few more days to compare this week with the last.",
};

/** Who can read a shared entry, in one sentence: sharing needs both the entry's tick and the link's journal consent. */
export function shareHintFor(mentors: MentorLinkView[]): string {
  const active = mentors.filter((m) => m.status === "active");
  const reading = active.filter((m) => m.shareJournal).map((m) => m.mentorName ?? m.mentorEmail);
  if (active.length === 0) return "You have no mentor yet: shared entries stay private until you link one in Settings.";
  if (reading.length === 0) return "Your mentor reads shared entries only after you allow journal sharing in Settings.";
  return `Shared entries can be read by ${reading.join(", ")}. Everything else stays private.`;
}

function formatWhen(d: Date, timezone: string): string {
  return DateTime.fromJSDate(d, { zone: timezone }).toFormat("ccc d LLL yyyy, HH:mm", { locale: "en-GB" });
}

function formatScore(v: number | null): string {
  return v === null ? "—" : v.toFixed(2);
}

function MoodBadge({ mood }: { mood: MoodLabel | null }) {
  if (!mood) return null;
  return <span className={`rounded-full px-2 py-0.5 text-xs font-medium ring-1 ${MOOD_STYLE[mood]}`}>{MOOD_TEXT[mood]}</span>;
}

function TagList({ tags, label }: { tags: string[]; label: string }) {
  if (tags.length === 0) return null;
  return (
    <ul className="flex flex-wrap gap-1.5" aria-label={label}>
      {tags.map((t) => (
        <li key={t} className="rounded-full bg-brand-50 px-2 py-0.5 text-xs font-medium text-brand-900">#{t}</li>
      ))}
    </ul>
  );
}

export function MoodCard({ trend, today, days }: { trend: MoodTrend; today: string; days: number }) {
  const values = dailyMoodSeries(trend, today, days);
  const finite = values.filter((v): v is number => v !== null);
  // Zero stays inside the picture so a line above or below it reads as positive or negative.
  const domain: [number, number] = [Math.min(-1, ...finite), Math.max(1, ...finite)];
  return (
    <Card title={`Mood, last ${days} days`}>
      {trend.daily.length === 0 ? (
        <p className="text-sm text-slate-600">Your mood trend appears here after your first entries.</p>
      ) : (
        <div className="space-y-3">
          <Sparkline values={values} label={`Journal mood over ${days} days`} domain={domain} width={240} height={48} className="max-w-full" />
          <dl className="grid grid-cols-2 gap-2 text-sm">
            <div>
              <dt className="text-slate-600">Last 7 days</dt>
              <dd className="font-semibold text-slate-900" data-testid="mood-last7">
                {trend.last7 === null ? "No entries" : `${MOOD_TEXT[moodLabel(trend.last7)]} (${formatScore(trend.last7)})`}
              </dd>
            </div>
            <div>
              <dt className="text-slate-600">7 days before</dt>
              <dd className="font-semibold text-slate-900">
                {trend.previous7 === null ? "No entries" : `${MOOD_TEXT[moodLabel(trend.previous7)]} (${formatScore(trend.previous7)})`}
              </dd>
            </div>
          </dl>
          <p className="text-sm text-slate-700" data-testid="mood-direction" data-direction={trend.direction}>{DIRECTION_TEXT[trend.direction]}</p>
        </div>
      )}
      {trend.topTags.length > 0 && (
        <div className="mt-4 space-y-1">
          <h3 className="text-sm font-medium text-slate-800">Top tags</h3>
          <ul className="flex flex-wrap gap-1.5" aria-label="Your most used tags">
            {trend.topTags.map((t) => (
              <li key={t.tag} className="rounded-full bg-brand-50 px-2 py-0.5 text-xs font-medium text-brand-900">
                #{t.tag} <span className="text-brand-700">×{t.count}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      <p className="mt-4 text-xs text-slate-600">
        Mood is read from your words with the AFINN word list (a score per word, above 0 positive, below 0 negative). It is a rough
        reading of tone, not a judgement.
      </p>
    </Card>
  );
}

export function EntryRow({ entry, timezone }: { entry: JournalEntryView; timezone: string }) {
  const when = formatWhen(entry.createdAt, timezone);
  return (
    <li className="space-y-2 py-4" data-testid="journal-entry" data-shared={entry.sharedWithMentor}>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <time dateTime={entry.createdAt.toISOString()} className="font-medium text-slate-900">{when}</time>
        <MoodBadge mood={entry.mood} />
        {entry.sharedWithMentor && <span className="text-xs font-medium text-slate-600">Shared with mentor</span>}
      </div>
      <p className="whitespace-pre-wrap break-words text-sm text-slate-800">{entry.text}</p>
      <TagList tags={entry.tags} label={`Tags of the entry of ${when}`} />
      <div className="flex flex-wrap gap-2">
        <form action={setEntrySharingAction}>
          <input type="hidden" name="entryId" value={entry.id} />
          <input type="hidden" name="shared" value={entry.sharedWithMentor ? "false" : "true"} />
          <button
            type="submit"
            aria-label={entry.sharedWithMentor ? `Stop sharing the entry of ${when}` : `Share the entry of ${when} with my mentor`}
            className="rounded-lg px-3 py-1.5 text-sm font-semibold text-slate-800 ring-1 ring-slate-300 hover:bg-slate-50"
          >
            {entry.sharedWithMentor ? "Stop sharing" : "Share with mentor"}
          </button>
        </form>
        <form action={deleteJournalEntryAction}>
          <input type="hidden" name="entryId" value={entry.id} />
          <button
            type="submit"
            aria-label={`Delete the entry of ${when}`}
            className="rounded-lg px-3 py-1.5 text-sm font-semibold text-red-700 ring-1 ring-red-300 hover:bg-red-50"
          >
            Delete
          </button>
        </form>
      </div>
    </li>
  );
}

