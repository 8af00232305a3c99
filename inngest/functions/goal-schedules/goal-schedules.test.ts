import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { DateTime } from "luxon";
import { openTestDatabase, testEngines } from "@/db/testing/test-database";
import type { DatabaseHandle } from "@/db/client";
import * as s from "@/db/schema";
import { withSystem, type Viewer } from "@/db/queries/context";
import { createAccount } from "@/db/queries/users";
import { createGoalFromPlan } from "@/db/queries/goals";
import { EmbeddedRunner } from "@/inngest/runner";
import { createMemoryLogger } from "@/inngest/runner/testing/runner-test-kit";
import { resetEnvForTests } from "@/lib/env";
import { monthLabel } from "@/lib/email/goal-emails";
import { goalScheduleWorkflows } from "./index";
import { DAILY_REMINDER, MONTHLY_REPORT, PLAN_SUGGESTIONS, previousMonth, scheduledInstant, TICK_MINUTES, WEEKLY_REVIEW } from "./local-time";

/**
 * The four goal schedules end to end: a cron tick through the embedded runner, the fan-out, the
 * per-member runs, and what they leave behind (notifications, outbox emails, plan suggestions).
 * The member lives in Kathmandu (+05:45), so every tick is a quarter-past one. The days are the
 * member's real recent days (the habits were "created" 90 days ago), because the goal statistics
 * read the last 100 days before now.
 */

const ZONE = "Asia/Kathmandu";
const HISTORY_DAYS = 75;

const today = DateTime.now().setZone(ZONE).startOf("day");
const day = (offset: number) => today.plus({ days: offset }).toISODate()!;
/** The latest local day on or before today with this ISO weekday. */
const latest = (weekday: number) => today.minus({ days: (today.weekday - weekday + 7) % 7 }).toISODate()!;

/** "Lights out" follows a 4-day pattern: done, missed, skipped, nothing logged. */
function lightsStatus(offset: number): "done" | "missed" | "skipped" | null {
  return (["done", "missed", "skipped", null] as const)[((offset % 4) + 4) % 4];
}

async function createMember(email: string, name: string, goals: { title: string; habit: string }[]): Promise<Viewer> {
  const account = await createAccount({ email, name, password: "a sturdy passphrase 7", timezone: ZONE });
  const viewer: Viewer = { userId: account.id, role: "patient" };
  for (const goal of goals) {
    await createGoalFromPlan(viewer, { title: goal.title }, {
      proposalId: crypto.randomUUID(),
      summary: "",
      provider: "grounded",
      partial: false,
      subgoals: [],
      habits: [{ title: goal.habit, schedule: { kind: "daily" }, skipBudgetPerWeek: 1 }],
    });
  }
  return viewer;
}

describe.each(testEngines())("goal schedules through the embedded runner on %s", (engine) => {
  let handle: DatabaseHandle;
  let outbox: string;
  let runner: EmbeddedRunner;
  let ada: Viewer;
  let quiet: Viewer;
  let sleepGoalId: string;
  const saved = { OUTBOX_DIR: process.env.OUTBOX_DIR, SMTP_URL: process.env.SMTP_URL, OPENAI_API_KEY: process.env.OPENAI_API_KEY, APP_URL: process.env.APP_URL };

  const emails = () =>
    fs.existsSync(outbox) ? fs.readdirSync(outbox).map((f) => JSON.parse(fs.readFileSync(path.join(outbox, f), "utf8")) as { to: string; subject: string; text: string; html: string }) : [];
  const notificationsOf = (viewer: Viewer) => withSystem((tx) => tx.select().from(s.notifications).where(eq(s.notifications.userId, viewer.userId)));
  const tick = async (functionId: string, at: Date) => {
    await runner.fireCron(functionId, at);
    await runner.runUntilIdle();
  };

  beforeAll(async () => {
    outbox = fs.mkdtempSync(path.join(os.tmpdir(), "proxima-goal-outbox-"));
    process.env.OUTBOX_DIR = outbox;
    process.env.APP_URL = "https://proxima.example/";
    delete process.env.SMTP_URL;
    delete process.env.OPENAI_API_KEY;
    resetEnvForTests();
    handle = await openTestDatabase(engine);
    runner = new EmbeddedRunner({ workflows: goalScheduleWorkflows, leaseMs: 30_000, logger: createMemoryLogger() });

    ada = await createMember("ada@example.com", "Ada Lovelace", [
      { title: "Move more", habit: "Walk 20 minutes" },
      { title: "Sleep better", habit: "Lights out by 23:00" },
    ]);
    quiet = await createMember("quiet@example.com", "Quiet", [{ title: "Read more", habit: "Read 10 pages" }]);
    // Someone in the same zone without a habit is never selected.
    await createAccount({ email: "idle@example.com", name: "Idle", password: "a sturdy passphrase 7", timezone: ZONE });

    await withSystem(async (tx) => {
      await tx.update(s.habits).set({ createdAt: today.minus({ days: 90 }).toJSDate() });
      await tx.update(s.userPreferences).set({ dailyReminders: false }).where(eq(s.userPreferences.userId, quiet.userId));
      const adaHabits = await tx.select().from(s.habits).where(eq(s.habits.userId, ada.userId));
      const walk = adaHabits.find((h) => h.title.startsWith("Walk"))!;
      const lights = adaHabits.find((h) => h.title.startsWith("Lights"))!;
      sleepGoalId = lights.goalId!;
      const rows: (typeof s.checkIns.$inferInsert)[] = [];
      for (let offset = -HISTORY_DAYS; offset <= -1; offset++) {
        rows.push({ userId: ada.userId, habitId: walk.id, day: day(offset), status: "done" });
        const status = lightsStatus(offset);
        if (status) rows.push({ userId: ada.userId, habitId: lights.id, day: day(offset), status });
      }
      await tx.insert(s.checkIns).values(rows);
    });
  });

  afterAll(async () => {
    await runner?.stop();
    await handle?.close();
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    resetEnvForTests();
    fs.rmSync(outbox, { recursive: true, force: true });
  });

  it("reminds at 07:00 local of the habits still open today, once, and never a member who turned reminders off", async () => {
    const at = scheduledInstant(DAILY_REMINDER, day(0), ZONE);
    expect(DateTime.fromJSDate(at, { zone: "utc" }).minute).toBe(15);
    await tick("goal-reminder-fanout", at);

    const reminders = (await notificationsOf(ada)).filter((n) => n.kind === "goal_reminder");
    expect(reminders).toHaveLength(1);
    expect(reminders[0]).toMatchObject({ title: "2 habits for today", dedupeKey: `reminder:${day(0)}` });
    expect(reminders[0].body).toContain(`Walk 20 minutes (${HISTORY_DAYS}-day streak)`);
    expect(await notificationsOf(quiet)).toHaveLength(0);

    const sent = emails();
    expect(sent).toHaveLength(1);
    expect(sent[0].to).toBe("ada@example.com");
    expect(sent[0].subject).toBe("2 habits for today");
    expect(sent[0].text).toContain("Hi Ada,");
    expect(sent[0].text).toContain(`- Walk 20 minutes (${HISTORY_DAYS}-day streak)`);
    expect(sent[0].text).toContain("- Lights out by 23:00");
    expect(sent[0].text).toContain("https://proxima.example/goals");

    // The same tick again, the next tick, and a duplicate event: nothing new anywhere.
    await tick("goal-reminder-fanout", at);
    await tick("goal-reminder-fanout", new Date(at.getTime() + TICK_MINUTES * 60_000));
    await runner.send("goals/reminder.requested", { userId: ada.userId, localDate: day(0) }, { idempotencyKey: "a-different-sender" });
    await runner.send("goals/reminder.requested", { userId: quiet.userId, localDate: day(0) });
    await runner.runUntilIdle();
    expect((await notificationsOf(ada)).filter((n) => n.kind === "goal_reminder")).toHaveLength(1);
    expect(await notificationsOf(quiet)).toHaveLength(0);
    expect(emails()).toHaveLength(1);
  });

  it("sends nothing at 07:00 when today's habits are already checked in", async () => {
    // Tomorrow's reminder as if both habits were already done for that day.
    await withSystem(async (tx) => {
      const adaHabits = await tx.select().from(s.habits).where(eq(s.habits.userId, ada.userId));
      await tx.insert(s.checkIns).values(adaHabits.map((h) => ({ userId: ada.userId, habitId: h.id, day: day(1), status: "done" as const })));
    });
    try {
      await tick("goal-reminder-fanout", scheduledInstant(DAILY_REMINDER, day(1), ZONE));
      expect((await notificationsOf(ada)).filter((n) => n.dedupeKey === `reminder:${day(1)}`)).toHaveLength(0);
    } finally {
      await withSystem((tx) => tx.delete(s.checkIns).where(and(eq(s.checkIns.userId, ada.userId), eq(s.checkIns.day, day(1)))));
    }
  });

  it("reviews last week on Monday 08:00 local: adherence per habit, best and weakest", async () => {
    const monday = latest(1);
    const before = emails().length;
    await tick("goal-weekly-review-fanout", scheduledInstant(WEEKLY_REVIEW, monday, ZONE));

    const reviews = (await notificationsOf(ada)).filter((n) => n.kind === "weekly_review");
    expect(reviews).toHaveLength(1);
    expect(reviews[0].dedupeKey).toBe(`weekly-review:${monday}`);
    expect(reviews[0].body).toContain("Strongest: Walk 20 minutes.");

    const sent = emails().filter((e) => e.subject.startsWith("Your week in review"));
    expect(sent.map((e) => e.to).sort()).toEqual(["ada@example.com", "quiet@example.com"]);
    const mine = sent.find((e) => e.to === "ada@example.com")!;
    const from = DateTime.fromISO(monday).minus({ days: 7 }).toISODate();
    const to = DateTime.fromISO(monday).minus({ days: 1 }).toISODate();
    expect(mine.subject).toBe(`Your week in review (${from} to ${to})`);
    expect(mine.text).toMatch(/- Walk 20 minutes: 100 %, \d+-day streak/);
    expect(mine.text).toMatch(/- Lights out by 23:00: \d+ %/);
    expect(mine.text).toContain("Your strongest habit was Walk 20 minutes. Lights out by 23:00 needed the most help.");
    // Quiet never checked in: no "best" habit, and the risk reasons say why.
    const quietReview = sent.find((e) => e.to === "quiet@example.com")!.text;
    expect(quietReview).toContain("Read 10 pages: 0 %");
    expect(quietReview).toContain("Worth a look:\n\n- No check-ins yet");
    expect(quietReview).not.toContain("strongest");

    await tick("goal-weekly-review-fanout", scheduledInstant(WEEKLY_REVIEW, monday, ZONE));
    expect((await notificationsOf(ada)).filter((n) => n.kind === "weekly_review")).toHaveLength(1);
    expect(emails()).toHaveLength(before + 2);
  });

  it("stores Wednesday's plan suggestions for the local week, skipping plans to keep, once", async () => {
    const wednesday = latest(3);
    const weekOf = DateTime.fromISO(wednesday).startOf("week").toISODate()!;
    await tick("goal-suggestions-fanout", scheduledInstant(PLAN_SUGGESTIONS, wednesday, ZONE));

    const rows = await withSystem((tx) => tx.select().from(s.planSuggestions).where(eq(s.planSuggestions.userId, ada.userId)));
    // "Move more" is on course (a "keep", not stored); "Sleep better" is made easier.
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ goalId: sleepGoalId, weekOf, status: "pending", provider: "grounded" });
    expect((rows[0].suggestion as { change: { kind: string } }).change.kind).not.toBe("keep");
    const notes = (await notificationsOf(ada)).filter((n) => n.kind === "plan_suggestions");
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ title: "New plan suggestions", dedupeKey: `suggestions:${weekOf}` });

    await tick("goal-suggestions-fanout", scheduledInstant(PLAN_SUGGESTIONS, wednesday, ZONE));
    expect(await withSystem((tx) => tx.select().from(s.planSuggestions).where(eq(s.planSuggestions.userId, ada.userId)))).toHaveLength(1);
    expect((await notificationsOf(ada)).filter((n) => n.kind === "plan_suggestions")).toHaveLength(1);
  });

  it("reports the previous month on the 1st at 09:00 local, with mood direction, once", async () => {
    const first = today.startOf("month").toISODate()!;
    const month = previousMonth(first);
    // Journal entries in the month's last two weeks: sadder, then happier.
    const monthEnd = DateTime.fromISO(month.to, { zone: ZONE }).set({ hour: 20 });
    await withSystem((tx) =>
      tx.insert(s.journalEntries).values([
        ...[10, 11, 12].map((back) => ({ userId: ada.userId, text: "Rough day.", sentiment: -0.6, createdAt: monthEnd.minus({ days: back }).toJSDate() })),
        ...[1, 2, 3].map((back) => ({ userId: ada.userId, text: "Good day.", sentiment: 0.6, createdAt: monthEnd.minus({ days: back }).toJSDate() })),
      ]),
    );

    await tick("goal-monthly-report-fanout", scheduledInstant(MONTHLY_REPORT, first, ZONE));

    // What ada logged in that month, counted the slow way.
    const counts = { done: 0, skipped: 0, missed: 0 };
    for (let offset = -HISTORY_DAYS; offset <= -1; offset++) {
      const d = day(offset);
      if (d < month.from || d > month.to) continue;
      counts.done += 1; // the walk, every day
      const status = lightsStatus(offset);
      if (status) counts[status] += 1;
    }
    const reports = (await notificationsOf(ada)).filter((n) => n.kind === "monthly_report");
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ dedupeKey: `monthly:${month.month}`, title: `Your goals in ${monthLabel(month.month)}` });
    expect(reports[0].body).toContain(`${counts.done} done, ${counts.skipped} skipped, ${counts.missed} missed.`);

    const mail = emails().find((e) => e.to === "ada@example.com" && e.subject === `Your goals in ${monthLabel(month.month)}`)!;
    expect(mail.text).toContain(`Your check-ins in ${monthLabel(month.month)}: ${counts.done} done, ${counts.skipped} skipped, ${counts.missed} missed.`);
    expect(mail.text).toContain("- Move more: 100 %");
    expect(mail.text).toMatch(/- Sleep better: \d+ %/);
    expect(mail.text).toMatch(/Longest streaks:\n\n- Walk 20 minutes: \d+-day streak/);
    expect(mail.text).toContain("Your journal's mood over the last two weeks of the month: improving.");

    const before = emails().length;
    await tick("goal-monthly-report-fanout", scheduledInstant(MONTHLY_REPORT, first, ZONE));
    expect((await notificationsOf(ada)).filter((n) => n.kind === "monthly_report")).toHaveLength(1);
    expect(emails()).toHaveLength(before);
  });
});
