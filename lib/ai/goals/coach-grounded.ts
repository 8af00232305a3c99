import type { MemberGoalSummary, MoodTrend } from "@/lib/goals/types";
import {
  activeGoals, activeHabits, bestStreakHabit, concreteSuggestion, listJoin, openToday, percent, quote, streakText, unitCount, weakestHabit, windowText,
} from "./summary-facts";

export type CoachIntent = "medical" | "streak" | "missed" | "plan" | "motivation" | "progress" | "help" | "status";

/** First match wins: a question about medication is answered as such even if it mentions a streak. */
const INTENTS: readonly [CoachIntent, RegExp][] = [
  ["medical", /\b(?:insulin|doses?|dosage|dosing|bolus|basal|medications?|medicines?|meds|metformin|pills?|tablets?|diagnos\w*|prescri\w*|symptoms?)\b/i],
  ["streak", /\bstreaks?\b|\bin a row\b/i],
  ["missed", /\b(?:miss|missed|missing|skip|skipped|skipping|skips|fell off|falling behind|behind|failed|failing|slipp?ed)\b/i],
  ["plan", /\b(?:plan|next|today|tonight|tomorrow|what should i|what do i|to-?do|due|schedule)\b/i],
  ["motivation", /\b(?:motivat\w*|feel|feeling|felt|tired|lazy|give up|giving up|hard|struggl\w*|discourag\w*|stressed|overwhelmed|mood)\b/i],
  ["progress", /\b(?:progress|how am i doing|how'?s it going|adherence|stats|statistics|numbers|improv\w*|better|worse|on track)\b/i],
  ["help", /\b(?:help|what can you do|how do you work|who are you)\b/i],
];

export function detectCoachIntent(message: string): CoachIntent {
  return INTENTS.find(([, re]) => re.test(message))?.[0] ?? "status";
}

export type CoachInput = { summary: MemberGoalSummary; mood?: MoodTrend | null; message: string };

/**
 * The coach without a model: it reads the question's intent from its words and answers from the
 * member's own statistics (streaks, 7-day adherence, 30-day completion, risk reasons), ending
 * with one concrete step. It never comments on medication, doses or diagnoses.
 */
export function groundedCoachReply({ summary, mood, message }: CoachInput): string {
  if (activeHabits(summary).length === 0 && detectCoachIntent(message) !== "medical") {
    return `You have no active habit to check in on yet. ${concreteSuggestion(summary)}`;
  }
  switch (detectCoachIntent(message)) {
    case "medical": return medicalReply(summary);
    case "streak": return streakReply(summary);
    case "missed": return missedReply(summary);
    case "plan": return planReply(summary);
    case "motivation": return motivationReply(summary, mood ?? null);
    case "progress": return progressReply(summary);
    case "help": return helpReply(summary);
    default: return statusReply(summary);
  }
}

function medicalReply(summary: MemberGoalSummary): string {
  const due = openToday(summary);
  const habits = due.length ? ` Today ${due.length === 1 ? "one habit is" : `${due.length} habits are`} still open: ${listJoin(due.map((h) => quote(h.title)))}.` : "";
  return "I can't advise on medication, doses or what a symptom means: please ask your care team, and if you feel unwell, contact them or emergency services now. "
    + `What I can help with is your habits.${habits}`;
}

function streakReply(summary: MemberGoalSummary): string {
  const lines = activeHabits(summary).map((h) => `${quote(h.title)}: ${streakText(h.stats)} (longest ${unitCount(h.stats.longestStreak, h.stats.streakUnit)})`);
  const best = bestStreakHabit(summary);
  const lead = best
    ? `Your longest current streak is ${quote(best.title)} at ${unitCount(best.stats.currentStreak, best.stats.streakUnit)}.`
    : "None of your habits has a streak running right now; one check-in today starts one.";
  const skips = best && best.stats.skipsLeftThisWeek > 0
    ? ` You have ${best.stats.skipsLeftThisWeek} skip${best.stats.skipsLeftThisWeek === 1 ? "" : "s"} left this week for it, so a planned skip will not break it.`
    : "";
  return `${lead}${skips} ${lines.join("; ")}. ${concreteSuggestion(summary)}`;
}

function missedReply(summary: MemberGoalSummary): string {
  const weakest = weakestHabit(summary);
  const parts: string[] = [];
  const missedDays = summary.daysSinceLastCheckIn;
  if (missedDays !== null && missedDays >= 2) parts.push(`Your last check-in was ${unitCount(missedDays, "day")} ago; that is fine, the plan is still here.`);
  if (weakest) {
    const w = windowText(weakest.stats.adherence.d7);
    parts.push(`The hardest habit this week is ${quote(weakest.title)}: done ${w} in the last 7 days.`);
    parts.push(weakest.stats.skipsLeftThisWeek > 0
      ? `You still have ${weakest.stats.skipsLeftThisWeek} skip${weakest.stats.skipsLeftThisWeek === 1 ? "" : "s"} left this week: marking a day as skipped instead of missing it keeps the streak alive.`
      : "You have used this week's skips, so the next due day counts; keep it small rather than skipping it.");
  }
  if (summary.risk.level !== "low") parts.push(`What stands out: ${summary.risk.reasons.join("; ")}.`);
  parts.push(concreteSuggestion(summary));
  return parts.join(" ");
}

function planReply(summary: MemberGoalSummary): string {
  const habits = activeHabits(summary).filter((h) => h.stats.dueToday);
  const open = habits.filter((h) => h.stats.todayStatus === null);
  const done = habits.filter((h) => h.stats.todayStatus === "done");
  const parts: string[] = [];
  if (habits.length === 0) parts.push("Nothing is due today, so it is a rest day for your habits.");
  else {
    if (open.length) parts.push(`Still open today: ${listJoin(open.map((h) => quote(h.title)))}.`);
    if (done.length) parts.push(`Already done: ${listJoin(done.map((h) => quote(h.title)))}.`);
  }
  const next = activeGoals(summary)
    .map((g) => ({ goal: g, subgoal: g.subgoals.find((s) => s.status !== "done") }))
    .find((x) => x.subgoal);
  if (next?.subgoal) {
    const doneCount = next.goal.subgoals.filter((s) => s.status === "done").length;
    parts.push(`Next milestone for ${quote(next.goal.title)}: ${quote(next.subgoal.title)} (${doneCount} of ${next.goal.subgoals.length} done).`);
  }
  parts.push(concreteSuggestion(summary));
  return parts.join(" ");
}

function motivationReply(summary: MemberGoalSummary, mood: MoodTrend | null): string {
  const parts: string[] = [];
  if (mood && mood.direction === "declining") parts.push("Your journal has sounded heavier this week than the week before, so go easy on yourself: a smaller step still counts.");
  else if (mood && mood.direction === "improving") parts.push("Your journal has sounded lighter this week than the week before.");
  else parts.push("Motivation comes and goes; routines carry you through the low days.");
  const best = bestStreakHabit(summary);
  if (best) parts.push(`You have kept ${quote(best.title)} going for ${unitCount(best.stats.currentStreak, best.stats.streakUnit)}.`);
  if (summary.completionRatio30 !== null) parts.push(`Over 30 days you completed ${percent(summary.completionRatio30)} of your check-ins.`);
  parts.push(concreteSuggestion(summary));
  return parts.join(" ");
}

function progressReply(summary: MemberGoalSummary): string {
  const parts: string[] = [];
  const d7 = windowText(summary.adherence.d7);
  const d30 = windowText(summary.adherence.d30);
  if (d7) parts.push(`In the last 7 days you checked in ${d7} of the habits that were due.`);
  if (d30) parts.push(`Over 30 days: ${d30} done.`);
  if (summary.completionRatio30 !== null) parts.push(`Completion over 30 days is ${percent(summary.completionRatio30)}.`);
  for (const g of activeGoals(summary)) {
    if (g.subgoals.length) parts.push(`${quote(g.title)}: ${g.subgoals.filter((s) => s.status === "done").length} of ${g.subgoals.length} milestones done.`);
  }
  if (summary.risk.level !== "low") parts.push(`To watch: ${summary.risk.reasons.join("; ")}.`);
  if (parts.length === 0) parts.push("There are no check-ins to measure yet.");
  parts.push(concreteSuggestion(summary));
  return parts.join(" ");
}

function helpReply(summary: MemberGoalSummary): string {
  return "I'm your goals coach. Ask me what is due today, how your streaks are going, what to do after a missed day, or how your week compares with the month; "
    + `I answer from your own check-ins. Medication and medical questions belong with your care team. ${concreteSuggestion(summary)}`;
}

function statusReply(summary: MemberGoalSummary): string {
  const open = openToday(summary);
  const parts: string[] = [];
  parts.push(open.length ? `Due today: ${listJoin(open.map((h) => quote(h.title)))}.` : "Nothing is left to check in today.");
  const d7 = windowText(summary.adherence.d7);
  if (d7) parts.push(`Last 7 days: ${d7} done.`);
  parts.push(concreteSuggestion(summary));
  return parts.join(" ");
}
