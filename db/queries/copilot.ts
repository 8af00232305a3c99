import { and, desc, eq, inArray } from "drizzle-orm";
import { DateTime } from "luxon";
import { mentorInteractions, mentorLinks, users } from "@/db/schema";
import { answerCopilotQuestion, validateCopilotQuestion, type CopilotInput } from "@/lib/ai/goals";
import { AppError } from "@/lib/errors";
import { isUuid, assertRole, withSystem, withViewer, type Viewer } from "./context";
import { loadMenteeDetail, menteeNotFound, type MenteeDetail } from "./mentor-view";
import { consumeLimit, type Limit } from "./rate-limit";

const AUDIT_LIMIT_MAX = 200;
/** Questions a mentor may ask the copilot per minute: each one may run a model and writes an audit row. */
export const COPILOT_LIMIT: Limit = { keyPrefix: "copilot", points: 10, durationSeconds: 60 };

export type CopilotAuditEntry = {
  id: string;
  mentorId: string;
  mentorName: string | null;
  menteeId: string;
  question: string;
  answer: string;
  /** Exactly what the copilot was given to answer (the mentee can see it). */
  contextUsed: Record<string, unknown>;
  provider: string | null;
  createdAt: Date;
};

/**
 * What the copilot may be told about the mentee: glucose, and journal text and check-in notes (free
 * text too), only under their consent.
 * Glucose is rounded as the page shows it (whole mg/dL and percent, GMI to 0.1), so the answer and
 * the audit trail quote the numbers the mentor sees.
 */
export function copilotInputs(detail: MenteeDetail): Pick<CopilotInput, "mentee" | "mood" | "glucose" | "sharedJournal" | "checkInNotes"> {
  const g = detail.glucose.shared ? detail.glucose.summary : null;
  return {
    mentee: detail.summary,
    mood: detail.mood,
    glucose: g ? { tirPercent: Math.round(g.tirPercent), meanMgdl: Math.round(g.meanMgdl), gmi: g.gmi === null ? null : Math.round(g.gmi * 10) / 10, days: g.days } : null,
    sharedJournal: detail.journal.shared
      ? detail.journal.entries.map((e) => ({ day: DateTime.fromJSDate(e.createdAt, { zone: detail.timezone }).toISODate()!, text: e.text }))
      : [],
    checkInNotes: detail.consent.shareJournal,
  };
}

/** Counts one copilot question of the mentor; over COPILOT_LIMIT it refuses with a sentence. */
export async function consumeCopilotQuestion(viewer: Viewer): Promise<void> {
  const limit = await consumeLimit(COPILOT_LIMIT, viewer.userId);
  if (!limit.allowed) {
    throw new AppError(
      "rate_limited:copilot",
      `You have asked the copilot ${COPILOT_LIMIT.points} questions in the last minute. Ask again in ${limit.retryAfterSeconds} s.`,
      { details: { retryAfterSeconds: limit.retryAfterSeconds } },
    );
  }
}

/**
 * A mentor asks the copilot about one mentee. The answer is produced first (the model may take
 * seconds; no transaction is held open meanwhile), then the question, the answer and the exact
 * context are stored as the mentor under RLS — whose policy again requires an active link — in one
 * transaction that re-checks the link, so a link revoked while the model was thinking stores nothing,
 * and its consent: glucose or journal sharing turned off meanwhile stores nothing either (the
 * context would hold what is no longer shared) and asks the mentor to ask again.
 */
export async function askCopilot(
  viewer: Viewer,
  menteeId: string,
  question: string,
  options: Pick<CopilotInput, "env" | "signal" | "onModelError"> & { now?: Date } = {},
): Promise<CopilotAuditEntry> {
  assertRole(viewer, "mentor");
  const asked = validateCopilotQuestion(question);
  const detail = await loadMenteeDetail(viewer, menteeId, options.now);
  const { answer, provider, contextUsed } = await answerCopilotQuestion({
    question: asked, ...copilotInputs(detail), env: options.env, signal: options.signal, onModelError: options.onModelError,
  });
  const row = await withViewer(viewer, async (tx) => {
    const [link] = await tx
      .select({ shareGlucose: mentorLinks.shareGlucose, shareJournal: mentorLinks.shareJournal })
      .from(mentorLinks)
      .where(and(eq(mentorLinks.mentorId, viewer.userId), eq(mentorLinks.menteeId, menteeId), eq(mentorLinks.status, "active")));
    if (!link) throw menteeNotFound();
    if ((detail.consent.shareGlucose && !link.shareGlucose) || (detail.consent.shareJournal && !link.shareJournal)) {
      throw new AppError("conflict:copilot", "Your mentee changed what they share with you while the copilot was answering, so the answer was not kept. Ask again.");
    }
    const [inserted] = await tx
      .insert(mentorInteractions)
      .values({ mentorId: viewer.userId, menteeId, question: asked, answer, contextUsed, provider })
      .returning();
    const [me] = await tx.select({ name: users.name }).from(users).where(eq(users.id, viewer.userId));
    return { ...inserted, mentorName: me?.name ?? null };
  });
  return row;
}

/**
 * The copilot's audit trail, newest first. A mentor reads their own questions (about one mentee when
 * `menteeId` is given); a member reads every question any mentor asked about them, including mentors
 * they have since revoked — it is their record. RLS allows only these rows either way.
 */
export async function listCopilotAudit(viewer: Viewer, options: { menteeId?: string; limit?: number } = {}): Promise<CopilotAuditEntry[]> {
  const limit = Math.max(1, Math.min(AUDIT_LIMIT_MAX, Math.floor(options.limit ?? 50) || 1));
  if (options.menteeId !== undefined && !isUuid(options.menteeId)) return [];
  const scope =
    viewer.role === "mentor"
      ? and(eq(mentorInteractions.mentorId, viewer.userId), options.menteeId ? eq(mentorInteractions.menteeId, options.menteeId) : undefined)
      : eq(mentorInteractions.menteeId, viewer.userId);
  const rows = await withViewer(viewer, (tx) =>
    tx.select().from(mentorInteractions).where(scope).orderBy(desc(mentorInteractions.createdAt), desc(mentorInteractions.id)).limit(limit),
  );
  // A revoked mentor's profile is hidden under RLS, yet the member should still see who asked: read
  // just the names of the mentors in the viewer's own rows, after (never inside) their transaction.
  const mentorIds = [...new Set(rows.map((r) => r.mentorId))];
  const names = mentorIds.length
    ? await withSystem((tx) => tx.select({ id: users.id, name: users.name, email: users.email }).from(users).where(inArray(users.id, mentorIds)))
    : [];
  return rows.map((r) => {
    const mentor = names.find((n) => n.id === r.mentorId);
    // The context can hold journal text and glucose the member has since stopped sharing: a mentor
    // gets only which parts were used (each marked true), never their content.
    const contextUsed = viewer.role === "mentor" ? redactContext(r.contextUsed) : r.contextUsed;
    return { ...r, contextUsed, mentorName: mentor?.name ?? mentor?.email ?? null };
  });
}

function redactContext(context: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(context)
      .filter(([, v]) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0))
      .map(([k]) => [k, true]),
  );
}
