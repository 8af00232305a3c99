import { and, desc, eq, isNull, lt, or } from "drizzle-orm";
import { messages } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { assertRole, withViewer, type Viewer } from "./context";
import type { Limit } from "./rate-limit";

/** Longest message kept (a member's question is capped lower by the route; this bounds model answers). */
export const COACH_MESSAGE_MAX = 20_000;
const LIST_LIMIT_MAX = 200;
/** A conversation's pace, not a script's: 10 messages a minute per member (POST /api/coach). */
export const COACH_LIMIT: Limit = { keyPrefix: "coach", points: 10, durationSeconds: 60 };

export type CoachRole = "user" | "assistant";

export type CoachMessage = {
  id: string;
  role: CoachRole;
  content: string;
  /** Who answered an assistant message: "grounded" or "model:<name>"; null for the member's own messages. */
  provider: string | null;
  /** For an answer: the member's message it answers (null for older answers and for questions). */
  replyTo: string | null;
  createdAt: Date;
};

const columns = { id: messages.id, role: messages.role, content: messages.content, provider: messages.provider, replyTo: messages.replyTo, createdAt: messages.createdAt };

/** A coach's answer: which message it answers, and whether it was cut short. */
export type CoachReplyLink = { replyTo: string; complete: boolean };

/** What the chat may use as its own message id: short, no spaces (useChat's ids fit). */
const CLIENT_ID_PATTERN = /^[A-Za-z0-9_-]{1,100}$/;

/**
 * Keeps one message of the member's conversation with the coach. A message sent with the chat's
 * own id (`clientId`) is kept once: sending it again (a retry after a failed answer) returns the
 * stored one with `created: false`. The same id with other words is refused, since it is not a retry.
 */
export async function appendCoachMessage(
  viewer: Viewer,
  input: { role: CoachRole; content: string; provider?: string | null; clientId?: string | null; reply?: CoachReplyLink },
): Promise<CoachMessage & { created: boolean }> {
  assertRole(viewer, "patient");
  const content = input.content.trim();
  if (content.length === 0) throw new AppError("bad_request:coach", "A message needs some text.");
  if (content.length > COACH_MESSAGE_MAX) {
    throw new AppError("bad_request:coach", `A message can be at most ${COACH_MESSAGE_MAX.toLocaleString("en-US")} characters; this one has ${content.length.toLocaleString("en-US")}.`);
  }
  const clientId = input.clientId ?? null;
  if (clientId !== null && !CLIENT_ID_PATTERN.test(clientId)) {
    throw new AppError("bad_request:coach", "The message id must be 1 to 100 letters, digits, dashes or underscores.");
  }
  return withViewer(viewer, async (tx) => {
    const [row] = await tx
      .insert(messages)
      .values({
        userId: viewer.userId,
        role: input.role,
        content,
        provider: input.provider ?? null,
        clientId,
        replyTo: input.reply?.replyTo ?? null,
        complete: input.reply?.complete ?? true,
      })
      .onConflictDoNothing({ target: [messages.userId, messages.clientId] })
      .returning(columns);
    if (row) return { ...row, created: true };
    const [kept] = await tx
      .select(columns)
      .from(messages)
      .where(and(eq(messages.userId, viewer.userId), eq(messages.clientId, clientId!)));
    if (!kept || kept.content !== content || kept.role !== input.role) {
      throw new AppError("conflict:coach", "This message id was already used for another message. Send your question as a new message.");
    }
    return { ...kept, created: false };
  });
}

/**
 * The coach's finished answer to one of the member's messages, if one was kept: a retry of that
 * message (its answer was lost on the way back) gets this answer again instead of a second one.
 */
export async function findFinishedReply(viewer: Viewer, questionId: string): Promise<CoachMessage | null> {
  assertRole(viewer, "patient");
  const [row] = await withViewer(viewer, (tx) =>
    tx
      .select(columns)
      .from(messages)
      .where(and(eq(messages.userId, viewer.userId), eq(messages.replyTo, questionId), eq(messages.role, "assistant"), eq(messages.complete, true)))
      .orderBy(desc(messages.createdAt))
      .limit(1),
  );
  return row ?? null;
}

/** How long one request may hold a question while it answers; a crashed one frees it after this. */
export const ANSWER_LEASE_MS = 2 * 60_000;

/**
 * Takes the right to answer one of the member's messages, so two requests for the same question (a
 * retry while the first answer is still streaming, two tabs) never both ask the model. False when
 * another request holds it. The holder frees it with `releaseAnswer` once its answer is kept.
 */
export async function claimAnswer(viewer: Viewer, questionId: string, now = new Date()): Promise<boolean> {
  assertRole(viewer, "patient");
  const rows = await withViewer(viewer, (tx) =>
    tx
      .update(messages)
      .set({ answeringUntil: new Date(now.getTime() + ANSWER_LEASE_MS) })
      .where(
        and(
          eq(messages.id, questionId),
          eq(messages.userId, viewer.userId),
          eq(messages.role, "user"),
          or(isNull(messages.answeringUntil), lt(messages.answeringUntil, now)),
        ),
      )
      .returning({ id: messages.id }),
  );
  return rows.length === 1;
}

export async function releaseAnswer(viewer: Viewer, questionId: string): Promise<void> {
  assertRole(viewer, "patient");
  await withViewer(viewer, (tx) =>
    tx.update(messages).set({ answeringUntil: null }).where(and(eq(messages.id, questionId), eq(messages.userId, viewer.userId))),
  );
}

/** The latest `limit` messages of the member's conversation, oldest first (the order a chat reads). */
export async function listCoachMessages(viewer: Viewer, limit: number): Promise<CoachMessage[]> {
  assertRole(viewer, "patient");
  const n = Math.max(1, Math.min(LIST_LIMIT_MAX, Math.floor(limit) || 1));
  const rows = await withViewer(viewer, (tx) =>
    tx
      .select(columns)
      .from(messages)
      .where(eq(messages.userId, viewer.userId))
      .orderBy(desc(messages.createdAt), desc(messages.id))
      .limit(n),
  );
  return rows.reverse();
}
