import { formatDay, type EvidenceItem } from "@/lib/intelligence";
import { FactReader, pickVariant } from "./fact-reader";
import { MOOD_TEXT, moodLabel } from "@/lib/journal/mood";
import { MOOD_DIRECTION_THRESHOLD } from "@/lib/journal/mood-trend";

/**
 * The weekly story: a title and a short narrative a person (or their doctor) can read in a minute.
 * Sentences are built from the facts that exist this week, in the order a clinician reads a CGM
 * report: glucose overall, highs and lows, the days that stood out, then sleep and activity, then
 * what the history says. Nothing is diagnosed; every figure is a registered fact.
 */
export function writeStory(r: FactReader): { title: string; narrative: string; evidence: EvidenceItem[] } {
  const f = r.facts;
  const level = f.dataQuality.level;
  if (level === "none") return writeEmptyStory(r);
  if (!r.has("week.tir_percent")) return writeNoGlucoseStory(r);
  if (f.thisWeek.daysWithData === 1) return writeOneDayStory(r);

  const cite: string[] = ["week.tir_percent", "week.mean_glucose", "week.days_with_glucose"];
  const sentences: string[] = [];
  const tir = r.say("week.tir_percent");
  const days = r.say("week.days_with_glucose");
  const comparison = compareTir(r);
  cite.push(...comparison.cite);

  sentences.push(pickVariant(f.weekOf, "story-open", [
    `Across ${days} of sensor data, glucose averaged ${r.say("week.mean_glucose")} and ${tir} of readings sat between 70 and 180 mg/dL${comparison.clause}.`,
    `Over ${days} of sensor data, ${tir} of readings were in the 70–180 mg/dL range, with an average of ${r.say("week.mean_glucose")}${comparison.clause}.`,
    `This week's ${days} of sensor data put ${tir} of readings in range (70–180 mg/dL) and the average at ${r.say("week.mean_glucose")}${comparison.clause}.`,
  ]));

  if (r.has("week.tar_percent", "week.tbr_percent")) {
    cite.push("week.tar_percent", "week.tbr_percent");
    const tbr = r.num("week.tbr_percent")!;
    const lows = tbr >= 4 ? `, above the consensus limit of 4 %` : tbr < 1 ? `, well inside the consensus limit of 4 %` : `, inside the consensus limit of 4 %`;
    sentences.push(`Time above 180 mg/dL came to ${r.say("week.tar_percent")} and time below 70 mg/dL to ${r.say("week.tbr_percent")}${lows}.`);
  } else if (r.has("week.tar_percent")) {
    cite.push("week.tar_percent");
    sentences.push(`Time above 180 mg/dL came to ${r.say("week.tar_percent")} (the consensus target is under 25 %).`);
  }

  if (f.bestDay && f.worstDay) {
    cite.push("best_day.date", "best_day.tir_percent", "worst_day.date", "worst_day.tir_percent");
    const worstMean = r.has("worst_day.mean_glucose") ? `, averaging ${r.say("worst_day.mean_glucose")}` : "";
    if (worstMean) cite.push("worst_day.mean_glucose");
    sentences.push(pickVariant(f.weekOf, "story-days", [
      `${formatDay(f.bestDay.date)} was the best day, with ${r.say("best_day.tir_percent")} in range; ${formatDay(f.worstDay.date)} was the hardest, at ${r.say("worst_day.tir_percent")}${worstMean}.`,
      `The week's high point was ${formatDay(f.bestDay.date)} (${r.say("best_day.tir_percent")} in range) and its low point ${formatDay(f.worstDay.date)} (${r.say("worst_day.tir_percent")}${worstMean}).`,
    ]));
  }

  const sleep = describeSleep(r);
  if (sleep) {
    sentences.push(sleep.sentence);
    cite.push(...sleep.cite);
  }
  const activity = describeActivity(r);
  if (activity) {
    sentences.push(activity.sentence);
    cite.push(...activity.cite);
  }
  const journal = describeJournal(r);
  if (journal) {
    sentences.push(journal.sentence);
    cite.push(...journal.cite);
  }
  const top = f.correlations[0];
  if (top) {
    cite.push(top.metric);
    sentences.push(`Across ${top.sampleSize} days of your history, ${top.description} (${r.say(top.metric)}): a pattern in your own data, not proof of cause.`);
  }
  if (f.dataQuality.flags.includes("stale_data") && f.freshness.lastDataDate) {
    cite.push("freshness.last_data_date", "freshness.days_since_last_data");
    sentences.push(`The latest data is from ${formatDay(f.freshness.lastDataDate)}, so the last ${r.say("freshness.days_since_last_data")} of the week are missing.`);
  }

  return { title: titleFor(r, comparison.delta), narrative: sentences.join(" "), evidence: r.evidence(...new Set(cite)) };
}

function compareTir(r: FactReader): { clause: string; cite: string[]; delta: number | null } {
  if (r.has("delta_baseline.tir_percent")) {
    const d = r.num("delta_baseline.tir_percent")!;
    const base = r.say("baseline_4w.tir_percent");
    const clause = d === 0
      ? `, level with your 4-week average of ${base}`
      : `, ${r.say("delta_baseline.tir_percent", { abs: true })} ${d > 0 ? "above" : "below"} your 4-week average of ${base}`;
    return { clause, cite: ["delta_baseline.tir_percent", "baseline_4w.tir_percent"], delta: d };
  }
  if (r.has("delta_prev.tir_percent")) {
    const d = r.num("delta_prev.tir_percent")!;
    const clause = d === 0 ? ", the same as the week before" : `, ${r.say("delta_prev.tir_percent", { abs: true })} ${d > 0 ? "more" : "fewer"} than the week before`;
    return { clause, cite: ["delta_prev.tir_percent"], delta: d };
  }
  return { clause: "", cite: [], delta: null };
}

function titleFor(r: FactReader, delta: number | null): string {
  const tir = r.say("week.tir_percent");
  const w = r.facts.weekOf;
  if (delta !== null && delta <= -5) return pickVariant(w, "title-down", [`Time in range slipped to ${tir}`, `A harder week: ${tir} in range`, `Fewer readings in range this week (${tir})`]);
  if (delta !== null && delta >= 5) return pickVariant(w, "title-up", [`Time in range climbed to ${tir}`, `A steadier week: ${tir} in range`, `More of the week in range (${tir})`]);
  if (r.num("week.tir_percent")! >= 70) return pickVariant(w, "title-ok", [`Time in range held at ${tir}`, `A week on target: ${tir} in range`]);
  return pickVariant(w, "title-flat", [`Time in range steady at ${tir}`, `A week much like the last: ${tir} in range`]);
}

function describeSleep(r: FactReader): { sentence: string; cite: string[] } | null {
  if (!r.has("week.sleep_hours_avg")) return null;
  const cite = ["week.sleep_hours_avg"];
  let sentence = `You slept ${r.say("week.sleep_hours_avg")} a night on average`;
  if (r.has("delta_baseline.sleep_hours_avg") && Math.abs(r.num("delta_baseline.sleep_hours_avg")!) >= 0.3) {
    const d = r.num("delta_baseline.sleep_hours_avg")!;
    sentence += `, ${r.say("delta_baseline.sleep_hours_avg", { abs: true })} ${d > 0 ? "more" : "less"} than your usual ${r.say("baseline_4w.sleep_hours_avg")}`;
    cite.push("delta_baseline.sleep_hours_avg", "baseline_4w.sleep_hours_avg");
  }
  const short = r.num("week.nights_under_6h");
  if (short !== null && short > 0) {
    sentence += `, with ${r.say("week.nights_under_6h")} under 6 h`;
    cite.push("week.nights_under_6h");
  }
  return { sentence: `${sentence}.`, cite };
}

function describeActivity(r: FactReader): { sentence: string; cite: string[] } | null {
  if (!r.has("week.exercise_minutes_total")) return null;
  const cite = ["week.exercise_minutes_total"];
  const total = r.num("week.exercise_minutes_total")!;
  let sentence = total === 0 ? "No exercise was recorded this week" : `Exercise added up to ${r.say("week.exercise_minutes_total")} over the week`;
  const walks = r.facts.shadowPatterns.find((s) => s.id === "evening_walks");
  if (walks) {
    sentence += `, and the evening walks seen in ${r.say("shadow.evening_walks.weeks_present", { bare: true })} of the previous 4 weeks did not happen`;
    cite.push("shadow.evening_walks.weeks_present");
  } else if (r.has("week.evening_activity_days") && r.num("week.evening_activity_days")! > 0) {
    sentence += `, including ${r.say("week.evening_activity_days")} with activity after 17:00`;
    cite.push("week.evening_activity_days");
  }
  return { sentence: `${sentence}.`, cite };
}

/** "3 entries", "1 entry": the journal counts, written from the registered fact. */
function entries(r: FactReader, metric: string): string {
  return `${r.say(metric, { bare: true })} ${r.num(metric) === 1 ? "entry" : "entries"}`;
}

/**
 * The week's journal in one sentence: how many entries, their tone (the mood label of the average,
 * compared with the week before using the mood trend's threshold) and the tags used most, e.g.
 * "You wrote 4 entries in your journal, positive in tone on average (sentiment 0.31, up from 0.12
 * the week before); you tagged 3 entries #stress and 2 #sleep."
 */
function describeJournal(r: FactReader): { sentence: string; cite: string[] } | null {
  const week = r.facts.journal;
  if (!week || !r.has("journal.entries")) return null;
  if (week.entries === 0) {
    if (!r.has("journal.prev_entries") || r.num("journal.prev_entries") === 0) return null;
    return { sentence: `You wrote no journal entries this week, after ${entries(r, "journal.prev_entries")} the week before.`, cite: ["journal.entries", "journal.prev_entries"] };
  }
  const cite = ["journal.entries"];
  let sentence = `You wrote ${entries(r, "journal.entries")} in your journal`;
  const mean = r.num("journal.mean_sentiment");
  if (mean !== null) {
    cite.push("journal.mean_sentiment");
    sentence += `, ${MOOD_TEXT[moodLabel(mean)]} in tone on average (sentiment ${r.say("journal.mean_sentiment")}`;
    const delta = r.num("journal.delta_mean_sentiment");
    if (delta !== null) {
      cite.push("journal.prev_mean_sentiment", "journal.delta_mean_sentiment");
      const previous = r.say("journal.prev_mean_sentiment");
      sentence += Math.abs(delta) < MOOD_DIRECTION_THRESHOLD
        ? `, close to ${previous} the week before`
        : `, ${delta > 0 ? "up" : "down"} from ${previous} the week before`;
    }
    sentence += ")";
  }
  const tags = week.topTags.filter((t) => r.has(`journal.tag.${t.tag}`));
  if (tags.length > 0) {
    cite.push(...tags.map((t) => `journal.tag.${t.tag}`));
    const parts = tags.map((t, i) => (i === 0 ? `${entries(r, `journal.tag.${t.tag}`)} #${t.tag}` : `${r.say(`journal.tag.${t.tag}`, { bare: true })} #${t.tag}`));
    const list = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
    sentence += `; you tagged ${list}`;
  }
  return { sentence: `${sentence}.`, cite };
}

function writeOneDayStory(r: FactReader) {
  const f = r.facts;
  const day = f.freshness.lastDataDate!;
  const cite = ["week.days_with_data", "week.tir_percent", "week.mean_glucose", "history.days_before_week"];
  const history = r.num("history.days_before_week")! === 0
    ? "There is no earlier history to compare it with yet."
    : `Your earlier history (${r.say("history.days_before_week")}) is there, but one day cannot show a trend against it.`;
  return {
    title: pickVariant(f.weekOf, "title-one-day", ["One day of data this week", "A single day to go on"]),
    narrative: `Only ${formatDay(day)} has data this week: ${r.say("week.tir_percent")} of readings were in range (70–180 mg/dL) and glucose averaged ${r.say("week.mean_glucose")}. ${history} With the sensor on for the coming days, next week's brief can compare days, spot what helps, and estimate how likely a difficult day is.`,
    evidence: r.evidence(...cite),
  };
}

function writeNoGlucoseStory(r: FactReader) {
  const f = r.facts;
  const cite = ["week.days_with_data", "week.days_with_glucose"];
  const parts: string[] = [];
  if (r.has("week.sleep_hours_avg")) {
    cite.push("week.sleep_hours_avg", "week.nights_with_sleep");
    let s = `Sleep came through for ${r.say("week.nights_with_sleep")}, at ${r.say("week.sleep_hours_avg")} a night on average`;
    if (r.has("week.nights_under_6h") && r.num("week.nights_under_6h")! > 0) {
      s += ` (${r.say("week.nights_under_6h")} under 6 h)`;
      cite.push("week.nights_under_6h");
    }
    parts.push(`${s}.`);
  }
  if (r.has("week.exercise_minutes_total")) {
    cite.push("week.exercise_minutes_total");
    parts.push(`Exercise added up to ${r.say("week.exercise_minutes_total")}.`);
  }
  const journal = describeJournal(r);
  if (journal) {
    cite.push(...journal.cite);
    parts.push(journal.sentence);
  }
  const onlySleep = f.dataQuality.flags.includes("only_sleep");
  const last = f.freshness.lastGlucoseDate;
  if (last) cite.push("freshness.last_glucose_date");
  const lastGlucose = last ? ` The last glucose reading is from ${formatDay(last)}.` : "";
  return {
    title: onlySleep
      ? pickVariant(f.weekOf, "title-sleep-only", ["A week of sleep data, without glucose", "Sleep recorded, sensor silent"])
      : pickVariant(f.weekOf, "title-no-glucose", ["No glucose readings this week", "A week without sensor data"]),
    narrative: `${onlySleep ? "Only sleep was recorded this week; no glucose readings arrived." : "No glucose readings arrived this week."} ${parts.join(" ")} Without the sensor, this brief cannot say how your glucose responded to these nights and days.${lastGlucose}`.replace(/\s+/g, " ").trim(),
    evidence: r.evidence(...cite),
  };
}

function writeEmptyStory(r: FactReader) {
  const f = r.facts;
  const cite = ["week.days_with_data"];
  let narrative = `No data arrived for the week of ${formatDay(f.weekOf)} to ${formatDay(f.weekEnd)}.`;
  if (f.freshness.lastDataDate) {
    cite.push("freshness.last_data_date", "freshness.days_since_last_data");
    narrative += ` The most recent data is from ${formatDay(f.freshness.lastDataDate)}, ${r.say("freshness.days_since_last_data")} before the week ended. If the sensor or an app connection stopped, reconnecting it on the Data page brings next week's brief back.`;
  } else {
    narrative += " Nothing has been imported yet: once glucose readings, sleep or activity come in, the weekly brief will describe them.";
  }
  return {
    title: pickVariant(f.weekOf, "title-empty", ["No new data this week", "A quiet week: no data arrived"]),
    narrative,
    evidence: r.evidence(...cite),
  };
}
