import http from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A real HTTP server on 127.0.0.1 speaking the OpenAI chat-completions protocol, for provider
 * tests: each request to POST /v1/chat/completions is recorded and answered by `reply`.
 * `hang: true` never answers (a model slower than any timeout); `events` answers a streaming
 * request as server-sent events (`data: <event>\n\n` each, then `data: [DONE]`), and with
 * `cutAfterEvents` drops the connection instead of finishing (a model that dies mid-answer);
 * `close()` ends everything.
 */
export type TestReply = { status?: number; json?: unknown; text?: string; hang?: boolean; events?: unknown[]; cutAfterEvents?: boolean };
export type RecordedRequest = { url: string; headers: http.IncomingHttpHeaders; body: Record<string, unknown> };

export async function startOpenAiTestServer(reply: (request: RecordedRequest, index: number) => TestReply) {
  const requests: RecordedRequest[] = [];
  const hanging = new Set<http.ServerResponse>();
  const received: ((r: RecordedRequest) => void)[] = [];
  const server = http.createServer((req, res) => {
    let raw = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (raw += chunk));
    req.on("end", () => {
      const recorded: RecordedRequest = { url: req.url ?? "", headers: req.headers, body: raw ? JSON.parse(raw) : {} };
      requests.push(recorded);
      received.splice(0).forEach((resolve) => resolve(recorded));
      if (req.method !== "POST" || req.url !== "/v1/chat/completions") {
        res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: { message: "not found" } }));
        return;
      }
      const r = reply(recorded, requests.length - 1);
      if (r.hang) {
        hanging.add(res);
        return;
      }
      if (r.events) {
        res.writeHead(r.status ?? 200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
        for (const event of r.events) res.write(`data: ${typeof event === "string" ? event : JSON.stringify(event)}\n\n`);
        if (r.cutAfterEvents) {
          // Let the written events reach the client before the connection drops.
          setTimeout(() => res.destroy(), 50);
          return;
        }
        res.end("data: [DONE]\n\n");
        return;
      }
      res.writeHead(r.status ?? 200, { "content-type": r.text !== undefined ? "text/plain" : "application/json" });
      res.end(r.text ?? JSON.stringify(r.json ?? {}));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    /** Resolves when the next request has arrived (for tests that act while a call is in flight). */
    nextRequest: () => new Promise<RecordedRequest>((resolve) => received.push(resolve)),
    close: async () => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
