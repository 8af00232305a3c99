import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CoachChat } from "./coach-chat";
import { describeChatError, messageText, providerLabel, toCoachUIMessages } from "./coach-chat-model";

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&amp;/g, "&").replace(/\s+/g, " ");

describe("coach chat model", () => {
  it("turns stored messages into useChat messages with one text part and the provider", () => {
    const createdAt = new Date("2026-03-02T08:00:00Z");
    const ui = toCoachUIMessages([
      { id: "u1", role: "user", content: "How are my streaks?", provider: null, createdAt },
      { id: "a1", role: "assistant", content: "Four days in a row.", provider: "grounded", createdAt },
    ]);
    expect(ui).toEqual([
      { id: "u1", role: "user", parts: [{ type: "text", text: "How are my streaks?" }], metadata: { createdAt: "2026-03-02T08:00:00.000Z" } },
      { id: "a1", role: "assistant", parts: [{ type: "text", text: "Four days in a row." }], metadata: { provider: "grounded", createdAt: "2026-03-02T08:00:00.000Z" } },
    ]);
    expect(messageText({ parts: [{ type: "text", text: "Four " }, { type: "step-start" }, { type: "text", text: "days" }] })).toBe("Four days");
  });

  it("labels who answered, discreetly", () => {
    expect(providerLabel("grounded")).toBe("Grounded coach, from your data");
    expect(providerLabel("model:gpt-4o-mini")).toBe("AI model (gpt-4o-mini), from your data");
    expect(providerLabel(undefined)).toBeNull();
  });

  it("turns failures into sentences and says whether the message was kept", () => {
    // The route's refusals say whether it kept the message (details.kept).
    const problem = (code: string, message: string, kept: boolean) => new Error(JSON.stringify({ error: { code, message, details: { kept } } }));
    expect(describeChatError(problem("rate_limited:coach", "You have sent 10 messages in the last minute.", false))).toEqual({
      sentence: "You have sent 10 messages in the last minute.",
      notKept: true,
    });
    expect(describeChatError(problem("bad_request:coach", "Write a question for the coach before sending.", false))?.notKept).toBe(true);
    expect(describeChatError(problem("conflict:coach", "This message id was already used for another message.", false))?.notKept).toBe(true);
    expect(describeChatError(problem("conflict:coach_busy", "The coach is still answering this message.", true))?.notKept).toBe(false);
    expect(describeChatError(problem("internal:coach", "The coach could not answer just now. Your message is kept; please try again in a moment.", true))?.notKept).toBe(false);
    // A problem body that does not say: the message stays shown, so nothing typed is lost.
    expect(describeChatError(new Error(JSON.stringify({ error: { code: "internal:x", message: "Something failed." } })))?.notKept).toBe(false);
    expect(describeChatError(new TypeError("Failed to fetch"))).toEqual({ sentence: "We could not reach the coach: check your connection and try again.", notKept: false });
    expect(describeChatError(new Error("<html>Bad gateway</html>"))?.sentence).toBe("The coach could not answer just now. Please try again in a moment.");
    expect(describeChatError(undefined)).toBeNull();
  });
});

describe("CoachChat server HTML", () => {
  it("offers the suggested first questions in an empty conversation, with a labelled input and counter", () => {
    const html = renderToStaticMarkup(<CoachChat initialMessages={[]} />);
    expect(html).toMatch(/role="log"[^>]*aria-live="polite"[^>]*aria-label="Conversation with the coach"/);
    expect(html).toContain('<label for="coach-input"');
    expect(html).toMatch(/<textarea id="coach-input"[^>]*aria-describedby="coach-input-count coach-input-hint"/);
    expect(text(html)).toContain("0 / 2,000 characters");
    for (const q of ["How are my streaks?", "What should I focus on today?", "Why did I miss this week?"]) expect(text(html)).toContain(q);
    // Nothing typed yet: Send is disabled.
    expect(html).toMatch(/<button[^>]*type="submit"[^>]*disabled=""/);
  });

  it("shows the stored conversation with the provider under the coach's answers and no suggestions", () => {
    const createdAt = new Date("2026-03-02T08:00:00Z");
    const html = renderToStaticMarkup(
      <CoachChat
        initialMessages={toCoachUIMessages([
          { id: "u1", role: "user", content: "How are my streaks?", provider: null, createdAt },
          { id: "a1", role: "assistant", content: 'Your longest current streak is "Walk" at 4 days.', provider: "grounded", createdAt },
        ])}
      />,
    );
    const shown = text(html);
    expect(shown).toContain("You: How are my streaks?");
    expect(shown).toContain('Coach: Your longest current streak is "Walk" at 4 days.');
    expect(shown).toContain("Grounded coach, from your data");
    expect(shown).not.toContain("Why did I miss this week?");
  });
});
