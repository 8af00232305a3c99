"use client";

import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { useChat } from "@ai-sdk/react";
import { DefaultChatTransport } from "ai";
import { Button } from "@/components/ui/primitives";
import {
  COACH_INPUT_MAX, describeChatError, messageText, providerLabel, SUGGESTED_QUESTIONS, type ChatFailure, type CoachUIMessage,
} from "./coach-chat-model";

// The server keeps the conversation: only the new question travels, never the client's copy of the
// history. Its chat id goes with it, so "Try again" (the same message) is kept once on the server.
const transport = new DefaultChatTransport<CoachUIMessage>({
  api: "/api/coach",
  prepareSendMessagesRequest: ({ messages }) => {
    const last = messages.at(-1);
    return { body: { message: messageText(last ?? { parts: [] }), ...(last?.id ? { id: last.id } : {}) } };
  },
});

/**
 * The conversation with the coach: the stored messages, then each new answer as it streams. A
 * refused message gives its text back in the input, so nothing typed is lost; a kept message
 * whose answer failed stays in the conversation with "Try again", which asks again without
 * keeping the question twice.
 */
export function CoachChat({ initialMessages }: { initialMessages: CoachUIMessage[] }) {
  const [input, setInput] = useState("");
  const [failure, setFailure] = useState<ChatFailure | null>(null);
  const lastSent = useRef("");
  const logRef = useRef<HTMLDivElement>(null);

  const { messages, sendMessage, regenerate, status, stop, setMessages, clearError } = useChat<CoachUIMessage>({
    messages: initialMessages,
    transport,
    experimental_throttle: 50,
    onError: (error) => {
      const described = describeChatError(error);
      setFailure(described);
      if (described?.notKept) {
        setMessages((all) => (all.at(-1)?.role === "user" ? all.slice(0, -1) : all));
        setInput((current) => (current.trim() === "" ? lastSent.current : current));
      }
    },
  });

  const busy = status === "submitted" || status === "streaming";
  const trimmed = input.trim();
  const tooLong = trimmed.length > COACH_INPUT_MAX;
  const canSend = !busy && trimmed.length > 0 && !tooLong;

  useEffect(() => {
    const log = logRef.current;
    if (log) log.scrollTop = log.scrollHeight;
  }, [messages, status]);

  const send = (text: string) => {
    const question = text.trim();
    if (busy || question.length === 0 || question.length > COACH_INPUT_MAX) return;
    setFailure(null);
    clearError();
    lastSent.current = question;
    setInput("");
    void sendMessage({ text: question });
  };

  const retry = () => {
    if (busy) return;
    setFailure(null);
    clearError();
    // Resends the last question with its chat id (after dropping a cut-off answer): kept once, answered again.
    void regenerate();
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    send(input);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // Enter sends; Shift+Enter is a new line; Enter while an input method composes text is not a send.
    if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      send(input);
    }
  };

  return (
    <section aria-label="Chat with the coach" className="flex min-w-0 flex-col gap-3 rounded-2xl bg-white p-3 shadow-sm ring-1 ring-slate-200 sm:p-5">
      <div
        ref={logRef}
        role="log"
        aria-live="polite"
        aria-label="Conversation with the coach"
        aria-busy={busy}
        tabIndex={0}
        className="flex h-[60vh] min-h-72 flex-col gap-3 overflow-y-auto rounded-xl bg-slate-50 p-3"
      >
        {messages.length === 0 && (
          <p className="m-auto max-w-sm text-center text-sm text-slate-600">
            Nothing here yet. Ask a question below, or start with one of the suggestions.
          </p>
        )}
        {messages.map((m) => (
          <ChatMessage key={m.id} message={m} />
        ))}
        {status === "submitted" && <p className="text-sm text-slate-600">The coach is reading your data…</p>}
      </div>

      {messages.length === 0 && (
        <div role="group" aria-label="Suggested questions" className="flex flex-wrap gap-2">
          {SUGGESTED_QUESTIONS.map((q) => (
            <button
              key={q}
              type="button"
              disabled={busy}
              onClick={() => send(q)}
              className="rounded-full bg-white px-3 py-1.5 text-sm text-brand-700 ring-1 ring-brand-100 hover:bg-brand-50 disabled:opacity-60"
            >
              {q}
            </button>
          ))}
        </div>
      )}

      {failure && (
        <div role="alert" className="flex flex-wrap items-center justify-between gap-2 rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200">
          <p>{failure.sentence}</p>
          {!failure.notKept && messages.length > 0 && (
            <Button type="button" variant="secondary" onClick={retry} disabled={busy}>
              Try again
            </Button>
          )}
        </div>
      )}

      <form onSubmit={onSubmit} className="space-y-1">
        <label htmlFor="coach-input" className="block text-sm font-medium text-slate-800">
          Your message
        </label>
        <div className="flex min-w-0 items-end gap-2">
          <textarea
            id="coach-input"
            name="message"
            rows={2}
            value={input}
            onChange={(e) => setInput(e.target.value)}
            onKeyDown={onKeyDown}
            aria-describedby="coach-input-count coach-input-hint"
            aria-invalid={tooLong || undefined}
            placeholder="Ask about your goals…"
            className="block min-h-11 w-full min-w-0 flex-1 resize-y rounded-lg border border-slate-300 bg-white px-3 py-2 text-slate-900 shadow-sm placeholder:text-slate-500 focus:border-brand-600"
          />
          {busy ? (
            <Button type="button" variant="secondary" onClick={() => void stop()}>
              Stop
            </Button>
          ) : (
            <Button type="submit" disabled={!canSend}>
              Send
            </Button>
          )}
        </div>
        <div className="flex flex-wrap justify-between gap-x-3 text-xs text-slate-600">
          <span id="coach-input-hint">Enter sends, Shift+Enter starts a new line.</span>
          <span id="coach-input-count" className={tooLong ? "font-semibold text-red-700" : undefined}>
            {trimmed.length.toLocaleString("en-US")} / {COACH_INPUT_MAX.toLocaleString("en-US")} characters
            {tooLong ? " — too long to send" : ""}
          </span>
        </div>
      </form>
    </section>
  );
}

function ChatMessage({ message }: { message: CoachUIMessage }) {
  const text = messageText(message);
  if (message.role === "user") {
    return (
      <div className="max-w-[85%] self-end rounded-2xl rounded-br-sm bg-brand-600 px-3 py-2 text-sm whitespace-pre-wrap text-white">
        <span className="sr-only">You: </span>
        {text}
      </div>
    );
  }
  const label = providerLabel(message.metadata?.provider);
  return (
    <div className="max-w-[85%] self-start">
      <div className="rounded-2xl rounded-bl-sm bg-white px-3 py-2 text-sm whitespace-pre-wrap text-slate-900 ring-1 ring-slate-200">
        <span className="sr-only">Coach: </span>
        {text}
      </div>
      {label && <p className="mt-1 px-1 text-xs text-slate-500">{label}</p>}
    </div>
  );
}
