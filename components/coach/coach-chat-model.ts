import type { UIMessage } from "ai";

/**
 * What the coach chat and its route agree on, without React or the database, so the page, the
 * client chat and POST /api/coach read the same limits and shapes.
 */

/** Longest question a member may send, after trimming (the input's counter shows it). */
export const COACH_INPUT_MAX = 2_000;
/** Messages the page shows from the store when it opens. */
export const COACH_PAGE_HISTORY = 50;

export type CoachMetadata = {
  /** Who answered: "grounded" or "model:<name>". */
  provider?: string;
  /** ISO time the message was stored. */
  createdAt?: string;
};

export type CoachUIMessage = UIMessage<CoachMetadata>;

export type StoredCoachMessage = { id: string; role: "user" | "assistant"; content: string; provider: string | null; createdAt: Date };

export const SUGGESTED_QUESTIONS = ["How are my streaks?", "What should I focus on today?", "Why did I miss this week?"] as const;

/** Stored messages as useChat's initial messages (one text part each). */
export function toCoachUIMessages(stored: readonly StoredCoachMessage[]): CoachUIMessage[] {
  return stored.map((m) => ({
    id: m.id,
    role: m.role,
    parts: [{ type: "text", text: m.content }],
    metadata: { ...(m.provider ? { provider: m.provider } : {}), createdAt: m.createdAt.toISOString() },
  }));
}

/** The plain text of a message's text parts. */
export function messageText(message: Pick<UIMessage, "parts">): string {
  return message.parts.map((p) => (p.type === "text" ? p.text : "")).join("");
}

/** The discreet line under an assistant message saying who wrote it. */
export function providerLabel(provider: string | undefined): string | null {
  if (!provider) return null;
  if (provider === "grounded") return "Grounded coach, from your data";
  if (provider.startsWith("model:")) return `AI model (${provider.slice("model:".length)}), from your data`;
  return null;
}

export type ChatFailure = {
  sentence: string;
  /** True when the server says it did not keep the message, so the page takes it off the conversation. */
  notKept: boolean;
};

/**
 * A failed send as a sentence. The chat transport throws the response body as the error message,
 * so a JSON problem body from the route gives its own sentence; anything else is the network.
 */
export function describeChatError(error: Error | undefined): ChatFailure | null {
  if (!error) return null;
  try {
    const body = JSON.parse(error.message) as { error?: { message?: unknown; details?: { kept?: unknown } } };
    if (typeof body.error?.message === "string" && body.error.message.trim() !== "") {
      // The route says whether it kept the message; without that, it stays shown (nothing is lost).
      return { sentence: body.error.message, notKept: body.error.details?.kept === false };
    }
  } catch {
    // Not a JSON body: the request never reached the coach or the connection dropped.
  }
  if (/fetch|network|load failed|connection/i.test(error.message)) {
    // Whether the request arrived before the connection dropped is unknown, so the message stays shown.
    return { sentence: "We could not reach the coach: check your connection and try again.", notKept: false };
  }
  return { sentence: "The coach could not answer just now. Please try again in a moment.", notKept: false };
}
