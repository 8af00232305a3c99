import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { resetEnvForTests } from "@/lib/env";
import { useTemporaryOutbox } from "./testing/temporary-outbox";
import { composeGoalReminderEmail, composeMonthlyReportEmail, composeWeeklyReviewEmail, describeStreak, goalsPageUrl, monthLabel, type WeeklyReviewDigest } from "./goal-emails";
import { sendEmail } from "./send-email";

describe("goal emails", () => {
  useTemporaryOutbox();

  it("links to /goals on APP_URL, or on the local server without one", () => {
    expect(goalsPageUrl()).toBe("http://localhost:3000/goals");
    process.env.APP_URL = "https://proxima.example//";
    resetEnvForTests();
    expect(goalsPageUrl()).toBe("https://proxima.example/goals");
  });

  it("lists today's habits with their streaks, escaping the member's words in HTML", async () => {
    const msg = composeGoalReminderEmail({
      to: "ada@example.org",
      name: "Ada Lovelace",
      localDate: "2026-11-23",
      habits: [
        { title: "Walk <20> minutes", streak: 12, streakUnit: "day" },
        { title: "Swim\r\nBcc: x", streak: 0, streakUnit: "week" },
      ],
    });
    expect(msg.subject).toBe("2 habits for today");
    expect(msg.text).toContain("Hi Ada,");
    expect(msg.text).toContain("today, 2026-11-23:");
    expect(msg.text).toContain("- Walk <20> minutes (12-day streak)");
    expect(msg.text).toContain("- Swim Bcc: x (no streak yet)");
    expect(msg.text).toContain("Open your goals: http://localhost:3000/goals");
    expect(msg.html).toContain("<li>Walk &lt;20&gt; minutes (12-day streak)</li>");
    expect(msg.html).not.toContain("<20>");
    expect(msg.html).toContain('<a href="http://localhost:3000/goals">');
    const sent = await sendEmail(msg);
    const written = JSON.parse(fs.readFileSync(sent.file!, "utf8"));
    expect(written).toMatchObject({ to: "ada@example.org", subject: "2 habits for today" });
    expect(composeGoalReminderEmail({ to: "a@example.org", name: null, localDate: "2026-11-23", habits: [{ title: "Walk", streak: 3, streakUnit: "week" }] })).toMatchObject({
      subject: "1 habit for today",
      text: expect.stringContaining("Hi,\n\n"),
    });
  });

  it("reviews a week: per-habit adherence and streaks, highlights, and what to look at", () => {
    const review: WeeklyReviewDigest = {
      from: "2026-11-16",
      to: "2026-11-22",
      adherencePercent: 71,
      habits: [
        { title: "Walk", adherencePercent: 100, currentStreak: 9, streakUnit: "day" },
        { title: "Stretch", adherencePercent: 43, currentStreak: 0, streakUnit: "day" },
        { title: "Swim", adherencePercent: null, currentStreak: 2, streakUnit: "week" },
      ],
      best: "Walk",
      weakest: "Stretch",
      riskReasons: ["4 misses in the last 7 days"],
    };
    const msg = composeWeeklyReviewEmail({ to: "ada@example.org", name: "Ada", review, url: "https://p.example/goals" });
    expect(msg.subject).toBe("Your week in review (2026-11-16 to 2026-11-22)");
    expect(msg.text).toContain("you kept 71 % of what was planned.");
    expect(msg.text).toContain("- Walk: 100 %, 9-day streak\n- Stretch: 43 %, no streak yet\n- Swim: nothing was due, 2-week streak");
    expect(msg.text).toContain("Your strongest habit was Walk. Stretch needed the most help.");
    expect(msg.text).toContain("Worth a look:\n\n- 4 misses in the last 7 days");
    const quiet = composeWeeklyReviewEmail({ to: "ada@example.org", name: "Ada", review: { ...review, adherencePercent: null, best: null, weakest: null, riskReasons: [] } });
    expect(quiet.text).toContain("2026-11-22: nothing was due.");
    expect(quiet.text).not.toContain("strongest");
    expect(quiet.text).not.toContain("Worth a look");
  });

  it("reports a month: check-ins, adherence per goal, longest streaks and mood when known", () => {
    const report = {
      month: "2026-10",
      checkIns: { done: 40, skipped: 3, missed: 5 },
      adherencePercent: 82,
      goals: [{ title: "Move more", adherencePercent: 90, done: 28, skipped: 1, missed: 2 }],
      longestStreaks: [
        { title: "Walk", longestStreak: 21, streakUnit: "day" as const },
        { title: "Swim", longestStreak: 0, streakUnit: "week" as const },
      ],
      mood: "improving" as const,
    };
    const msg = composeMonthlyReportEmail({ to: "ada@example.org", name: "Ada", report });
    expect(msg.subject).toBe("Your goals in October 2026");
    expect(msg.text).toContain("Your check-ins in October 2026: 40 done, 3 skipped, 5 missed. You kept 82 % of your plan.");
    expect(msg.text).toContain("- Move more: 90 % (28 done, 1 skipped, 2 missed)");
    expect(msg.text).toContain("Longest streaks:\n\n- Walk: 21-day streak");
    expect(msg.text).not.toContain("Swim");
    expect(msg.text).toContain("mood over the last two weeks of the month: improving.");
    const noMood = composeMonthlyReportEmail({ to: "ada@example.org", name: "Ada", report: { ...report, mood: null, adherencePercent: null, longestStreaks: [] } });
    expect(noMood.text).not.toContain("mood");
    expect(noMood.text).not.toContain("Longest");
    expect(noMood.text).toContain("5 missed.\n");
  });

  it("formats streaks and months", () => {
    expect(describeStreak(1, "day")).toBe("1-day streak");
    expect(describeStreak(3, "week")).toBe("3-week streak");
    expect(describeStreak(0, "day")).toBe("no streak yet");
    expect(monthLabel("2027-01")).toBe("January 2027");
  });
});
