import { and, eq, gte, lte } from "drizzle-orm";
import { DateTime } from "luxon";
import type { Tx } from "@/db/client";
import { dailyAggregates, mentorLinks, users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { summarizeMembers } from "./goals";
import type { AdherenceWindow, MemberGoalSummary, MoodTrend, Risk } from "@/lib/goals/types";
import { isUuid, assertRole, withViewer, type Viewer } from "./context";
import { listSharedJournalForMentor, loadMenteeMoodTrend, type JournalEntryView } from "./journal";

/** The glucose summary a consenting mentee shares covers their last 14 local days. */
export const GLUCOSE_SUMMARY_DAYS = 14;
/**
 * GMI is only shown with at least 10 days of CGM data: the 2019 consensus asks for 14 days with ≥ 70 %
 * wear before an estimate of A1c means anything, and 70 % of 14 days is about 10.
 */
export const GMI_MIN_DAYS = 10;
/** Shared journal entries shown on the mentee page and given to the copilot. */
const SHARED_JOURNAL_LIMIT = 20;


/** One answer for "no such person" and "not your mentee": a mentor learns nothing about who exists. */
export function menteeNotFound(): AppError {
  return new AppError("not_found:mentee", "We could not find that person among your mentees.");
}

type LinkedMentee = {
  linkId: string;
  menteeId: string;
  name: string | null;
  email: string;
  timezone: string;
  consentedAt: Date;
  shareGlucose: boolean;
  shareJournal: boolean;
};

/** The viewer's active links (optionally to one mentee), with the mentee's profile, as RLS shows them. */
async function activeLinks(tx: Tx, mentorId: string, menteeId?: string): Promise<LinkedMentee[]> {
  return tx
    .select({
      linkId: mentorLinks.id, menteeId: mentorLinks.menteeId, name: users.name, email: users.email, timezone: users.timezone,
      consentedAt: mentorLinks.consentedAt, shareGlucose: mentorLinks.shareGlucose, shareJournal: mentorLinks.shareJournal,
    })
    .from(mentorLinks)
    .innerJoin(users, eq(users.id, mentorLinks.menteeId))
    .where(and(eq(mentorLinks.mentorId, mentorId), eq(mentorLinks.status, "active"), menteeId ? eq(mentorLinks.menteeId, menteeId) : undefined));
}

/** Each mentee's summary, from the same statistics (and queries) the member sees. */
function summarizeMentees(tx: Tx, mentees: LinkedMentee[], now: Date): Promise<Map<string, MemberGoalSummary>> {
  return summarizeMembers(tx, mentees.map((m) => ({ userId: m.menteeId, name: m.name, timezone: m.timezone })), now);
}

export type RankedMentee = {
  linkId: string;
  menteeId: string;
  name: string | null;
  email: string;
  consentedAt: Date;
  shareGlucose: boolean;
  shareJournal: boolean;
  risk: Risk;
  adherence7: AdherenceWindow;
  adherence30: AdherenceWindow;
  /** Last 28 local days, oldest first: the sparkline. */
  dailyAdherence: MemberGoalSummary["dailyAdherence"];
  lastCheckInDay: string | null;
  daysSinceLastCheckIn: number | null;
  /** Goals that are active (what the mentee is working on now). */
  activeGoals: number;
};

/**
 * Who needs the mentor most comes first: highest risk score; on a tie, the longest since the last
 * check-in (never having checked in counts as longest); then by name so the order is stable.
 */
export function compareMenteesByRisk(a: RankedMentee, b: RankedMentee): number {
  if (a.risk.score !== b.risk.score) return b.risk.score - a.risk.score;
  const silence = (m: RankedMentee) => m.daysSinceLastCheckIn ?? Number.POSITIVE_INFINITY;
  if (silence(a) !== silence(b)) return silence(b) > silence(a) ? 1 : -1;
  return (a.name ?? a.email).localeCompare(b.name ?? b.email);
}

/** The mentor's active, consented mentees ranked by risk, in one transaction under RLS. */
export async function listMenteesRanked(viewer: Viewer, now = new Date()): Promise<RankedMentee[]> {
  assertRole(viewer, "mentor");
  const { mentees, summaries } = await withViewer(viewer, async (tx) => {
    const mentees = await activeLinks(tx, viewer.userId);
    return { mentees, summaries: await summarizeMentees(tx, mentees, now) };
  });
  return mentees
    .map((m): RankedMentee => {
      const s = summaries.get(m.menteeId)!;
      return {
        linkId: m.linkId, menteeId: m.menteeId, name: m.name, email: m.email, consentedAt: m.consentedAt,
        shareGlucose: m.shareGlucose, shareJournal: m.shareJournal,
        risk: s.risk, adherence7: s.adherence.d7, adherence30: s.adherence.d30, dailyAdherence: s.dailyAdherence,
        lastCheckInDay: s.lastCheckInDay, daysSinceLastCheckIn: s.daysSinceLastCheckIn,
        activeGoals: s.goals.filter((g) => g.status === "active").length,
      };
    })
    .sort(compareMenteesByRisk);
}

export type GlucoseSummary = {
  /** The local days summarized, inclusive. */
  from: string;
  to: string;
  /** Days in the window with at least one CGM reading. */
  days: number;
  meanMgdl: number;
  /** Time in range 70–180 mg/dL, percent of readings. */
  tirPercent: number;
  /** Glucose management indicator (%), null with fewer than GMI_MIN_DAYS days of data. */
  gmi: number | null;
};

type GlucoseDay = { readings: number; meanMgdl: number | null; tirPercent: number | null };

/**
 * The window's summary from per-day aggregates. Days are weighted by their reading count, so the
 * mean and time in range equal those of all the window's readings together (not a mean of daily
 * means). GMI is Bergenstal et al. 2018 (as computeGmi in lib/analytics/glucose): 3.31 + 0.02392 · mean.
 */
export function summarizeGlucoseDays(rows: GlucoseDay[], window: { from: string; to: string }): GlucoseSummary | null {
  const days = rows.filter((r) => r.readings > 0 && r.meanMgdl !== null && r.tirPercent !== null);
  const readings = days.reduce((n, r) => n + r.readings, 0);
  if (days.length === 0 || readings === 0) return null;
  const meanMgdl = days.reduce((sum, r) => sum + r.meanMgdl! * r.readings, 0) / readings;
  const tirPercent = days.reduce((sum, r) => sum + r.tirPercent! * r.readings, 0) / readings;
  return { ...window, days: days.length, meanMgdl, tirPercent, gmi: days.length >= GMI_MIN_DAYS ? 3.31 + 0.02392 * meanMgdl : null };
}

export type MenteeDetail = {
  linkId: string;
  menteeId: string;
  name: string | null;
  email: string;
  timezone: string;
  consent: { shareGlucose: boolean; shareJournal: boolean; consentedAt: Date };
  summary: MemberGoalSummary;
  /**
   * Numbers and tags only, never journal text, and only from the entries the member shared: null
   * when the link does not share the journal.
   */
  mood: MoodTrend | null;
  /** Present only when the link shares glucose; `summary` is null when there were no readings in the window. */
  glucose: { shared: false } | { shared: true; summary: GlucoseSummary | null };
  /** Present only when the link shares the journal: the entries the member chose to share, newest first. */
  journal: { shared: false } | { shared: true; entries: JournalEntryView[] };
};

/**
 * Everything the mentee page and the copilot may know about one mentee. The link is checked as the
 * mentor under RLS; the glucose aggregates are read only with glucose consent and the journal only
 * with journal consent (and RLS would return nothing without them). Anything but an active link of
 * this mentor — an unknown id, someone else's mentee, a revoked link, a malformed id — is the same
 * not_found.
 */
export async function loadMenteeDetail(viewer: Viewer, menteeId: string, now = new Date()): Promise<MenteeDetail> {
  assertRole(viewer, "mentor");
  if (!isUuid(menteeId)) throw menteeNotFound();
  const base = await withViewer(viewer, async (tx) => {
    const [link] = await activeLinks(tx, viewer.userId, menteeId);
    if (!link) return null;
    const summary = (await summarizeMentees(tx, [link], now)).get(menteeId)!;
    if (!link.shareGlucose) return { link, summary, glucose: { shared: false } as const };
    const to = summary.today;
    const from = DateTime.fromISO(to).minus({ days: GLUCOSE_SUMMARY_DAYS - 1 }).toISODate()!;
    const rows = await tx
      .select({ readings: dailyAggregates.readings, meanMgdl: dailyAggregates.meanMgdl, tirPercent: dailyAggregates.tirPercent })
      .from(dailyAggregates)
      .where(and(eq(dailyAggregates.userId, menteeId), gte(dailyAggregates.date, from), lte(dailyAggregates.date, to)));
    return { link, summary, glucose: { shared: true, summary: summarizeGlucoseDays(rows, { from, to }) } as const };
  });
  if (!base) throw menteeNotFound();
  const { link, summary, glucose } = base;

  // Each of these opens its own transaction: after the one above, never inside it (PGlite deadlocks).
  const mood = await loadMenteeMoodTrend(viewer, menteeId, link.timezone, now);
  const journal: MenteeDetail["journal"] = link.shareJournal
    ? { shared: true, entries: await listSharedJournalForMentor(viewer, menteeId, SHARED_JOURNAL_LIMIT) }
    : { shared: false };

  return {
    linkId: link.linkId, menteeId, name: link.name, email: link.email, timezone: link.timezone,
    consent: { shareGlucose: link.shareGlucose, shareJournal: link.shareJournal, consentedAt: link.consentedAt },
    summary, mood, glucose, journal,
  };
}
