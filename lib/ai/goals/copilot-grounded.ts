import type { MemberGoalSummary, MoodTrend } from "@/lib/goals/types";
import {
  activeGoals, activeHabits, bestStreakHabit, firstName, listJoin, openToday, percent, quote, streakText, unitCount, weakestHabit, windowText,
} from "./summary-facts";

export type CopilotGlucose = { tirPercent: number; meanMgdl: number; gmi: number | null; days: number };
export type CopilotJournalEntry = { day: string; text: string };

export type GroundedCopilotInput = {
  question: string;
  mentee: MemberGoalSummary;
  mood?: MoodTrend | null;
  glucose?: CopilotGlucose | null;
  sharedJournal?: CopilotJournalEntry[];
};

export type CopilotIntent = "medical" | "risk" | "struggle" | "talk" | "glucose" | "mood" | "overview";

const INTENTS: readonly [CopilotIntent, RegExp][] = [
  ["medical", /\b(?:insulin|doses?|dosage|dosing|bolus|basal|medications?|medicines?|metformin|diagnos\w*|prescri\w*)\b/i],
  ["risk", /\b(?:risk|at-risk|worr\w*|concern\w*|why\b.*\b(?:flag\w*|red|amber|attention))/i],
  ["struggle", /\b(?:struggl\w*|hardest|weakest|which habit|worst|falling behind|miss\w*|skipp?\w*)\b/i],
  ["talk", /\b(?:talk|discuss|conversation|session|call|meeting|ask (?:her|him|them)|bring up|agenda|focus on)\b/i],
  ["glucose", /\b(?:glucose|sugar|cgm|time in range|tir|gmi|a1c)\b/i],
  ["mood", /\b(?:mood|journal|feel\w*|emotion\w*|sentiment|stress\w*)\b/i],
];

export function detectCopilotIntent(question: string): CopilotIntent {
  return INTENTS.find(([, re]) => re.test(question))?.[0] ?? "overview";
}

/**
 * The copilot without a model, for the questions mentors ask most: how is the mentee doing, why
 * are they at risk, which habit struggles most, what to talk about. Every figure comes from the
 * summary (and, only when the mentee shares them, glucose and journal).
 */
export function groundedCopilotAnswer(input: GroundedCopilotInput): string {
  const { mentee } = input;
  const name = firstName(mentee);
  if (activeHabits(mentee).length === 0) {
    return `${name} has no active habit yet, so there is nothing to measure. A first session could set one goal with a single small habit together.`;
  }
  switch (detectCopilotIntent(input.question)) {
    case "medical":
      return `Medication, doses and medical questions are for ${name}'s care team; the copilot does not advise on them. ${overview(input)}`;
    case "risk": return riskAnswer(input);
    case "struggle": return struggleAnswer(input);
    case "talk": return talkingPoints(input);
    case "glucose": return glucoseAnswer(input);
    case "mood": return moodAnswer(input);
    default: return overview(input);
  }
}

function overview({ mentee, mood, glucose }: GroundedCopilotInput): string {
  const name = firstName(mentee);
  const parts: string[] = [];
  const d7 = windowText(mentee.adherence.d7);
  const d30 = windowText(mentee.adherence.d30);
  parts.push(`${name} is ${riskWord(mentee)} (risk score ${Math.round(mentee.risk.score)}).`);
  if (d7) parts.push(`Adherence over the last 7 days: ${d7}${d30 ? `; over 30 days: ${d30}` : ""}.`);
  if (mentee.completionRatio30 !== null) parts.push(`30-day completion: ${percent(mentee.completionRatio30)}.`);
  if (mentee.daysSinceLastCheckIn !== null) parts.push(`Last check-in: ${mentee.daysSinceLastCheckIn === 0 ? "today" : `${unitCount(mentee.daysSinceLastCheckIn, "day")} ago`}.`);
  const best = bestStreakHabit(mentee);
  if (best) parts.push(`Best running streak: ${quote(best.title)}, ${unitCount(best.stats.currentStreak, best.stats.streakUnit)}.`);
  if (mentee.risk.level !== "low") parts.push(`Flags: ${mentee.risk.reasons.join("; ")}.`);
  if (mood && mood.direction !== "unknown") parts.push(`Journal mood is ${mood.direction}.`);
  if (glucose) parts.push(`Glucose over ${unitCount(glucose.days, "day")}: ${glucose.tirPercent} % time in range, mean ${glucose.meanMgdl} mg/dL.`);
  return parts.join(" ");
}

function riskAnswer({ mentee }: GroundedCopilotInput): string {
  const name = firstName(mentee);
  const head = `${name}'s risk is ${mentee.risk.level} (score ${Math.round(mentee.risk.score)} of 100)`;
  const d7 = windowText(mentee.adherence.d7);
  return `${head} because: ${mentee.risk.reasons.join("; ")}.${d7 ? ` 7-day adherence is ${d7}.` : ""}`;
}

function struggleAnswer({ mentee }: GroundedCopilotInput): string {
  const name = firstName(mentee);
  const weakest = weakestHabit(mentee);
  if (!weakest) return `No habit of ${name}'s was due in the last 7 days, so none stands out as struggling.`;
  const s = weakest.stats;
  const skips = s.skipsLeftThisWeek > 0 ? `${s.skipsLeftThisWeek} skip${s.skipsLeftThisWeek === 1 ? "" : "s"} left this week` : "no skips left this week";
  const d30 = windowText(s.adherence.d30);
  return `${quote(weakest.title)} struggles most: ${windowText(s.adherence.d7)} done in the last 7 days${d30 ? ` and ${d30} over 30 days` : ""}, strength ${s.strength.toFixed(2)}, ${streakText(s)}, ${skips}.`
    + " A smaller target (fewer sessions a week or a shorter session) is worth discussing.";
}

function talkingPoints(input: GroundedCopilotInput): string {
  const { mentee, mood } = input;
  const name = firstName(mentee);
  const points: string[] = [];
  const best = bestStreakHabit(mentee);
  if (best) points.push(`celebrate ${unitCount(best.stats.currentStreak, best.stats.streakUnit)} of ${quote(best.title)}`);
  const weakest = weakestHabit(mentee);
  if (weakest && weakest.stats.adherence.d7.ratio! < 0.5) points.push(`ask what gets in the way of ${quote(weakest.title)} (${windowText(weakest.stats.adherence.d7)} in 7 days) and whether a smaller target would help`);
  if (mentee.daysSinceLastCheckIn !== null && mentee.daysSinceLastCheckIn >= 3) points.push(`check in on the ${unitCount(mentee.daysSinceLastCheckIn, "day")} without a check-in`);
  if (mood?.direction === "declining") points.push("ask how they are feeling: the journal mood is declining");
  const next = activeGoals(mentee).map((g) => ({ g, s: g.subgoals.find((x) => x.status !== "done") })).find((x) => x.s);
  if (next?.s) points.push(`agree on the next milestone of ${quote(next.g.title)}: ${quote(next.s.title)}`);
  if (points.length === 0) points.push("ask what is going well and which habit could grow next");
  return `Talking points for ${name}: ${points.map((p, i) => `${i + 1}) ${p}`).join("; ")}.`;
}

function glucoseAnswer({ mentee, glucose }: GroundedCopilotInput): string {
  const name = firstName(mentee);
  if (!glucose) return `${name} has not shared glucose data with you, so the copilot cannot speak to it. ${overview({ question: "", mentee })}`;
  const gmi = glucose.gmi === null ? "" : `, GMI ${glucose.gmi} %`;
  return `Over ${unitCount(glucose.days, "day")}, ${name} spent ${glucose.tirPercent} % of the time in range (70–180 mg/dL), with a mean of ${glucose.meanMgdl} mg/dL${gmi}. The consensus target is above 70 % time in range; glucose questions beyond habits belong with the care team.`;
}

function moodAnswer({ mentee, mood, sharedJournal }: GroundedCopilotInput): string {
  const name = firstName(mentee);
  const parts: string[] = [];
  if (mood && mood.direction !== "unknown") {
    const means = mood.last7 !== null && mood.previous7 !== null ? ` (mean sentiment ${mood.last7.toFixed(2)} this week against ${mood.previous7.toFixed(2)} the week before)` : "";
    parts.push(`${name}'s journal mood is ${mood.direction}${means}.`);
    if (mood.topTags.length) parts.push(`Frequent tags: ${listJoin(mood.topTags.slice(0, 3).map((t) => `${t.tag} (${t.count})`))}.`);
  } else if (!mood) parts.push(`${name} has not shared the journal with you, so the copilot cannot speak to their mood.`);
  else parts.push(`There is not enough journal data to tell how ${name}'s mood is moving.`);
  if (sharedJournal?.length) parts.push(`${name} shared ${sharedJournal.length} journal entr${sharedJournal.length === 1 ? "y" : "ies"} with you, the latest on ${[...sharedJournal].sort((a, b) => b.day.localeCompare(a.day))[0].day}.`);
  const open = openToday(mentee);
  if (open.length) parts.push(`Still open today: ${listJoin(open.map((h) => quote(h.title)))}.`);
  return parts.join(" ");
}

function riskWord(mentee: MemberGoalSummary): string {
  return mentee.risk.level === "low" ? "on track" : mentee.risk.level === "medium" ? "in need of some attention" : "at risk";
}
