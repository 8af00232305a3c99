import { describe, expect, it } from "vitest";
import { findForbiddenClaim } from "../guard/forbidden-claims";
import { detectCoachIntent, groundedCoachReply } from "./coach-grounded";
import { decliningMood, memberSummary, strugglingRunner } from "./testing/fixtures";

const summary = strugglingRunner();
const reply = (message: string, mood = decliningMood()) => groundedCoachReply({ summary, mood, message });

describe("groundedCoachReply", () => {
  it.each([
    ["Should I change my insulin before a run?", "medical"],
    ["How long is my streak?", "streak"],
    ["I missed two runs this week", "missed"],
    ["What should I do today?", "plan"],
    ["I feel so unmotivated", "motivation"],
    ["How is my progress?", "progress"],
    ["help", "help"],
    ["hello", "status"],
  ])("%s → %s", (message, intent) => {
    expect(detectCoachIntent(message)).toBe(intent);
  });

  it("streaks: the longest current one, its skips left, and every habit's current and longest streak", () => {
    expect(reply("How's my streak going?")).toBe(
      'Your longest current streak is "Be in bed by 23:00" at 12 days. You have 1 skip left this week for it, so a planned skip will not break it. '
      + '"Run 30 minutes": no current streak (longest 2 weeks); "Be in bed by 23:00": a 12-day streak (longest 19 days). '
      + 'Start with "Run 30 minutes" today: even a shorter version counts, and checking it in keeps the rhythm going.',
    );
  });

  it("a missed day: the struggling habit's 7-day adherence, the skip budget and the risk reasons", () => {
    const text = reply("I skipped my run again");
    expect(text).toContain('The hardest habit this week is "Run 30 minutes": done 1 of 3 (33 %) in the last 7 days.');
    expect(text).toContain("You still have 1 skip left this week");
    expect(text).toContain("What stands out: Run 30 minutes: 1 of 3 this week; No run for 5 days.");
  });

  it("what to do today: open and done habits, the next milestone with its count", () => {
    const text = reply("what's next?");
    expect(text).toContain('Still open today: "Run 30 minutes".');
    expect(text).toContain('Already done: "Be in bed by 23:00".');
    expect(text).toContain('Next milestone for "Run a 5k": "Run 3 times in one week" (1 of 2 done).');
  });

  it("motivation: reads the journal mood gently and cites the streak and the 30-day completion", () => {
    const text = reply("I feel tired of all this");
    expect(text).toContain("Your journal has sounded heavier this week");
    expect(text).toContain('You have kept "Be in bed by 23:00" going for 12 days.');
    expect(text).toContain("Over 30 days you completed 74 % of your check-ins.");
  });

  it("progress: 7- and 30-day adherence with done/due, completion, milestones and risk", () => {
    const text = reply("How am I doing?");
    expect(text).toContain("In the last 7 days you checked in 8 of 10 (80 %) of the habits that were due.");
    expect(text).toContain("Over 30 days: 32 of 42 (76 %) done.");
    expect(text).toContain("Completion over 30 days is 74 %.");
    expect(text).toContain('"Run a 5k": 1 of 2 milestones done.');
  });

  it("the default: today's due habits, the week's adherence and one concrete suggestion", () => {
    expect(reply("hi")).toBe('Due today: "Run 30 minutes". Last 7 days: 8 of 10 (80 %) done. Start with "Run 30 minutes" today: even a shorter version counts, and checking it in keeps the rhythm going.');
  });

  it("never medical advice: a dosing question is sent to the care team", () => {
    const text = reply("Should I take more metformin so I can skip the walk?");
    expect(text.startsWith("I can't advise on medication, doses or what a symptom means: please ask your care team")).toBe(true);
    for (const message of ["streak", "missed", "today", "feel", "progress", "help", "hi", "insulin"]) {
      expect(findForbiddenClaim(reply(message)), message).toBeNull();
    }
  });

  it("a member without active habits is pointed to the Goals page", () => {
    expect(groundedCoachReply({ summary: memberSummary({ goals: [] }), message: "streak?" })).toBe(
      "You have no active habit to check in on yet. Set up one goal with a single small habit on the Goals page; one habit you keep beats three you drop.",
    );
  });
});
