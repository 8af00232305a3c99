import { getEnv } from "@/lib/env";
import type { EmailMessage } from "./send-email";

/**
 * The goal schedules' emails (inngest/functions/goal-schedules): the 07:00 reminder, the Monday
 * review and the monthly report. They go to the member themself, so unlike the share-link email
 * they carry the member's habit titles and adherence; still nothing clinical (no glucose figures),
 * and every one ends with the link to /goals, where the member acts. Text and HTML say the same.
 */

export type StreakUnit = "day" | "week";

export type ReminderHabit = { title: string; streak: number; streakUnit: StreakUnit };

export type ReviewHabit = { title: string; adherencePercent: number | null; currentStreak: number; streakUnit: StreakUnit };

export type WeeklyReviewDigest = {
  /** The reviewed week's Monday and Sunday (local days). */
  from: string;
  to: string;
  adherencePercent: number | null;
  habits: ReviewHabit[];
  best: string | null;
  weakest: string | null;
  riskReasons: string[];
};

export type MonthlyReportDigest = {
  /** "YYYY-MM" of the reported month. */
  month: string;
  checkIns: { done: number; skipped: number; missed: number };
  adherencePercent: number | null;
  goals: { title: string; adherencePercent: number | null; done: number; skipped: number; missed: number }[];
  longestStreaks: { title: string; longestStreak: number; streakUnit: StreakUnit }[];
  /** The journal's mood direction over the month's last two weeks, null without entries. */
  mood: "improving" | "steady" | "declining" | null;
};

/** Where the member manages goals: APP_URL (the public address) or the local development server. */
export function goalsPageUrl(): string {
  const base = (getEnv().APP_URL ?? "http://localhost:3000").replace(/\/+$/, "");
  return `${base}/goals`;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** Habit titles are the member's words: one line each, bounded, in text and (escaped) in HTML. */
const oneLine = (s: string) => s.replace(/[\r\n]+/g, " ").trim().slice(0, 120);

const greeting = (name: string | null) => {
  const first = name ? oneLine(name).split(" ")[0] : "";
  return first ? `Hi ${first},` : "Hi,";
};

export function describeStreak(streak: number, unit: StreakUnit): string {
  if (streak <= 0) return "no streak yet";
  return `${streak}-${unit} streak`;
}

const percent = (p: number | null) => (p === null ? "nothing was due" : `${p} %`);

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "2026-10" → "October 2026". */
export function monthLabel(month: string): string {
  const [year, m] = month.split("-").map(Number);
  return `${MONTHS[m - 1]} ${year}`;
}

function htmlList(items: string[]): string {
  return `<ul>\n${items.map((i) => `<li>${escapeHtml(i)}</li>`).join("\n")}\n</ul>`;
}

function compose(to: string, subject: string, paragraphs: (string | string[])[], url: string): EmailMessage {
  const text = [...paragraphs.map((p) => (Array.isArray(p) ? p.map((i) => `- ${i}`).join("\n") : p)), `Open your goals: ${url}`].join("\n\n");
  const html = [...paragraphs.map((p) => (Array.isArray(p) ? htmlList(p) : `<p>${escapeHtml(p)}</p>`)), `<p><a href="${escapeHtml(url)}">Open your goals</a></p>`].join("\n");
  return { to, subject, text, html };
}

export function composeGoalReminderEmail(input: { to: string; name: string | null; localDate: string; habits: ReminderHabit[]; url?: string }): EmailMessage {
  const count = input.habits.length;
  const lines = input.habits.map((h) => `${oneLine(h.title)} (${describeStreak(h.streak, h.streakUnit)})`);
  return compose(
    input.to,
    count === 1 ? "1 habit for today" : `${count} habits for today`,
    [greeting(input.name), `Here is what is on your plan for today, ${input.localDate}:`, lines, "A check-in takes a second, and a skip within your weekly budget keeps your streak."],
    input.url ?? goalsPageUrl(),
  );
}

export function composeWeeklyReviewEmail(input: { to: string; name: string | null; review: WeeklyReviewDigest; url?: string }): EmailMessage {
  const { review } = input;
  const lines = review.habits.map((h) => `${oneLine(h.title)}: ${percent(h.adherencePercent)}, ${describeStreak(h.currentStreak, h.streakUnit)}`);
  const highlights: string[] = [];
  if (review.best) highlights.push(`Your strongest habit was ${oneLine(review.best)}.`);
  if (review.weakest) highlights.push(`${oneLine(review.weakest)} needed the most help.`);
  const paragraphs: (string | string[])[] = [
    greeting(input.name),
    review.adherencePercent === null
      ? `Your week from ${review.from} to ${review.to}: nothing was due.`
      : `Your week from ${review.from} to ${review.to}: you kept ${review.adherencePercent} % of what was planned.`,
    lines,
  ];
  if (highlights.length) paragraphs.push(highlights.join(" "));
  if (review.riskReasons.length) paragraphs.push("Worth a look:", review.riskReasons.map(oneLine));
  return compose(input.to, `Your week in review (${review.from} to ${review.to})`, paragraphs, input.url ?? goalsPageUrl());
}

export function composeMonthlyReportEmail(input: { to: string; name: string | null; report: MonthlyReportDigest; url?: string }): EmailMessage {
  const { report } = input;
  const label = monthLabel(report.month);
  const { done, skipped, missed } = report.checkIns;
  const paragraphs: (string | string[])[] = [
    greeting(input.name),
    `Your check-ins in ${label}: ${done} done, ${skipped} skipped, ${missed} missed.` +
      (report.adherencePercent === null ? "" : ` You kept ${report.adherencePercent} % of your plan.`),
    report.goals.map((g) => `${oneLine(g.title)}: ${percent(g.adherencePercent)} (${g.done} done, ${g.skipped} skipped, ${g.missed} missed)`),
  ];
  const streaks = report.longestStreaks.filter((s) => s.longestStreak > 0);
  if (streaks.length) paragraphs.push("Longest streaks:", streaks.map((s) => `${oneLine(s.title)}: ${describeStreak(s.longestStreak, s.streakUnit)}`));
  if (report.mood) paragraphs.push(`Your journal's mood over the last two weeks of the month: ${report.mood}.`);
  return compose(input.to, `Your goals in ${label}`, paragraphs, input.url ?? goalsPageUrl());
}
