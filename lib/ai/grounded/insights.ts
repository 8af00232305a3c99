import { formatDay, type EvidenceItem } from "@/lib/intelligence";
import type { InsightType } from "../brief-draft";
import { FactReader, pickVariant } from "./fact-reader";

export type InsightCandidate = {
  /** Higher first; ties keep the order below. Documented per candidate (why it matters this week). */
  salience: number;
  insightType: InsightType;
  title: string;
  description: string;
  evidence: EvidenceItem[];
};

/**
 * 3–5 insights: every candidate the facts support, ranked by salience, the top 5 kept. Lows come
 * first (a safety matter), then large changes against the person's own baseline, then steadier
 * observations; the data-coverage ones fill in on thin weeks so there are always 3.
 */
export function writeInsights(r: FactReader): (InsightCandidate & { confidence: number })[] {
  const candidates = [
    lowsInsight(r),
    timeInRangeInsight(r),
    variabilityInsight(r),
    overnightInsight(r),
    sleepInsight(r),
    exerciseInsight(r),
    daysContrastInsight(r),
    correlationInsight(r),
    coverageInsight(r),
    oneDayInsight(r),
    noGlucoseInsight(r),
    sleepOnlyInsight(r),
    noDataInsight(r),
    staleInsight(r),
    historyInsight(r),
    baselineRecallInsight(r),
    setupInsight(r),
    historySummaryInsight(r),
  ].filter((c): c is InsightCandidate => c !== null);
  const ranked = candidates.map((c, i) => ({ c, i })).sort((a, b) => b.c.salience - a.c.salience || a.i - b.i).map(({ c }) => c);
  return ranked.slice(0, 5).map((c) => ({ ...c, confidence: r.confidenceOf(c.evidence) }));
}

function lowsInsight(r: FactReader): InsightCandidate | null {
  if (!r.has("week.tbr_percent") || r.facts.thisWeek.completeGlucoseDays < 2) return null;
  const tbr = r.num("week.tbr_percent")!;
  if (tbr >= 4) {
    const severe = r.has("week.below_54_percent") && r.num("week.below_54_percent")! >= 1
      ? ` Time below 54 mg/dL was ${r.say("week.below_54_percent")}, above its limit of 1 %.`
      : "";
    return {
      salience: 100,
      insightType: "warning",
      title: pickVariant(r.facts.weekOf, "lows-title", ["More time low than recommended", "Lows deserve attention this week"]),
      description: `${r.say("week.tbr_percent")} of readings were below 70 mg/dL, above the consensus limit of 4 %.${severe} Lows are worth raising with your care team, especially if they cluster at night.`,
      evidence: r.evidence("week.tbr_percent", "week.below_54_percent"),
    };
  }
  if (tbr <= 1) {
    return {
      salience: 20,
      insightType: "positive",
      title: "Very little time low",
      description: `Only ${r.say("week.tbr_percent")} of readings were below 70 mg/dL, well inside the consensus limit of 4 %.`,
      evidence: r.evidence("week.tbr_percent"),
    };
  }
  return null;
}

function timeInRangeInsight(r: FactReader): InsightCandidate | null {
  if (!r.has("week.tir_percent") || r.facts.thisWeek.daysWithData < 2) return null;
  const tir = r.say("week.tir_percent");
  const target = r.num("week.tir_percent")! > 70 ? " That meets the consensus target of more than 70 %." : " The consensus target is more than 70 %.";
  const against = r.has("delta_baseline.tir_percent") ? "baseline" : r.has("delta_prev.tir_percent") ? "prev" : null;
  if (!against) {
    return { salience: 30, insightType: "neutral", title: `Time in range: ${tir}`, description: `${tir} of readings were between 70 and 180 mg/dL.${target}`, evidence: r.evidence("week.tir_percent") };
  }
  const deltaKey = against === "baseline" ? "delta_baseline.tir_percent" : "delta_prev.tir_percent";
  const refKey = against === "baseline" ? "baseline_4w.tir_percent" : "prev_week.tir_percent";
  const refWords = against === "baseline" ? "your 4-week average" : "the week before";
  const d = r.num(deltaKey)!;
  const type: InsightType = d >= 3 ? "positive" : d <= -3 ? "warning" : "neutral";
  const title = type === "positive"
    ? pickVariant(r.facts.weekOf, "tir-up", [`Time in range rose to ${tir}`, `More of the week in range: ${tir}`])
    : type === "warning"
      ? pickVariant(r.facts.weekOf, "tir-down", [`Time in range fell to ${tir}`, `Fewer readings in range: ${tir}`])
      : `Time in range held at ${tir}`;
  const change = d === 0 ? `the same as ${refWords}` : `${r.say(deltaKey, { abs: true })} ${d > 0 ? "above" : "below"} ${refWords} of ${r.say(refKey)}`;
  return {
    salience: 40 + 2 * Math.abs(d),
    insightType: type,
    title,
    description: `${tir} of readings were between 70 and 180 mg/dL, ${change}.${target}`,
    evidence: r.evidence("week.tir_percent", deltaKey, refKey),
  };
}

function variabilityInsight(r: FactReader): InsightCandidate | null {
  if (!r.has("week.cv_percent") || r.facts.thisWeek.completeGlucoseDays < 3) return null;
  const cv = r.num("week.cv_percent")!;
  const vs = r.has("delta_baseline.cv_percent") && Math.abs(r.num("delta_baseline.cv_percent")!) >= 2
    ? ` That is ${r.say("delta_baseline.cv_percent", { abs: true })} ${r.num("delta_baseline.cv_percent")! > 0 ? "higher" : "lower"} than your 4-week figure.`
    : "";
  if (cv > 36) {
    return {
      salience: 45,
      insightType: "warning",
      title: "Glucose swung more than is considered stable",
      description: `Variability (coefficient of variation) was ${r.say("week.cv_percent")}, above the 36 % line for stable glucose.${vs} Big swings often trace back to a few meals or nights; the hardest day is a good place to look.`,
      evidence: r.evidence("week.cv_percent", "delta_baseline.cv_percent"),
    };
  }
  return {
    salience: 12,
    insightType: "positive",
    title: pickVariant(r.facts.weekOf, "cv-ok", ["Steady glucose", "Swings stayed small"]),
    description: `Variability (coefficient of variation) was ${r.say("week.cv_percent")}, inside the 36 % that marks stable glucose.${vs}`,
    evidence: r.evidence("week.cv_percent", "delta_baseline.cv_percent"),
  };
}

function overnightInsight(r: FactReader): InsightCandidate | null {
  if (!r.has("week.overnight_mean", "delta_baseline.overnight_mean")) return null;
  const d = r.num("delta_baseline.overnight_mean")!;
  if (Math.abs(d) < 10) return null;
  return {
    salience: 25 + Math.abs(d) / 2,
    insightType: d < 0 ? "positive" : "warning",
    title: d < 0 ? "Calmer nights" : "Nights ran higher",
    description: `Overnight glucose (00:00–06:00) averaged ${r.say("week.overnight_mean")}, ${r.say("delta_baseline.overnight_mean", { abs: true })} ${d < 0 ? "below" : "above"} your 4-week average of ${r.say("baseline_4w.overnight_mean")}.`,
    evidence: r.evidence("week.overnight_mean", "delta_baseline.overnight_mean", "baseline_4w.overnight_mean"),
  };
}

function sleepInsight(r: FactReader): InsightCandidate | null {
  if (!r.has("week.sleep_hours_avg", "delta_baseline.sleep_hours_avg") || r.facts.thisWeek.daysWithGlucose === 0) return null;
  const d = r.num("delta_baseline.sleep_hours_avg")!;
  if (Math.abs(d) < 0.5) return null;
  const link = r.facts.correlations.find((c) => c.factor === "sleep_hours");
  const linkSentence = link ? ` In your history, ${link.description} (${r.say(link.metric)}, ${link.sampleSize} days).` : "";
  const short = r.has("week.nights_under_6h") && r.num("week.nights_under_6h")! > 0 ? `, with ${r.say("week.nights_under_6h")} under 6 h` : "";
  return {
    salience: 30 + (link ? 15 : 0) + 10 * Math.abs(d),
    insightType: d < 0 ? "warning" : "positive",
    title: d < 0 ? pickVariant(r.facts.weekOf, "sleep-down", ["Shorter nights this week", "Sleep ran short"]) : "More sleep this week",
    description: `You averaged ${r.say("week.sleep_hours_avg")} of sleep, ${r.say("delta_baseline.sleep_hours_avg", { abs: true })} ${d < 0 ? "less" : "more"} than your 4-week average of ${r.say("baseline_4w.sleep_hours_avg")}${short}.${linkSentence}`,
    evidence: r.evidence("week.sleep_hours_avg", "delta_baseline.sleep_hours_avg", "baseline_4w.sleep_hours_avg", "week.nights_under_6h", ...(link ? [link.metric] : [])),
  };
}

function exerciseInsight(r: FactReader): InsightCandidate | null {
  if (!r.has("week.exercise_minutes_avg", "baseline_4w.exercise_minutes_avg", "delta_baseline.exercise_minutes_avg", "week.exercise_minutes_total")) return null;
  const base = r.num("baseline_4w.exercise_minutes_avg")!;
  const d = r.num("delta_baseline.exercise_minutes_avg")!;
  if (Math.abs(d) < 5 || (base > 0 && Math.abs(d) / base < 0.25)) return null;
  return {
    salience: 22 + Math.min(15, Math.abs(d) / 2),
    insightType: d < 0 ? "warning" : "positive",
    title: d < 0 ? "Less movement than usual" : "A more active week",
    description: `Exercise totalled ${r.say("week.exercise_minutes_total")}, about ${r.say("week.exercise_minutes_avg")} a day against your usual ${r.say("baseline_4w.exercise_minutes_avg")}.`,
    evidence: r.evidence("week.exercise_minutes_total", "week.exercise_minutes_avg", "baseline_4w.exercise_minutes_avg", "delta_baseline.exercise_minutes_avg"),
  };
}

function daysContrastInsight(r: FactReader): InsightCandidate | null {
  const { bestDay, worstDay } = r.facts;
  if (!bestDay || !worstDay) return null;
  const cite = ["best_day.date", "best_day.tir_percent", "worst_day.date", "worst_day.tir_percent"];
  let sleepClause = "";
  if (bestDay.sleepHours !== null && worstDay.sleepHours !== null && Math.abs(bestDay.sleepHours - worstDay.sleepHours) >= 1) {
    sleepClause = ` The better day followed ${r.say("best_day.sleep_hours")} of sleep, the harder one ${r.say("worst_day.sleep_hours")}.`;
    cite.push("best_day.sleep_hours", "worst_day.sleep_hours");
  }
  return {
    salience: 18,
    insightType: "neutral",
    title: pickVariant(r.facts.weekOf, "days-title", [`${formatDay(bestDay.date).split(" ")[0]} and ${formatDay(worstDay.date).split(" ")[0]} were far apart`, "One good day, one hard day"]),
    description: `${formatDay(bestDay.date)} had ${r.say("best_day.tir_percent")} of readings in range; ${formatDay(worstDay.date)} had ${r.say("worst_day.tir_percent")}.${sleepClause}`,
    evidence: r.evidence(...cite),
  };
}

function correlationInsight(r: FactReader): InsightCandidate | null {
  const c = r.facts.correlations.find((x) => x.factor !== "sleep_hours") ?? r.facts.correlations[0];
  if (!c) return null;
  return {
    salience: 15 + (c.confidence === "high" ? 10 : 0),
    insightType: "neutral",
    title: "A pattern in your own data",
    description: `Across ${c.sampleSize} days, ${c.description} (Spearman ${r.say(c.metric)}). It is an association in your history, not proof that one causes the other.`,
    evidence: r.evidence(c.metric),
  };
}

function coverageInsight(r: FactReader): InsightCandidate | null {
  const w = r.facts.thisWeek;
  if (w.daysWithData < 2 || w.daysWithGlucose === 0 || w.completeGlucoseDays >= 6) return null;
  return {
    salience: w.completeGlucoseDays < 4 ? 50 : 10,
    insightType: "neutral",
    title: `Sensor data on ${r.say("week.complete_glucose_days")} of 7`,
    description: `This week's figures rest on ${r.say("week.complete_glucose_days")} with a full day of sensor data. Gaps make weekly averages less certain, so read them as rough.`,
    evidence: r.evidence("week.complete_glucose_days", "week.days_with_glucose"),
  };
}

function oneDayInsight(r: FactReader): InsightCandidate | null {
  if (r.facts.thisWeek.daysWithData !== 1) return null;
  const day = r.facts.freshness.lastDataDate!;
  const glucose = r.has("week.tir_percent") ? `: ${r.say("week.tir_percent")} in range, averaging ${r.say("week.mean_glucose")}` : "";
  return {
    salience: 90,
    insightType: "neutral",
    title: "One day is not a trend",
    description: `${formatDay(day)} is the only day with data this week${glucose}. Patterns need several full days before they mean anything.`,
    evidence: r.evidence("week.days_with_data", "week.tir_percent", "week.mean_glucose"),
  };
}

function noGlucoseInsight(r: FactReader): InsightCandidate | null {
  const w = r.facts.thisWeek;
  if (w.daysWithData === 0 || w.daysWithGlucose > 0) return null;
  const last = r.facts.freshness.lastGlucoseDate;
  return {
    salience: 95,
    insightType: "warning",
    title: "No glucose readings this week",
    description: `None of the ${r.say("week.days_with_data")} with data had sensor readings, so time in range and averages are missing.${last ? ` The last reading is from ${formatDay(last)}.` : ""}`,
    evidence: r.evidence("week.days_with_glucose", "week.days_with_data", "freshness.last_glucose_date"),
  };
}

function sleepOnlyInsight(r: FactReader): InsightCandidate | null {
  if (r.facts.thisWeek.daysWithGlucose > 0 || !r.has("week.sleep_hours_avg")) return null;
  const good = r.num("week.nights_7h_or_more") ?? 0;
  const nights = r.num("week.nights_with_sleep")!;
  return {
    salience: 60,
    insightType: good * 2 > nights ? "positive" : "neutral",
    title: `Sleep tracked on ${r.say("week.nights_with_sleep")}`,
    description: `You averaged ${r.say("week.sleep_hours_avg")} a night, with ${r.say("week.nights_7h_or_more")} of 7 h or more and ${r.say("week.nights_under_6h")} under 6 h.`,
    evidence: r.evidence("week.sleep_hours_avg", "week.nights_with_sleep", "week.nights_7h_or_more", "week.nights_under_6h"),
  };
}

function noDataInsight(r: FactReader): InsightCandidate | null {
  if (r.facts.thisWeek.daysWithData > 0) return null;
  const last = r.facts.freshness.lastDataDate;
  return {
    salience: 100,
    insightType: "warning",
    title: "No data this week",
    description: `Nothing arrived between ${formatDay(r.facts.weekOf)} and ${formatDay(r.facts.weekEnd)}.${last ? ` The last data is from ${formatDay(last)}.` : " No data has been imported yet."}`,
    evidence: r.evidence("week.days_with_data", "freshness.last_data_date"),
  };
}

function staleInsight(r: FactReader): InsightCandidate | null {
  const f = r.facts;
  if (f.thisWeek.daysWithData === 0 || !f.dataQuality.flags.includes("stale_data") || !f.freshness.lastDataDate) return null;
  return {
    salience: 55,
    insightType: "warning",
    title: "The end of the week is missing",
    description: `The most recent data is from ${formatDay(f.freshness.lastDataDate)}, ${r.say("freshness.days_since_last_data")} before the week ended. A stalled sync or a sensor change may be the reason.`,
    evidence: r.evidence("freshness.last_data_date", "freshness.days_since_last_data"),
  };
}

function historyInsight(r: FactReader): InsightCandidate | null {
  const f = r.facts;
  if (f.predictions.chosen.length >= 2) return null;
  return {
    salience: 35,
    insightType: "neutral",
    title: "Predictions are waiting for more history",
    description: `Calibrated predictions need at least 14 days with a full day of sensor data; your history has ${r.say("history.complete_glucose_days")}. Each full day brings them closer.`,
    evidence: r.evidence("history.complete_glucose_days", "history.days_with_data"),
  };
}

function baselineRecallInsight(r: FactReader): InsightCandidate | null {
  if (r.facts.thisWeek.daysWithGlucose > 0 || !r.has("baseline_4w.tir_percent", "baseline_4w.mean_glucose")) return null;
  return {
    salience: 40,
    insightType: "neutral",
    title: "Where things stood before the gap",
    description: `In the 4 weeks before, ${r.say("baseline_4w.tir_percent")} of readings were in range (70–180 mg/dL), averaging ${r.say("baseline_4w.mean_glucose")}. That is the mark to compare with once readings return.`,
    evidence: r.evidence("baseline_4w.tir_percent", "baseline_4w.mean_glucose"),
  };
}

function setupInsight(r: FactReader): InsightCandidate | null {
  if ((r.num("history.days_with_data") ?? 0) >= 14) return null;
  return {
    salience: 30,
    insightType: "neutral",
    title: "Two weeks of data unlock comparisons",
    description: `Comparisons with your own baseline start after 14 days with data; so far there ${r.num("history.days_with_data") === 1 ? "is" : "are"} ${r.say("history.days_with_data")}.`,
    evidence: r.evidence("history.days_with_data"),
  };
}

function historySummaryInsight(r: FactReader): InsightCandidate | null {
  if (r.facts.thisWeek.daysWithGlucose > 0 || (r.num("history.days_with_data") ?? 0) === 0 || !r.facts.history.firstDate) return null;
  return {
    salience: 8,
    insightType: "neutral",
    title: "Your history so far",
    description: `Since ${formatDay(r.facts.history.firstDate)}, Proxima holds ${r.say("history.days_with_data")} with data, ${r.say("history.complete_glucose_days")} of them with a full day of sensor data.`,
    evidence: r.evidence("history.first_date", "history.days_with_data", "history.complete_glucose_days"),
  };
}
