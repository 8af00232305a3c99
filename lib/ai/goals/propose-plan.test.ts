import { afterEach, describe, expect, it } from "vitest";
import { isAppError } from "@/lib/errors";
import type { GoalRequest } from "@/lib/goals/types";
import { chatCompletion } from "../testing/model-answers";
import { startOpenAiTestServer, type RecordedRequest, type TestReply } from "../testing/openai-test-server";
import { groundedGoalPlan } from "./grounded-plan";
import { proposeGoalPlan } from "./propose-plan";

const request: GoalRequest = { title: "Run 3× a week", theme: "fitness", constraints: { minutesPerWeek: 120, daysPerWeek: 4 } };
const grounded = groundedGoalPlan(request);

const modelPlan = () => ({
  summary: "Three easy runs a week, building up to a steady 5k rhythm.",
  subgoals: [{ title: "Map a 3 km loop near home" }, { title: "Run three times in one week" }, { title: "Repeat that for a month" }],
  habits: [
    { title: "Easy run, 30 minutes", schedule: { kind: "weekly", timesPerWeek: 3 }, skipBudgetPerWeek: 1, minutesPerSession: 30 },
    { title: "Stretch after each run", schedule: { kind: "weekly", timesPerWeek: 3 }, skipBudgetPerWeek: 1, minutesPerSession: 5 },
  ],
});

let server: Awaited<ReturnType<typeof startOpenAiTestServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function planFrom(reply: (r: RecordedRequest) => TestReply, options: { timeoutMs?: number } = {}) {
  server = await startOpenAiTestServer(reply);
  const errors: unknown[] = [];
  const plan = await proposeGoalPlan(request, {
    env: { OPENAI_API_KEY: "test-key", OPENAI_BASE_URL: server.baseURL, OPENAI_MODEL: "test-model" },
    maxRetries: 0,
    timeoutMs: options.timeoutMs ?? 30_000,
    onModelError: (e) => errors.push(e),
  });
  return { plan, errors, requests: server.requests };
}

describe("proposeGoalPlan", () => {
  it("without a key: the grounded plan and no request", async () => {
    expect(await proposeGoalPlan(request, { env: {} })).toEqual(grounded);
  });

  it("a valid model plan is accepted as it is, asked for with a json_schema and the member's constraints", async () => {
    const { plan, errors, requests } = await planFrom(() => ({ json: chatCompletion(JSON.stringify(modelPlan())) }));
    expect(errors).toEqual([]);
    expect(plan).toEqual({ ...modelPlan(), provider: "model:test-model", partial: false });
    expect(requests).toHaveLength(1);
    const format = requests[0].body.response_format as { type: string; json_schema: { name: string } };
    expect(format).toMatchObject({ type: "json_schema", json_schema: { name: "goal_plan" } });
    const messages = requests[0].body.messages as { role: string; content: string }[];
    expect(messages[0].content).toContain("never give medication");
    expect(JSON.parse(messages[1].content.slice(messages[1].content.indexOf("{")))).toEqual(request);
  });

  it("an invalid model plan is repaired item by item from the grounded plan", async () => {
    const answer = modelPlan();
    answer.habits[1].schedule.timesPerWeek = 12;
    answer.subgoals[1].title = "x".repeat(150);
    (answer.habits as unknown[]).push(
      { title: "Increase your insulin dose before runs", schedule: { kind: "daily" }, skipBudgetPerWeek: 1 },
    );
    const { plan, errors } = await planFrom(() => ({ json: chatCompletion(JSON.stringify(answer)) }));
    expect(errors).toEqual([]);
    expect(plan.provider).toBe("model:test-model");
    expect(plan.partial).toBe(true);
    expect(plan.habits).toEqual([modelPlan().habits[0], grounded.habits[1]]);
    expect(plan.subgoals).toEqual([answer.subgoals[0], grounded.subgoals[1], answer.subgoals[2]]);
    expect(plan.fallbackReason).toContain("habit 2 does not fit the plan's rules (schedule.timesPerWeek: timesPerWeek is above 7)");
    expect(plan.fallbackReason).toContain("habit 3 gives medication or dosing advice");
    expect(plan.fallbackReason).toContain("subgoal 2 does not fit the plan's rules (title: is longer than 120 characters)");
  });

  it("habits over the member's minutes or days are replaced by the grounded habits", async () => {
    const answer = modelPlan();
    answer.habits[0].minutesPerSession = 60;
    const { plan } = await planFrom(() => ({ json: chatCompletion(JSON.stringify(answer)) }));
    expect(plan.habits).toEqual(grounded.habits);
    expect(plan.partial).toBe(true);
    expect(plan.fallbackReason).toBe("Parts of the plan were replaced: the habits needed 195 minutes a week, over the 120-minute budget.");

    const daily = modelPlan();
    daily.habits[1].schedule = { kind: "daily" } as never;
    const second = await planFrom(() => ({ json: chatCompletion(JSON.stringify(daily)) }));
    expect(second.plan.habits).toEqual([daily.habits[0], grounded.habits[1]]);
    expect(second.plan.fallbackReason).toContain("habit 2 asks for 7 days a week, more than the 4 the member can give");
  });

  it("too many habits and subgoals are cut to 5 and 6", async () => {
    const answer = modelPlan();
    answer.habits = Array.from({ length: 7 }, (_, i) => ({ title: `Habit number ${i + 1}`, schedule: { kind: "weekly", timesPerWeek: 1 }, skipBudgetPerWeek: 1, minutesPerSession: 5 }));
    answer.subgoals = Array.from({ length: 9 }, (_, i) => ({ title: `Milestone ${i + 1}` }));
    const { plan } = await planFrom(() => ({ json: chatCompletion(JSON.stringify(answer)) }));
    expect(plan.habits).toHaveLength(5);
    expect(plan.subgoals).toHaveLength(6);
    expect(plan.fallbackReason).toBe("Parts of the plan were replaced: the model proposed 7 habits (at most 5); the model proposed 9 subgoals (at most 6).");
  });

  it("HTTP 500: one request, then the grounded plan, partial, with the reason", async () => {
    const { plan, errors, requests } = await planFrom(() => ({ status: 500, json: { error: { message: "boom", type: "server_error" } } }));
    expect(requests).toHaveLength(1);
    expect(plan).toEqual({ ...grounded, partial: true, fallbackReason: "the model endpoint answered with HTTP 500" });
    expect(isAppError(errors[0]) && errors[0].details).toMatchObject({ failure: "http_error", statusCode: 500, provider: "model:test-model" });
  });

  it("a model slower than the timeout: the grounded plan, partial, with the reason", async () => {
    const { plan, errors } = await planFrom(() => ({ hang: true }), { timeoutMs: 150 });
    expect(plan).toEqual({ ...grounded, partial: true, fallbackReason: "the model did not answer within 150 ms" });
    expect(isAppError(errors[0]) && errors[0].code).toBe("unavailable:ai");
  });

  it("text that is not JSON: the grounded plan, partial", async () => {
    const { plan } = await planFrom(() => ({ json: chatCompletion("Sure! Here is a plan: run a lot.") }));
    expect(plan).toEqual({ ...grounded, partial: true, fallbackReason: "the model's answer was not valid JSON" });
  });

  it("the caller's cancellation is rethrown, not hidden behind a fallback", async () => {
    server = await startOpenAiTestServer(() => ({ hang: true }));
    const controller = new AbortController();
    const pending = proposeGoalPlan(request, { env: { OPENAI_API_KEY: "k", OPENAI_BASE_URL: server.baseURL }, maxRetries: 0, signal: controller.signal, onModelError: () => {} });
    await server.nextRequest();
    controller.abort();
    await expect(pending).rejects.toThrow();
  });
});
