import { describe, expect, it } from "vitest";
import { groundedGoalPlan, weeklyMinutes } from "./grounded-plan";
import { readBedtime, readMinutesPerSession, readTimesPerWeek } from "./plan-text";

describe("reading a goal's own numbers", () => {
  it.each([
    ["Run 3x a week", 3], ["run 3×/week", 3], ["Run 3 x per week", 3], ["swim three times a week", 3], ["yoga twice weekly", 2],
    ["walk 5 days a week", 5], ["gym once a week", 1], ["run 4x", 4], ["walk daily", 7], ["meditate every morning", 7], ["get fit", undefined],
  ])("%s → %s sessions a week", (text, times) => {
    expect(readTimesPerWeek(text)).toBe(times);
  });

  it.each([["30 minutes", 30], ["a 20-min walk", 20], ["half an hour", 30], ["an hour", 60], ["3x a week", undefined]])("%s → %s minutes", (text, minutes) => {
    expect(readMinutesPerSession(text)).toBe(minutes);
  });

  it.each([["sleep by 23:00", "23:00"], ["in bed by 11pm", "23:00"], ["in bed by 10:30", "22:30"], ["lights out before 12", "00:00"], ["sleep more", undefined]])("%s → %s", (text, clock) => {
    expect(readBedtime(text)).toBe(clock);
  });
});

describe("groundedGoalPlan", () => {
  it("run 3× a week: three 30-minute runs, milestones that repeat the number, one skip a week", () => {
    const plan = groundedGoalPlan({ title: "Run 3× a week" });
    expect(plan.provider).toBe("grounded");
    expect(plan.partial).toBe(false);
    expect(plan.habits[0]).toEqual({ title: "Run 30 minutes", schedule: { kind: "weekly", timesPerWeek: 3 }, skipBudgetPerWeek: 1, minutesPerSession: 30 });
    expect(plan.habits.every((h) => h.skipBudgetPerWeek === 1)).toBe(true);
    expect(plan.subgoals.map((s) => s.title)).toContain("Complete 3 runs in one week");
    expect(plan.subgoals.length).toBeGreaterThanOrEqual(2);
    expect(plan.subgoals.length).toBeLessThanOrEqual(4);
    expect(plan.summary).toBe('To reach "Run 3× a week", run 30 minutes 3 times a week and lay out your running kit the evening before a run day 3 times a week, about 90 minutes a week; each habit allows 1 skip a week so a busy day does not break your streak.');
  });

  it("a 120-minute budget stretches the runs to 40 minutes and says so", () => {
    const plan = groundedGoalPlan({ title: "Run 3x a week", theme: "fitness", constraints: { minutesPerWeek: 120 } });
    expect(plan.habits[0]).toMatchObject({ title: "Run 40 minutes", schedule: { kind: "weekly", timesPerWeek: 3 }, minutesPerSession: 40 });
    expect(weeklyMinutes(plan.habits)).toBe(120);
    expect(plan.summary).toContain("about 120 minutes a week within your 120-minute budget");
  });

  it("a daily walk after dinner, and with a 60-minute budget six 10-minute walks instead", () => {
    const daily = groundedGoalPlan({ title: "Walk after dinner every day" });
    expect(daily.habits).toEqual([{ title: "Walk 15 minutes after dinner", schedule: { kind: "daily" }, skipBudgetPerWeek: 1, minutesPerSession: 15 }]);

    const tight = groundedGoalPlan({ title: "Walk after dinner", constraints: { minutesPerWeek: 60 } });
    expect(tight.habits).toEqual([{ title: "Walk 10 minutes after dinner", schedule: { kind: "weekly", timesPerWeek: 6 }, skipBudgetPerWeek: 1, minutesPerSession: 10 }]);
  });

  it("the minutes budget is respected when the member named both the count and the length", () => {
    const plan = groundedGoalPlan({ title: "Run 4 times a week for 45 minutes", constraints: { minutesPerWeek: 100 } });
    expect(plan.habits[0].schedule).toEqual({ kind: "weekly", timesPerWeek: 4 });
    expect(plan.habits[0].minutesPerSession).toBe(25);
    expect(weeklyMinutes(plan.habits)).toBeLessThanOrEqual(100);
  });

  it.each([10, 25, 45, 200, 2000])("every plan fits a %i-minute budget", (minutesPerWeek) => {
    for (const title of ["Run 3× a week", "Walk daily", "Meditate", "Get stronger at the gym", "Lower my glucose", "Learn Spanish"]) {
      const plan = groundedGoalPlan({ title, constraints: { minutesPerWeek } });
      expect(weeklyMinutes(plan.habits), `${title} with ${minutesPerWeek} min`).toBeLessThanOrEqual(minutesPerWeek);
      expect(plan.habits.length).toBeGreaterThanOrEqual(1);
      expect(plan.habits.length).toBeLessThanOrEqual(3);
    }
  });

  it("a side habit over the budget gets fewer sessions before it is dropped", () => {
    const plan = groundedGoalPlan({ title: "Lower my glucose", constraints: { minutesPerWeek: 45 } });
    expect(plan.habits[1]).toEqual({ title: "Walk 10 minutes after your largest meal", schedule: { kind: "weekly", timesPerWeek: 4 }, skipBudgetPerWeek: 1, minutesPerSession: 10 });
  });

  it("days per week cap every habit: a daily walk on 3 days becomes 3 times a week", () => {
    const plan = groundedGoalPlan({ title: "Walk daily", constraints: { daysPerWeek: 3 } });
    expect(plan.habits[0].schedule).toEqual({ kind: "weekly", timesPerWeek: 3 });
  });

  it("sleep by 23:00: a daily bedtime with the member's own time", () => {
    const plan = groundedGoalPlan({ title: "Sleep by 23:00" });
    expect(plan.habits.map((h) => h.title)).toEqual(["Be in bed with the lights out by 23:00", "Put screens away 30 minutes before bed"]);
    expect(plan.habits[0]).toEqual({ title: "Be in bed with the lights out by 23:00", schedule: { kind: "daily" }, skipBudgetPerWeek: 1 });
    expect(plan.subgoals.map((s) => s.title)).toContain("Be in bed by 23:00 on 5 nights in one week");
  });

  it("cut sugary drinks, check glucose, and a walk-after-dinner goal that also mentions glucose", () => {
    expect(groundedGoalPlan({ title: "Cut sugary drinks" }).habits[0].title).toBe("Swap sugary drinks for water or unsweetened tea");
    expect(groundedGoalPlan({ title: "Check glucose twice a day" }).habits[0].title).toBe("Check and log your glucose before breakfast and before dinner");
    const walk = groundedGoalPlan({ title: "Walk after dinner to bring my glucose down" });
    expect(walk.habits.map((h) => h.title)).toEqual(["Walk 15 minutes after dinner", "Check and log your glucose before breakfast and before dinner"]);
    expect(walk.subgoals).toHaveLength(4);
  });

  it("the member's theme leads when the words match nothing, and a goal nothing matches gets a generic plan", () => {
    expect(groundedGoalPlan({ title: "Feel better", theme: "mindfulness" }).habits[0].title).toBe("Meditate for 10 minutes");
    const generic = groundedGoalPlan({ title: "Learn Spanish" });
    expect(generic.habits).toEqual([{ title: 'Spend 20 minutes on "Learn Spanish"', schedule: { kind: "weekly", timesPerWeek: 3 }, skipBudgetPerWeek: 1, minutesPerSession: 20 }]);
    expect(generic.subgoals.map((s) => s.title)).toEqual(['Write down what "done" looks like for "Learn Spanish"', "Block the sessions in your calendar", "Review your progress after 2 weeks"]);
  });
});
