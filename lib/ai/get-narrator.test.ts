import { afterEach, describe, expect, it } from "vitest";
import { oneDayFacts } from "@/lib/intelligence/testing/fixtures";
import { getNarrator, writeBriefWithFallback } from "./get-narrator";
import { writeGroundedBrief } from "./grounded-narrator";
import { chatCompletion, toModelAnswer } from "./testing/model-answers";
import { startOpenAiTestServer } from "./testing/openai-test-server";

let server: Awaited<ReturnType<typeof startOpenAiTestServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("getNarrator", () => {
  it("grounded without OPENAI_API_KEY; the model (default gpt-4o-mini) with it", () => {
    expect(getNarrator({ OPENAI_API_KEY: undefined, OPENAI_BASE_URL: undefined, OPENAI_MODEL: undefined }).provider).toBe("grounded");
    expect(getNarrator({ OPENAI_API_KEY: "sk-x", OPENAI_BASE_URL: undefined, OPENAI_MODEL: undefined }).provider).toBe("model:gpt-4o-mini");
    expect(getNarrator({ OPENAI_API_KEY: "sk-x", OPENAI_BASE_URL: "https://api.deepseek.com/v1", OPENAI_MODEL: "deepseek-chat" }).provider).toBe("model:deepseek-chat");
  });

  it("OPENAI_BASE_URL and OPENAI_MODEL reach the endpoint", async () => {
    const facts = oneDayFacts();
    const answer = toModelAnswer(writeGroundedBrief(facts), facts);
    server = await startOpenAiTestServer(() => ({ json: chatCompletion(JSON.stringify(answer), "llama3.1") }));
    const narrator = getNarrator({ OPENAI_API_KEY: "ollama", OPENAI_BASE_URL: server.baseURL, OPENAI_MODEL: "llama3.1" });
    const draft = await writeBriefWithFallback(facts, { narrator, onModelError: () => {} });
    expect(server.requests.map((r) => r.body.model)).toEqual(["llama3.1"]);
    expect(draft.story.provider).toBe("model:llama3.1");
    expect(draft.partial).toBe(false);
  });

  it("the grounded narrator is used as is, never marked partial", async () => {
    const facts = oneDayFacts();
    const draft = await writeBriefWithFallback(facts, { narrator: getNarrator({ OPENAI_API_KEY: undefined, OPENAI_BASE_URL: undefined, OPENAI_MODEL: undefined }) });
    expect(draft).toEqual(writeGroundedBrief(facts));
    expect(draft.partial).toBe(false);
  });
});
