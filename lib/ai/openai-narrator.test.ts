import { afterEach, describe, expect, it } from "vitest";
import { isAppError } from "@/lib/errors";
import { richFacts } from "@/lib/intelligence/testing/fixtures";
import { writeBriefWithFallback } from "./get-narrator";
import { writeGroundedBrief } from "./grounded-narrator";
import { createOpenAiNarrator } from "./openai-narrator";
import { chatCompletion, toModelAnswer } from "./testing/model-answers";
import { startOpenAiTestServer, type RecordedRequest, type TestReply } from "./testing/openai-test-server";

const facts = richFacts();
const grounded = writeGroundedBrief(facts);
const MODEL = "model:test-model";
const reword = (s: string) => (s.length > 40 ? `This week: ${s}` : s);
const validAnswer = () => structuredClone(toModelAnswer(grounded, facts, reword));

let server: Awaited<ReturnType<typeof startOpenAiTestServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function briefFrom(reply: (request: RecordedRequest) => TestReply, options: { timeoutMs?: number; maxRetries?: number } = {}) {
  server = await startOpenAiTestServer(reply);
  const narrator = createOpenAiNarrator({ apiKey: "test-key", baseURL: server.baseURL, model: "test-model", maxRetries: options.maxRetries ?? 0, timeoutMs: options.timeoutMs ?? 30_000 });
  const errors: unknown[] = [];
  const draft = await writeBriefWithFallback(facts, { narrator, onModelError: (e) => errors.push(e) });
  return { draft, errors, requests: server.requests };
}

const providers = (draft: Awaited<ReturnType<typeof briefFrom>>["draft"]) =>
  [draft.story, ...draft.insights, ...draft.predictions, ...draft.shadowPatterns, ...draft.strategicMoves].map((i) => i.provider);

describe("OpenAI-compatible provider against a real HTTP server", () => {
  it("a valid answer: the model's brief, guarded, with the facts in the prompt", async () => {
    const { draft, errors, requests } = await briefFrom(() => ({ json: chatCompletion(JSON.stringify(validAnswer())) }));
    expect(errors).toEqual([]);
    expect(draft.partial).toBe(false);
    expect(new Set(providers(draft))).toEqual(new Set([MODEL]));
    expect(draft.story.narrative.startsWith("This week: ")).toBe(true);
    expect(draft.predictions.map((p) => p.probability)).toEqual(facts.predictions.chosen.map((p) => p.probabilityPercent));
    expect(draft.strategicMoves).toHaveLength(5);

    expect(requests).toHaveLength(1);
    const [req] = requests;
    expect(req.url).toBe("/v1/chat/completions");
    expect(req.headers.authorization).toBe("Bearer test-key");
    expect(req.body.model).toBe("test-model");
    const format = req.body.response_format as { type: string; json_schema: { name: string; strict: boolean; schema: { properties: Record<string, unknown> } } };
    expect(format.type).toBe("json_schema");
    expect(format.json_schema.name).toBe("weekly_brief");
    expect(format.json_schema.strict).toBe(false);
    expect(Object.keys(format.json_schema.schema.properties)).toEqual(["story", "insights", "predictions", "shadowPatterns", "strategicMoves"]);
    const messages = req.body.messages as { role: string; content: string }[];
    expect(messages.map((m) => m.role)).toEqual(["system", "user"]);
    expect(messages[0].content).toContain("Do not diagnose");
    const payload = JSON.parse(messages[1].content.slice(messages[1].content.indexOf("{")));
    expect(payload.weekOf).toBe("2025-06-30");
    expect(payload.facts).toContainEqual({ metric: "week.tir_percent", label: "time in range 70–180 mg/dL, this week", value: 64, unit: "%", n: 7 });
    expect(payload.predictions.map((p: { predictionId: string }) => p.predictionId)).toEqual(facts.predictions.chosen.map((p) => p.templateId));
  });

  it("invalid JSON: the grounded brief, marked partial, the error logged", async () => {
    const { draft, errors } = await briefFrom(() => ({ json: chatCompletion("Here is your brief: {not json") }));
    expect(draft.partial).toBe(true);
    expect(draft.story.partial).toBe(true);
    expect(draft.fallbacks).toEqual([{ part: "brief", reason: "the model's answer was not valid JSON" }]);
    expect(new Set(providers(draft))).toEqual(new Set(["grounded"]));
    expect(draft.insights).toEqual(grounded.insights);
    expect(errors).toHaveLength(1);
    expect(isAppError(errors[0]) && errors[0].code).toBe("unavailable:ai");
    expect(isAppError(errors[0]) && errors[0].details).toMatchObject({ failure: "invalid_json", provider: MODEL });
  });

  it("HTTP 500: one request (maxRetries 0), then the grounded brief", async () => {
    const { draft, requests } = await briefFrom(() => ({ status: 500, json: { error: { message: "upstream exploded", type: "server_error" } } }));
    expect(requests).toHaveLength(1);
    expect(draft.partial).toBe(true);
    expect(draft.fallbacks).toEqual([{ part: "brief", reason: "the model endpoint answered with HTTP 500" }]);
    expect(draft.strategicMoves).toEqual(grounded.strategicMoves);
  });

  it("an answer slower than the timeout: the grounded brief (the server never answers)", async () => {
    const { draft, errors, requests } = await briefFrom(() => ({ hang: true }), { timeoutMs: 150 });
    expect(requests).toHaveLength(1);
    expect(draft.partial).toBe(true);
    expect(draft.fallbacks).toEqual([{ part: "brief", reason: "the model did not answer within 150 ms" }]);
    expect(isAppError(errors[0]) && errors[0].details).toMatchObject({ failure: "timeout", timeoutMs: 150 });
    expect(new Set(providers(draft))).toEqual(new Set(["grounded"]));
  });

  it("a made-up statistic: that item alone is replaced, the rest stays the model's", async () => {
    const answer = validAnswer();
    answer.insights[2].description = "Time in range reached 88 % on weekdays, a personal best.";
    answer.predictions[0].probability = 99;
    const { draft } = await briefFrom(() => ({ json: chatCompletion(JSON.stringify(answer)) }));
    expect(draft.partial).toBe(true);
    expect(draft.fallbacks).toEqual([{ part: "insights[2]", reason: 'states "88", not among the computed figures' }]);
    expect(draft.insights.map((i) => i.provider)).toEqual([MODEL, MODEL, "grounded", MODEL, MODEL]);
    expect(draft.predictions[0]).toMatchObject({ provider: MODEL, probability: facts.predictions.chosen[0].probabilityPercent });
    expect(draft.corrections).toContainEqual({ part: "predictions[0]", field: "probability", stated: 99, computed: facts.predictions.chosen[0].probabilityPercent });
  });

  it("JSON in a code fence that breaks the schema in one place: salvaged item by item", async () => {
    const answer = validAnswer();
    (answer.strategicMoves[0] as { priority: number }).priority = 12;
    const { draft } = await briefFrom(() => ({ json: chatCompletion("```json\n" + JSON.stringify(answer) + "\n```") }));
    expect(draft.fallbacks).toEqual([{ part: "strategicMoves[0]", reason: expect.stringMatching(/^does not fit the schema \(priority: /) }]);
    expect(draft.story.provider).toBe(MODEL);
    expect(draft.strategicMoves.filter((m) => m.provider === "grounded")).toHaveLength(1);
    expect(draft.strategicMoves).toHaveLength(5);
  });

  it("a server without structured outputs (HTTP 400 to json_schema): asked again in JSON mode", async () => {
    const { draft, requests } = await briefFrom((request) =>
      (request.body.response_format as { type: string }).type === "json_schema"
        ? { status: 400, json: { error: { message: "This response_format type is unavailable now", type: "invalid_request_error" } } }
        : { json: chatCompletion(JSON.stringify(validAnswer())) },
    );
    expect(requests.map((r) => (r.body.response_format as { type: string }).type)).toEqual(["json_schema", "json_object"]);
    const system = (requests[1].body.messages as { content: string }[])[0].content;
    expect(system).toContain("follows this JSON schema");
    expect(system).toContain('"strategicMoves"');
    expect(draft.partial).toBe(false);
    expect(new Set(providers(draft))).toEqual(new Set([MODEL]));
  });

  it("a cancelled workflow step is not turned into a fallback: the abort propagates", async () => {
    server = await startOpenAiTestServer(() => ({ hang: true }));
    const narrator = createOpenAiNarrator({ apiKey: "k", baseURL: server.baseURL, model: "test-model", maxRetries: 0, timeoutMs: 60_000 });
    const controller = new AbortController();
    const arrived = server.nextRequest();
    const pending = writeBriefWithFallback(facts, { narrator, signal: controller.signal, onModelError: () => {} });
    await arrived;
    controller.abort();
    await expect(pending).rejects.toMatchObject({ code: "unavailable:ai", details: { failure: "aborted" } });
  });

  it("an endpoint that is not listening: 'could not be reached'", async () => {
    const closed = await startOpenAiTestServer(() => ({ json: {} }));
    const baseURL = closed.baseURL;
    await closed.close();
    const narrator = createOpenAiNarrator({ apiKey: "k", baseURL, model: "test-model", maxRetries: 0 });
    const draft = await writeBriefWithFallback(facts, { narrator, onModelError: () => {} });
    expect(draft.fallbacks).toEqual([{ part: "brief", reason: "the model endpoint could not be reached" }]);
    expect(draft.insights).toEqual(grounded.insights);
  });
});
