import { formatDateTime } from "@/lib/reports/report-format";
import type { MenteeDetail } from "@/db/queries/mentor-view";
import { MOOD_TEXT } from "@/lib/journal/mood";

/** Journal entries the mentee shared with their mentors, or a plain statement that none are shared. */
export function SharedJournal({ journal, timezone }: { journal: MenteeDetail["journal"]; timezone: string }) {
  if (!journal.shared) {
    return <p className="text-sm text-slate-700" data-testid="journal-not-shared">Not shared. The member has not allowed you to read their journal.</p>;
  }
  if (journal.entries.length === 0) {
    return <p className="text-sm text-slate-700">The member has not shared any entries yet; they choose entry by entry.</p>;
  }
  return (
    <ul className="space-y-3" aria-label="Shared journal entries">
      {journal.entries.map((e) => (
        <li key={e.id} className="rounded-lg bg-slate-50 p-3" data-testid="shared-entry">
          <p className="text-xs text-slate-600">
            {formatDateTime(e.createdAt.toISOString(), timezone)}
            {e.mood && ` · ${MOOD_TEXT[e.mood]}`}
            {e.tags.length > 0 && ` · ${e.tags.map((t) => `#${t}`).join(" ")}`}
          </p>
          <p className="mt-1 whitespace-pre-wrap break-words text-sm text-slate-800">{e.text}</p>
        </li>
      ))}
    </ul>
  );
}
