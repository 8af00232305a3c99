import { formatDay, type EvidenceItem } from "@/lib/intelligence";
import type { StrategyType } from "../brief-draft";
import { FactReader } from "./fact-reader";
import { PRECEDING_CONDITIONS, predictionEvidence } from "./predictions-and-patterns";

export type MoveText = { strategy: string; strategyType: StrategyType; priority: number; evidence: EvidenceItem[] };

/** What a person can do about each preventable condition (no medication or dosing advice, ever). */
const PREVENTION: Record<string, string> = {
  short_sleep: "Guard a 6-hour minimum next week: set a fixed lights-out time on work nights",
  late_dinner: "Aim to finish dinner before 21:00 on most evenings next week",
  no_evening_activity: "Plan a 15-minute walk after dinner on at least 3 evenings next week",
  low_steps: "Break up long sitting spells: a short walk every couple of hours keeps days above 5,000 steps",
  high_carbs: "On heavier-carbohydrate days, spread the carbohydrate over the day instead of one large meal",
};

/** How to bring back each shadow pattern. */
const REVIVE: Record<string, string> = {
  evening_walks: "Bring back the evening walks: 15 minutes after dinner, on 2 or more evenings",
  sleep_7h: "Get back to 7-hour nights on most of the week",
  tir_70: "Look at what changed from the weeks you spent at 70 % in range or more, and restore one of those habits",
  no_late_dinners: "Return to finishing dinner before 21:00",
  active_days: "Get back to 30 minutes of exercise on 3 days",
  daily_steps: "Get back to about 7,000 steps a day",
  steady_glucose: "Note the meals before the biggest swings this week, and compare them with your steadier weeks",
  cgm_wear: "Keep the sensor on every day next week",
};

/**
 * Exactly 5 strategic moves, ranked by priority (1–10, documented per kind):
 *   prevention from a preventable prediction: 5 + round(10 × |probability − base rate|), capped at 10;
 *   pattern from a shadow pattern: high 8, medium 6, low 4;
 *   discovery from a significant correlation: high 7, medium 6, low 5;
 *   discovery to fill a data gap: 6 (sensor), 5 (meals), 4 (sleep tracker);
 *   pattern from the best day: 5; fallbacks 3 and 2.
 */
export function writeMoves(r: FactReader): MoveText[] {
  const f = r.facts;
  const moves: MoveText[] = [];

  for (const p of f.predictions.chosen) {
    if (!p.preventable || !p.conditionId || !PREVENTION[p.conditionId] || p.riskDifference <= 0) continue;
    const k = `prediction.${p.templateId}`;
    moves.push({
      strategy: `${PREVENTION[p.conditionId]}: ${PRECEDING_CONDITIONS.has(p.conditionId) ? "after" : "on"} ${p.conditionPlural}, ${p.eventLabel} came up ${r.say(`${k}.probability`)} of the time, against ${r.say(`${k}.base_rate`)} usually.`,
      strategyType: "prevention",
      priority: Math.min(10, 5 + Math.round(10 * Math.abs(p.riskDifference))),
      evidence: predictionEvidence(r, p.templateId),
    });
  }

  for (const s of f.shadowPatterns) {
    if (!REVIVE[s.id]) continue;
    moves.push({
      strategy: `${REVIVE[s.id]}, as in ${r.say(`shadow.${s.id}.weeks_present`, { bare: true })} of the 4 weeks before this one.`,
      strategyType: "pattern",
      priority: s.significance === "high" ? 8 : s.significance === "medium" ? 6 : 4,
      evidence: s.evidence,
    });
  }

  for (const rec of f.recommendations) {
    const c = f.correlations.find((x) => x.factor === rec.evidence.factor && x.outcome === rec.evidence.outcome && x.lagDays === rec.evidence.lagDays);
    if (!c) continue;
    moves.push({
      strategy: `${rec.title} Test it for two weeks: in your data, ${c.description} (${r.say(c.metric)}, ${c.sampleSize} days).`,
      strategyType: "discovery",
      priority: rec.confidence === "high" ? 7 : rec.confidence === "medium" ? 6 : 5,
      evidence: r.evidence(c.metric),
    });
  }

  const w = f.thisWeek;
  if (w.completeGlucoseDays < 5 && !f.shadowPatterns.some((s) => s.id === "cgm_wear")) {
    moves.push({
      strategy: `Keep the sensor on all 7 days next week: this week had full readings on ${r.say("week.complete_glucose_days")}, and every full day sharpens the figures and the predictions.`,
      strategyType: "discovery",
      priority: 6,
      evidence: r.evidence("week.complete_glucose_days"),
    });
  }
  if (w.daysWithCarbs < 3 && w.daysWithData > 0) {
    moves.push({
      strategy: "Log meals on 4 days next week, dinner times included, to learn how your meals and their timing move your glucose.",
      strategyType: "discovery",
      priority: 5,
      evidence: r.evidence("week.days_with_data"),
    });
  }
  if (w.nightsWithSleep < 3) {
    moves.push({
      strategy: "Wear a sleep tracker (or enable sleep in Apple Health) for the coming week, so short nights can be linked to the next day's readings.",
      strategyType: "discovery",
      priority: 4,
      evidence: r.evidence("week.days_with_data", "week.nights_with_sleep"),
    });
  }
  if (f.bestDay) {
    const extras: string[] = [];
    if (f.bestDay.sleepHours !== null) extras.push(`${r.say("best_day.sleep_hours")} of sleep before it`);
    extras.push(`${r.say("best_day.exercise_minutes")} of exercise`);
    moves.push({
      strategy: `Repeat ${formatDay(f.bestDay.date)}, your best day (${r.say("best_day.tir_percent")} in range, ${extras.join(", ")}): note what you ate and when, and plan one day like it next week.`,
      strategyType: "pattern",
      priority: 5,
      evidence: r.evidence(...f.bestDay.metricKeys),
    });
  }
  if (w.daysWithData === 0) {
    moves.push({
      strategy: "Check the Data page: reconnect the sensor or app that stopped sending, or import an export file, so next week's brief has something to read.",
      strategyType: "prevention",
      priority: 8,
      evidence: r.evidence("week.days_with_data", "freshness.last_data_date"),
    });
  }
  moves.push(
    {
      strategy: "Pick one habit from this brief and check on it mid-week: a look at Wednesday's readings is enough to adjust course.",
      strategyType: "pattern",
      priority: 3,
      evidence: r.evidence("week.days_with_data"),
    },
    {
      strategy: "Bring this brief to your next appointment: the figures follow the consensus definitions your care team uses.",
      strategyType: "discovery",
      priority: 2,
      evidence: r.evidence("week.days_with_data", "history.days_with_data"),
    },
    // Always-true fallbacks, lowest priority, so a quiet week still gets its five moves.
    {
      strategy: "Log meals and workouts as they happen: each one logged lets next week's brief connect what you did to what your glucose did.",
      strategyType: "discovery",
      priority: 1,
      evidence: r.evidence("week.days_with_data"),
    },
    {
      strategy: "Keep the sensor on through the whole week: days with near-complete data are the ones the patterns are learned from.",
      strategyType: "prevention",
      priority: 1,
      evidence: r.evidence("week.days_with_data", "history.days_with_data"),
    },
  );

  const seen = new Set<string>();
  return moves
    .map((m, i) => ({ m, i }))
    .sort((a, b) => b.m.priority - a.m.priority || a.i - b.i)
    .map(({ m }) => m)
    .filter((m) => !seen.has(m.strategy) && seen.add(m.strategy))
    .slice(0, 5);
}
