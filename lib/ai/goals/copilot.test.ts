import { afterEach, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { chatCompletion } from "../testing/model-answers";
import { startOpenAiTestServer, type TestReply } from "../testing/openai-test-server";
import { answerCopilotQuestion, validateCopilotQuestion } from "./copilot";
import { detectCopilotIntent, groundedCopilotAnswer } from "./copilot-grounded";
import { buildGoalContext } from "./goal-context";
import { decliningMood, strugglingRunner } from "./testing/fixtures";

const mentee = strugglingRunner();
const glucose = { tirPercent: 68, meanMgdl: 151, gmi: 6.9, days: 14 };

let server: Awaited<ReturnType<typeof startOpenAiTestServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function askModel(reply: () => TestReply, extra: { glucose?: typeof glucose } = {}) {
  server = await startOpenAiTestServer(reply);
  const errors: unknown[] = [];
  const result = await answerCopilotQuestion({
    question: "How is Sarah doing?",
    mentee,
    ...extra,
    env: { OPENAI_API_KEY: "test-key", OPENAI_BASE_URL: server.baseURL, OPENAI_MODEL: "test-model" },
    maxRetries: 0,
    onModelError: (e) => errors.push(e),
  });
  return { result, errors, requests: server.requests };
}

describe("answerCopilotQuestion", () => {
  it("contextUsed holds exactly the data given: no glucose or journal unless passed", async () => {
    const bare = await answerCopilotQuestion({ question: "How is Sarah doing?", mentee, env: {} });
    expect(bare.provider).toBe("grounded");
    expect(Object.keys(bare.contextUsed)).toEqual(["mentee"]);
    expect(bare.contextUsed.mentee).toEqual({ name: "Sarah Example", ...buildGoalContext(mentee) });
    expect(bare.answer).not.toMatch(/glucose|time in range/i);

    const full = await answerCopilotQuestion({
      question: "How is Sarah doing?", mentee, mood: decliningMood(), glucose,
      sharedJournal: [{ day: "2025-07-07", text: "Long day at work." }, { day: "2025-07-08", text: "Too tired to run." }],
      env: {},
    });
    expect(Object.keys(full.contextUsed)).toEqual(["mentee", "mood", "glucose", "sharedJournal"]);
    expect(full.contextUsed.glucose).toEqual(glucose);
    expect(full.contextUsed.sharedJournal).toEqual([{ day: "2025-07-08", text: "Too tired to run." }, { day: "2025-07-07", text: "Long day at work." }]);
    expect(full.answer).toContain("Glucose over 14 days: 68 % time in range, mean 151 mg/dL.");
  });

  it("gives check-in notes (free text) only when the mentee shares the journal; day, habit and status always", async () => {
    const noted = { ...mentee, recentCheckIns: [{ day: "2025-07-08", habitId: "habit-run", habitTitle: "Run 30 minutes", status: "skipped" as const, note: "Knee hurt after the argument at home" }] };
    const checkIns = (r: { contextUsed: Record<string, unknown> }) => (r.contextUsed.mentee as { recentCheckIns: unknown[] }).recentCheckIns;

    const withoutConsent = await answerCopilotQuestion({ question: "How is Sarah doing?", mentee: noted, env: {} });
    expect(checkIns(withoutConsent)).toEqual([{ day: "2025-07-08", habit: "Run 30 minutes", status: "skipped" }]);
    expect(JSON.stringify(withoutConsent.contextUsed)).not.toContain("Knee hurt");

    const withConsent = await answerCopilotQuestion({ question: "How is Sarah doing?", mentee: noted, checkInNotes: true, env: {} });
    expect(checkIns(withConsent)).toEqual([{ day: "2025-07-08", habit: "Run 30 minutes", status: "skipped", note: "Knee hurt after the argument at home" }]);
  });

  it("the grounded copilot answers the common mentor questions from the summary", () => {
    const ask = (question: string) => groundedCopilotAnswer({ question, mentee, mood: decliningMood() });
    expect(detectCopilotIntent("Which habit is she struggling with most?")).toBe("struggle");
    expect(ask("How is Sarah doing?")).toBe(
      "Sarah is in need of some attention (risk score 46). Adherence over the last 7 days: 8 of 10 (80 %); over 30 days: 32 of 42 (76 %). "
      + '30-day completion: 74 %. Last check-in: today. Best running streak: "Be in bed by 23:00", 12 days. '
      + "Flags: Run 30 minutes: 1 of 3 this week; No run for 5 days. Journal mood is declining.",
    );
    expect(ask("Why is she at risk?")).toBe("Sarah's risk is medium (score 46 of 100) because: Run 30 minutes: 1 of 3 this week; No run for 5 days. 7-day adherence is 8 of 10 (80 %).");
    expect(ask("Which habit is she struggling with most?")).toBe(
      '"Run 30 minutes" struggles most: 1 of 3 (33 %) done in the last 7 days and 5 of 12 (42 %) over 30 days, strength 0.31, no current streak, 1 skip left this week. '
      + "A smaller target (fewer sessions a week or a shorter session) is worth discussing.",
    );
    expect(ask("What should I talk about in our next session?")).toBe(
      'Talking points for Sarah: 1) celebrate 12 days of "Be in bed by 23:00"; 2) ask what gets in the way of "Run 30 minutes" (1 of 3 (33 %) in 7 days) and whether a smaller target would help; '
      + '3) ask how they are feeling: the journal mood is declining; 4) agree on the next milestone of "Run a 5k": "Run 3 times in one week".',
    );
    expect(ask("How is her glucose?")).toMatch(/^Sarah has not shared glucose data with you/);
  });

  it("a model answer that sticks to the data is returned, with the context as the prompt", async () => {
    const answer = "Sarah kept her bedtime for 12 days, but managed 1 of 3 runs this week. Ask what got in the way of running.";
    const { result, requests } = await askModel(() => ({ json: chatCompletion(answer) }), { glucose });
    expect(result).toMatchObject({ answer, provider: "model:test-model" });
    const prompt = (requests[0].body.messages as { content: string }[])[1].content;
    expect(prompt).toContain(JSON.stringify(result.contextUsed));
    expect(prompt.endsWith("How is Sarah doing?")).toBe(true);
  });

  it("a model answer with an invented number or dosing advice gives the grounded answer", async () => {
    const invented = await askModel(() => ({ json: chatCompletion("Sarah's adherence dropped 23 % since May.") }));
    expect(invented.result.provider).toBe("grounded");
    expect(invented.result.fallbackReason).toBe('the model\'s answer was set aside: states "23", not among the member\'s figures');
    expect(invented.result.answer).toBe(groundedCopilotAnswer({ question: "How is Sarah doing?", mentee }));
    await server?.close();
    const dosing = await askModel(() => ({ json: chatCompletion("She should reduce her insulin on run days.") }));
    expect(dosing.result.provider).toBe("grounded");
  });

  it("model down: the grounded answer with the reason", async () => {
    const { result } = await askModel(() => ({ status: 503, json: { error: { message: "overloaded" } } }));
    expect(result).toMatchObject({ provider: "grounded", fallbackReason: "the model endpoint answered with HTTP 503" });
  });

  it("the question must be 1 to 1,000 characters", async () => {
    expect(() => validateCopilotQuestion("   ")).toThrow(new AppError("bad_request:copilot", "Type a question about your mentee first."));
    expect(() => validateCopilotQuestion("x".repeat(1_001))).toThrow("Keep the question to 1,000 characters (it has 1,001).");
    await expect(answerCopilotQuestion({ question: "", mentee, env: {} })).rejects.toMatchObject({ code: "bad_request:copilot" });
  });
});

describe("grounded copilot and the journal", () => {
  it("says the journal is not shared rather than that there is too little of it", () => {
    expect(groundedCopilotAnswer({ question: "How is her mood?", mentee, mood: null })).toContain("has not shared the journal with you");
    expect(groundedCopilotAnswer({ question: "How is her mood?", mentee, mood: { ...decliningMood(), direction: "unknown" } })).toContain("not enough journal data");
  });
});
