import { and, desc, eq, gte, lt, lte } from "drizzle-orm";
import { DateTime } from "luxon";
import { journalEntries, mentorLinks, users } from "@/db/schema";
import type { MoodTrend } from "@/lib/goals/types";
import { AppError } from "@/lib/errors";
import { collectTags } from "@/lib/journal/tags";
import { scoreSentiment } from "@/lib/journal/sentiment";
import { isMoodLabel, type MoodLabel } from "@/lib/journal/mood";
import { moodTrend, type MoodEntry } from "@/lib/journal/mood-trend";
import { isUuid, assertRole, withViewer, type Viewer } from "./context";

export const JOURNAL_TEXT_MAX = 5_000;
/** Local days the mood trend covers (the page's sparkline and the mentor view). */
export const MOOD_TREND_DAYS = 28;
const LIST_LIMIT_MAX = 100;


export type JournalEntryView = {
  id: string;
  text: string;
  /** Comparative AFINN score (per word), null for entries saved before scoring existed. */
  sentiment: number | null;
  mood: MoodLabel | null;
  sharedWithMentor: boolean;
  tags: string[];
  createdAt: Date;
};

const entryColumns = {
  id: journalEntries.id,
  text: journalEntries.text,
  sentiment: journalEntries.sentiment,
  mood: journalEntries.mood,
  sharedWithMentor: journalEntries.sharedWithMentor,
  tags: journalEntries.tags,
  createdAt: journalEntries.createdAt,
};

function toView(row: Omit<JournalEntryView, "mood"> & { mood: string | null }): JournalEntryView {
  return { ...row, mood: isMoodLabel(row.mood) ? row.mood : null };
}

/** Same answer for "does not exist" and "is someone else's": never a hint that another person's entry exists. */
function entryNotFound(): AppError {
  return new AppError("not_found:journal", "That journal entry does not exist.");
}

/**
 * A member writes an entry: the text (1–5,000 characters after trimming) is scored on save, tags come
 * from its #hashtags and the typed ones, and one insert stores it.
 */
export async function createJournalEntry(
  viewer: Viewer,
  input: { text: string; tags?: string | readonly string[]; sharedWithMentor?: boolean },
): Promise<JournalEntryView> {
  assertRole(viewer, "patient");
  const text = (input.text ?? "").trim();
  if (text.length === 0) throw new AppError("bad_request:journal", "Write something before saving the entry.");
  if (text.length > JOURNAL_TEXT_MAX) {
    throw new AppError("bad_request:journal", `An entry can be at most ${JOURNAL_TEXT_MAX.toLocaleString("en-US")} characters; this one has ${text.length.toLocaleString("en-US")}.`);
  }
  const { comparative, mood } = scoreSentiment(text);
  const tags = collectTags(text, input.tags ?? []);
  const [row] = await withViewer(viewer, (tx) =>
    tx
      .insert(journalEntries)
      .values({ userId: viewer.userId, text, sentiment: comparative, mood, tags, sharedWithMentor: input.sharedWithMentor ?? false })
      .returning(entryColumns),
  );
  return toView(row);
}

/** The viewer's own entries, newest first; `before` pages back from an entry's createdAt. */
export async function listJournalEntries(viewer: Viewer, options: { limit: number; before?: Date }): Promise<JournalEntryView[]> {
  const limit = Math.max(1, Math.min(LIST_LIMIT_MAX, Math.floor(options.limit) || 1));
  const rows = await withViewer(viewer, (tx) =>
    tx
      .select(entryColumns)
      .from(journalEntries)
      .where(and(eq(journalEntries.userId, viewer.userId), options.before ? lt(journalEntries.createdAt, options.before) : undefined))
      .orderBy(desc(journalEntries.createdAt), desc(journalEntries.id))
      .limit(limit),
  );
  return rows.map(toView);
}

/** The member shares one entry with their mentors, or stops sharing it (their link's journal consent still applies). */
export async function setEntrySharing(viewer: Viewer, entryId: string, shared: boolean): Promise<void> {
  if (!isUuid(entryId)) throw entryNotFound();
  const updated = await withViewer(viewer, (tx) =>
    tx
      .update(journalEntries)
      .set({ sharedWithMentor: shared })
      .where(and(eq(journalEntries.id, entryId), eq(journalEntries.userId, viewer.userId)))
      .returning({ id: journalEntries.id }),
  );
  if (updated.length === 0) throw entryNotFound();
}

export async function deleteJournalEntry(viewer: Viewer, entryId: string): Promise<void> {
  if (!isUuid(entryId)) throw entryNotFound();
  const deleted = await withViewer(viewer, (tx) =>
    tx
      .delete(journalEntries)
      .where(and(eq(journalEntries.id, entryId), eq(journalEntries.userId, viewer.userId)))
      .returning({ id: journalEntries.id }),
  );
  if (deleted.length === 0) throw entryNotFound();
}

/**
 * The member's own mood trend over the last 28 local days, in their timezone unless one is given,
 * from all their entries under RLS. `userId` (the viewer by default) must be the viewer: anyone
 * else gets not_found, the same answer as for an unknown person (a mentor uses loadMenteeMoodTrend).
 */
export async function loadMoodTrend(viewer: Viewer, userId: string = viewer.userId, timezone?: string, now: Date = new Date()): Promise<MoodTrend> {
  if (userId !== viewer.userId) throw moodNotFound();
  const read = await readMoodEntries(viewer, userId, timezone, now);
  if (!read) throw moodNotFound();
  return moodTrend(read.rows, read.zone, read.today, MOOD_TREND_DAYS);
}

/**
 * A mentee's mood trend as their mentor may see it: computed only from the entries the mentor can
 * already read — those the member shared, while the link has journal consent — because the journal
 * promises that what is not shared stays private, and even a count or a sentiment score of a private
 * entry says something about it. Null when the link does not share the journal; not_found without an
 * active link (or for an unknown person).
 */
export async function loadMenteeMoodTrend(viewer: Viewer, menteeId: string, timezone?: string, now: Date = new Date()): Promise<MoodTrend | null> {
  assertRole(viewer, "mentor");
  if (!isUuid(menteeId)) throw moodNotFound();
  const read = await readMoodEntries(viewer, menteeId, timezone, now);
  if (!read) throw moodNotFound();
  if (!read.shareJournal) return null;
  return moodTrend(read.rows, read.zone, read.today, MOOD_TREND_DAYS);
}

function moodNotFound(): AppError {
  return new AppError("not_found:mentee", "We could not find that person among your mentees.");
}

/**
 * In one transaction as the viewer, under RLS: the person's timezone (RLS shows a profile only to
 * itself and linked people), for someone else the viewer's active link and its journal consent, and
 * the entries in the trend's window that the viewer may read. For a mentor the query repeats what
 * the policy enforces (shared entries, journal consent): authorization twice. Null when the person
 * is unknown or not the viewer's active mentee.
 */
async function readMoodEntries(viewer: Viewer, userId: string, timezone: string | undefined, now: Date) {
  const self = userId === viewer.userId;
  return withViewer(viewer, async (tx) => {
    const [person] = await tx.select({ timezone: users.timezone }).from(users).where(eq(users.id, userId));
    if (!person) return null;
    let shareJournal = true;
    if (!self) {
      const [link] = await tx
        .select({ shareJournal: mentorLinks.shareJournal })
        .from(mentorLinks)
        .where(and(eq(mentorLinks.mentorId, viewer.userId), eq(mentorLinks.menteeId, userId), eq(mentorLinks.status, "active")));
      if (!link) return null;
      shareJournal = link.shareJournal;
    }
    const zone = timezone ?? person.timezone;
    const window = trendWindow(zone, now);
    const rows: MoodEntry[] = !shareJournal ? [] : await tx
      .select({ createdAt: journalEntries.createdAt, sentiment: journalEntries.sentiment, tags: journalEntries.tags })
      .from(journalEntries)
      .where(and(
        eq(journalEntries.userId, userId),
        self ? undefined : eq(journalEntries.sharedWithMentor, true),
        gte(journalEntries.createdAt, window.from),
        lte(journalEntries.createdAt, now),
      ));
    return { zone, today: window.today, shareJournal, rows };
  });
}

/** Today in `timezone` and the start of the earliest local day the trend (28 days, and 14 for last7/previous7) needs. */
function trendWindow(timezone: string, now: Date): { today: string; from: Date } {
  const local = DateTime.fromJSDate(now, { zone: timezone });
  if (!local.isValid) throw new AppError("bad_request:journal", `"${timezone}" is not a timezone we know.`);
  const start = local.startOf("day").minus({ days: Math.max(MOOD_TREND_DAYS, 14) - 1 });
  return { today: local.toISODate()!, from: start.toJSDate() };
}

/**
 * A mentor reads a mentee's shared entries. Runs as the mentor under RLS, which returns only the
 * entries the member shared while the link is active with journal consent; otherwise nothing.
 */
export async function listSharedJournalForMentor(viewer: Viewer, menteeId: string, limit: number): Promise<JournalEntryView[]> {
  assertRole(viewer, "mentor");
  if (!isUuid(menteeId)) return [];
  const n = Math.max(1, Math.min(LIST_LIMIT_MAX, Math.floor(limit) || 1));
  const rows = await withViewer(viewer, (tx) =>
    tx
      .select(entryColumns)
      .from(journalEntries)
      // The explicit filter repeats what the policy already enforces (DESIGN decision 2: authorization twice).
      .where(and(eq(journalEntries.userId, menteeId), eq(journalEntries.sharedWithMentor, true)))
      .orderBy(desc(journalEntries.createdAt), desc(journalEntries.id))
      .limit(n),
  );
  return rows.map(toView);
}

/**
 * Sentiment and tags (never text) of the member's entries in [from, to), for the weekly brief's
 * journal facts. Read under the member's own RLS.
 */
export async function listJournalSignals(viewer: Viewer, range: { from: Date; to: Date }): Promise<MoodEntry[]> {
  return withViewer(viewer, (tx) =>
    tx
      .select({ createdAt: journalEntries.createdAt, sentiment: journalEntries.sentiment, tags: journalEntries.tags })
      .from(journalEntries)
      .where(and(eq(journalEntries.userId, viewer.userId), gte(journalEntries.createdAt, range.from), lt(journalEntries.createdAt, range.to)))
      .orderBy(journalEntries.createdAt),
  );
}
