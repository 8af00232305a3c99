/**
 * The server-sent events an OpenAI-compatible /chat/completions endpoint sends for `stream: true`:
 * a role delta, one content delta per piece, then a finish chunk (the test server adds `[DONE]`).
 */
export function chatStreamEvents(pieces: string[], model = "test-model"): unknown[] {
  const chunk = (delta: Record<string, unknown>, finish: string | null) => ({
    id: "chatcmpl-stream",
    object: "chat.completion.chunk",
    created: 1_750_000_000,
    model,
    choices: [{ index: 0, delta, finish_reason: finish }],
  });
  return [chunk({ role: "assistant", content: "" }, null), ...pieces.map((content) => chunk({ content }, null)), chunk({}, "stop")];
}

/** The same, without the finish chunk: for a server that drops the connection mid-answer. */
export function unfinishedChatStreamEvents(pieces: string[], model = "test-model"): unknown[] {
  return chatStreamEvents(pieces, model).slice(0, -1);
}
