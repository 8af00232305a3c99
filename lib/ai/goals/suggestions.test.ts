import { afterEach, describe, expect, it } from "vitest";
import { chatCompletion } from "../testing/model-answers";
import { startOpenAiTestServer, type TestReply } from "../testing/openai-test-server";
import { applicableChange, applyChangeToHabit, groundedAdjustment, proposePlanAdjustments } from "./suggestions";
import { adherenceWindow, goalSummary, habitSummary, memberSummary, strugglingRunner } from "./testing/fixtures";

const steadyGoal = goalSummary({ id: "goal-steady", title: "Walk after dinner" });
const summary = (() => {
  const s = strugglingRunner();
  const strongSwim = habitSummary({
    id: "habit-swim", goalId: "goal-swim", title: "Swim 30 minutes", schedule: { kind: "weekly", timesPerWeek: 2 },
    stats: { strength: 0.88, adherence: { d7: adherenceWindow(2, 2), d30: adherenceWindow(9, 9), d90: adherenceWindow(24, 26) } },
  });
  return { ...s, goals: [...s.goals, goalSummary({ id: "goal-swim", title: "Swim more", habits: [strongSwim] }), steadyGoal, goalSummary({ id: "goal-paused", status: "paused" })] };
})();

let server: Awaited<ReturnType<typeof startOpenAiTestServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("proposePlanAdjustments (grounded)", () => {
  it("one per active goal: struggling → fewer sessions, strong → one more, steady → keep", async () => {
    const adjustments = await proposePlanAdjustments(summary, { env: {} });
    expect(adjustments.map((a) => a.goalId)).toEqual(["goal-run", "goal-sleep", "goal-swim", "goal-steady"]);
    const [run, sleep, swim, steady] = adjustments;

    expect(run).toEqual({
      goalId: "goal-run",
      change: { kind: "reduce_frequency", habitId: "habit-run", timesPerWeek: 2 },
      title: '"Run 30 minutes": 2 times a week for now',
      rationale: '"Run 30 minutes" was done 1 of 3 (33 %) in the last 7 days. Aiming for 2 a week instead of 3 makes success the usual outcome again; you can step back up once it feels easy.',
      provider: "grounded",
    });
    // Strong, but already daily: nothing to increase.
    expect(sleep.change).toEqual({ kind: "keep" });
    expect(sleep.rationale).toBe("This goal's habits are on a steady course: 7 of 7 (100 %) done in the last 7 days. Keeping the plan as it is lets the routine settle.");
    expect(swim.change).toEqual({ kind: "increase_frequency", habitId: "habit-swim", timesPerWeek: 3 });
    expect(swim.rationale).toBe('"Swim 30 minutes" is solid: strength 0.88 and 9 of 9 (100 %) done over 30 days. One more session a week (3 instead of 2) builds on that.');
    expect(steady.change).toEqual({ kind: "keep" });
    expect(steady.rationale).toContain("4 of 7 (57 %) done in the last 7 days");
    expect(adjustments.filter(applicableChange).map((a) => a.change.kind)).toEqual(["reduce_frequency", "increase_frequency"]);
  });

  it("a struggling habit without skips gets one first; a once-a-week habit gets more skips; a goal without habits gets one", () => {
    const noSkip = goalSummary({ habits: [habitSummary({ skipBudgetPerWeek: 0, stats: { adherence: { d7: adherenceWindow(2, 7), d30: adherenceWindow(10, 30), d90: adherenceWindow(30, 90) } } })] });
    expect(groundedAdjustment(noSkip)).toMatchObject({ change: { kind: "raise_skip_budget", habitId: "habit-1", skipBudgetPerWeek: 1 }, title: 'Allow 1 skip a week for "Walk 15 minutes after dinner"' });

    const weekly = goalSummary({ habits: [habitSummary({ schedule: { kind: "weekly", timesPerWeek: 1 }, skipBudgetPerWeek: 1, stats: { adherence: { d7: adherenceWindow(0, 1), d30: adherenceWindow(1, 4), d90: adherenceWindow(5, 13) } } })] });
    expect(groundedAdjustment(weekly).change).toEqual({ kind: "raise_skip_budget", habitId: "habit-1", skipBudgetPerWeek: 2 });

    const empty = groundedAdjustment(goalSummary({ title: "Sleep by 23:00", theme: "sleep", habits: [] }));
    expect(empty.change).toEqual({ kind: "add_habit", habit: { title: "Be in bed with the lights out by 23:00", schedule: { kind: "daily" }, skipBudgetPerWeek: 1 } });
  });

  it("applyChangeToHabit turns a count into a schedule and keeps the rest", () => {
    const habit = { schedule: { kind: "weekly" as const, timesPerWeek: 3, weekdays: [1, 3, 5] }, skipBudgetPerWeek: 1 };
    expect(applyChangeToHabit(habit, { kind: "reduce_frequency", habitId: "h", timesPerWeek: 2 })).toEqual({ schedule: { kind: "weekly", timesPerWeek: 2 }, skipBudgetPerWeek: 1 });
    expect(applyChangeToHabit(habit, { kind: "increase_frequency", habitId: "h", timesPerWeek: 7 })).toEqual({ schedule: { kind: "daily" }, skipBudgetPerWeek: 1 });
    expect(applyChangeToHabit(habit, { kind: "raise_skip_budget", habitId: "h", skipBudgetPerWeek: 2 })).toEqual({ schedule: habit.schedule, skipBudgetPerWeek: 2 });
  });

  it("no active goal: no proposals and no model call", async () => {
    expect(await proposePlanAdjustments(memberSummary({ goals: [] }), { env: { OPENAI_API_KEY: "k", OPENAI_BASE_URL: "http://127.0.0.1:9/v1" } })).toEqual([]);
  });
});

describe("proposePlanAdjustments (model wording)", () => {
  async function withModel(reply: () => TestReply) {
    server = await startOpenAiTestServer(reply);
    const errors: unknown[] = [];
    const adjustments = await proposePlanAdjustments(summary, {
      env: { OPENAI_API_KEY: "test-key", OPENAI_BASE_URL: server.baseURL, OPENAI_MODEL: "test-model" },
      maxRetries: 0,
      onModelError: (e) => errors.push(e),
    });
    return { adjustments, errors, requests: server.requests };
  }

  it("the model rewords title and rationale; changes, ids and any new number stay grounded", async () => {
    const grounded = await proposePlanAdjustments(summary, { env: {} });
    const answer = {
      adjustments: [
        { goalId: "goal-run", title: "Make running lighter: 2 runs a week", rationale: "You ran 1 of 3 times this week (33 %). Two runs a week is a target you can hit.", change: { kind: "reduce_frequency", habitId: "habit-run", timesPerWeek: 1 } },
        { goalId: "goal-swim", title: "Add a swim", rationale: "Your swimming is at 9 of 9 over 30 days, so try 5 sessions a week." },
        { goalId: "goal-unknown", title: "Invented goal", rationale: "This goal does not exist at all." },
      ],
    };
    const { adjustments, requests } = await withModel(() => ({ json: chatCompletion(JSON.stringify(answer)) }));
    expect(adjustments[0]).toEqual({ ...grounded[0], title: answer.adjustments[0].title, rationale: answer.adjustments[0].rationale, provider: "model:test-model" });
    // "5 sessions" is not a number of the grounded suggestion: that rewording is refused.
    expect(adjustments[2]).toEqual(grounded[2]);
    expect(adjustments.slice(1)).toEqual(grounded.slice(1));
    const sent = JSON.parse((requests[0].body.messages as { content: string }[])[1].content);
    expect(sent.adjustments.map((a: { goalId: string }) => a.goalId)).toEqual(["goal-run", "goal-sleep", "goal-swim", "goal-steady"]);
  });

  it("model down: the grounded suggestions", async () => {
    const grounded = await proposePlanAdjustments(summary, { env: {} });
    const { adjustments, errors } = await withModel(() => ({ status: 500, json: { error: { message: "boom" } } }));
    expect(adjustments).toEqual(grounded);
    expect(errors).toHaveLength(1);
  });
});
