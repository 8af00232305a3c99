import { describe, expect, it } from "vitest";
import { DateTime } from "luxon";
import { AppError } from "@/lib/errors";
import { makeDay, makeDays } from "@/lib/analytics/predictions/testing-rows";
import { addDays } from "@/lib/analytics/predictions";
import { buildWeeklyFacts, describeCorrelation } from "./weekly-facts";
import { emptyFacts, FIXTURE_CORRELATIONS, oneDayFacts, richFacts, sleepOnlyFacts } from "./testing/fixtures";
import type { WeeklyInputDay } from "./window-stats";

const WEEK = "2025-06-09"; // a Monday

/** 28 ordinary days before the week (TIR 80 %, mean 130 ± 35 mg/dL, 7 h sleep), then a hand-built week. */
function handBuiltDays(): WeeklyInputDay[] {
  const before = makeDays(addDays(WEEK, -28), 28);
  const tir = [60, 70, 80, 90, 60, 70, 80];
  const tar = [30, 20, 10, 5, 30, 20, 10];
  const tbr = [2, 0, 0, 0, 4, 1, 0];
  const sleep = [300, 420, 480, 360, 330, 450, 420];
  const exercise = [0, 30, 60, 0, 45, 0, 30];
  const week = tir.map((t, i) => ({
    ...makeDay(addDays(WEEK, i), {
      meanMgdl: 150, sdMgdl: 30, tirPercent: t, tarPercent: tar[i], sleepMinutes: sleep[i], exerciseMinutes: exercise[i],
      eveningExerciseMinutes: i === 1 ? 20 : 0, lateDinner: i === 0,
    }),
    tbrPercent: tbr[i],
  }));
  return [...before, ...week];
}

describe("buildWeeklyFacts on a hand-built week", () => {
  const facts = buildWeeklyFacts({ weekOf: WEEK, timezone: "Europe/Paris", days: handBuiltDays(), correlations: FIXTURE_CORRELATIONS });
  const v = (metric: string) => facts.facts[metric]?.value;

  it("this week's glucose figures are reading-weighted over the days", () => {
    expect(v("week.days_with_data")).toBe(7);
    expect(v("week.mean_glucose")).toBe(150);
    expect(v("week.tir_percent")).toBe(73); // (60+70+80+90+60+70+80)/7 = 72.857
    expect(v("week.tar_percent")).toBe(18); // 125/7 = 17.857
    expect(v("week.tbr_percent")).toBe(1); // 7/7
    // pooled SD: 7 days × 288 readings, mean 150, sd 30 → √(7·287·900 / 2015) = 29.955 → CV 19.97 %
    expect(facts.thisWeek.sdGlucose).toBeCloseTo(Math.sqrt((7 * 287 * 900) / 2015), 9);
    expect(v("week.cv_percent")).toBe(20);
    expect(v("week.gmi_percent")).toBe(6.9); // 3.31 + 0.02392 × 150 = 6.898
    expect(facts.glucoseSource).toBe("daily");
  });

  it("sleep, activity and meals", () => {
    expect(v("week.sleep_hours_avg")).toBe(6.6); // 2760 min / 7 / 60 = 6.571
    expect(v("week.nights_under_6h")).toBe(2);
    expect(v("week.nights_7h_or_more")).toBe(4);
    expect(v("week.exercise_minutes_total")).toBe(165);
    expect(v("week.exercise_minutes_avg")).toBe(24); // 23.57
    expect(v("week.active_days")).toBe(4);
    expect(v("week.evening_activity_days")).toBe(1);
    expect(v("week.late_dinners")).toBe(1);
  });

  it("compares with the week before and the 4-week baseline, from the rounded figures", () => {
    expect(v("prev_week.tir_percent")).toBe(80);
    expect(v("delta_prev.tir_percent")).toBe(-7);
    expect(facts.facts["delta_prev.tir_percent"].unit).toBe("points");
    expect(v("delta_prev.mean_glucose")).toBe(20);
    expect(v("baseline_4w.days_with_data")).toBe(28);
    // baseline CV: 28 days, mean 130, sd 35 → √(28·287·1225 / 8063) / 130 = 26.88 %
    expect(v("baseline_4w.cv_percent")).toBe(26.9);
    expect(v("delta_baseline.cv_percent")).toBe(-6.9);
    expect(v("delta_baseline.sleep_hours_avg")).toBe(-0.4); // 6.6 − 7.0
  });

  it("best and worst day, freshness and history", () => {
    expect(facts.bestDay).toMatchObject({ date: "2025-06-12", tirPercent: 90 });
    // two days at 60 %: equal mean, the later one sorts last
    expect(facts.worstDay).toMatchObject({ date: "2025-06-13", tirPercent: 60, sleepHours: 5.5 });
    expect(v("best_day.date")).toBe("2025-06-12");
    expect(facts.freshness).toEqual({ lastDataDate: "2025-06-15", lastGlucoseDate: "2025-06-15", daysSinceLastData: 0, stale: false });
    expect(v("history.days_with_data")).toBe(35);
    expect(v("history.days_before_week")).toBe(28);
    expect(facts.dataQuality).toEqual({ level: "rich", flags: [], notes: [] });
  });

  it("keeps significant correlations only, strongest q first, with their confidence class", () => {
    expect(facts.correlations.map((c) => c.metric)).toEqual([
      "correlation.sleep_hours.time_in_range.lag0",
      "correlation.late_dinner.overnight_mean.lag1",
      "correlation.evening_exercise_minutes.overnight_mean.lag1",
    ]);
    expect(facts.facts["correlation.sleep_hours.time_in_range.lag0"]).toMatchObject({ value: 0.41, n: 150, confidence: 90, detail: "q = 0.002, 150 paired days" });
    expect(facts.facts["correlation.evening_exercise_minutes.overnight_mean.lag1"]).toMatchObject({ value: -0.33, confidence: 75 });
    expect(facts.recommendations.map((r) => r.evidence.factor)).toEqual(["sleep_hours", "late_dinner", "evening_exercise_minutes"]);
  });

  it("confidence follows coverage: 7 full days → 95; GMI capped at 60 (a 14-day measure)", () => {
    expect(facts.facts["week.tir_percent"].confidence).toBe(95);
    expect(facts.facts["week.gmi_percent"].confidence).toBe(60);
    expect(facts.facts["week.days_with_data"].confidence).toBe(100);
  });
});

describe("buildWeeklyFacts with this week's CGM readings", () => {
  it("uses the glucose module's (iglu) figures and drops readings outside the week", () => {
    const start = DateTime.fromISO(WEEK, { zone: "Europe/Paris" }).toMillis();
    const times: number[] = [start - 5 * 60_000]; // Sunday 23:55: outside the week
    const values: number[] = [400];
    for (let i = 0; i < 576; i++) {
      times.push(start + i * 5 * 60_000);
      values.push([60, 100, 200, 150][i % 4]);
    }
    const facts = buildWeeklyFacts({ weekOf: WEEK, timezone: "Europe/Paris", days: handBuiltDays(), correlations: [], glucoseThisWeek: { times, values } });
    expect(facts.glucoseSource).toBe("cgm");
    expect(facts.facts["week.tir_percent"].value).toBe(50);
    expect(facts.facts["week.tbr_percent"].value).toBe(25);
    expect(facts.facts["week.tar_percent"].value).toBe(25);
    expect(facts.facts["week.mean_glucose"].value).toBe(128); // 127.5
    expect(facts.facts["week.gmi_percent"].value).toBe(6.4); // 3.31 + 0.02392 × 127.5 = 6.3598
    expect(facts.facts["week.below_54_percent"].value).toBe(0);
    // 2 of 7 days worn: coverage 2880 / 10080 min → 95 × 0.2857 / 0.7 = 38.8
    expect(facts.facts["week.tir_percent"].confidence).toBe(39);
  });
});

describe("buildWeeklyFacts on thin data", () => {
  it("one day: flags, no best/worst day, no predictions, no NaN", () => {
    const f = oneDayFacts();
    expect(f.dataQuality.level).toBe("minimal");
    expect(f.dataQuality.flags).toEqual(["single_day", "sparse_glucose", "no_history", "stale_data"]);
    expect(f.bestDay).toBeNull();
    expect(f.predictions.chosen).toEqual([]);
    expect(f.predictions.notChosen[0].reason).toBe("Only 1 day has complete glucose data; 14 are needed to know your usual rate.");
    expect(f.facts["week.tir_percent"].value).toBe(68);
    expect(f.facts["freshness.days_since_last_data"].value).toBe(4);
  });

  it("only sleep: no glucose facts for the week, sleep facts present", () => {
    const f = sleepOnlyFacts();
    expect(f.dataQuality.flags).toEqual(["no_glucose", "only_sleep"]);
    expect(f.facts["week.tir_percent"]).toBeUndefined();
    expect(f.facts["week.exercise_minutes_total"]).toBeUndefined();
    expect(f.facts["week.sleep_hours_avg"].value).toBe(6.5); // 2720 / 7 / 60 = 6.476
    expect(f.facts["freshness.last_glucose_date"].value).toBe("2025-06-29");
  });

  it("empty week after a gap, and a person with no data at all", () => {
    const f = emptyFacts();
    expect(f.dataQuality).toMatchObject({ level: "none", flags: ["no_data_this_week", "stale_data"] });
    expect(f.freshness).toEqual({ lastDataDate: "2025-06-25", lastGlucoseDate: "2025-06-25", daysSinceLastData: 11, stale: true });
    expect(f.thisWeek.meanGlucose).toBeNull();
    const never = emptyFacts({ neverAnyData: true });
    expect(never.dataQuality.flags).toEqual(["no_data_this_week", "no_history"]);
    expect(never.freshness).toEqual({ lastDataDate: null, lastGlucoseDate: null, daysSinceLastData: null, stale: true });
    expect(Object.keys(never.facts).sort()).toEqual(["history.complete_glucose_days", "history.days_before_week", "history.days_with_data", "prev_week.days_with_data", "prev_week.days_with_glucose", "baseline_4w.days_with_data", "baseline_4w.days_with_glucose", "week.days_with_data", "week.days_with_glucose", "week.complete_glucose_days"].sort());
  });

  it("never registers a non-finite number, on any fixture", () => {
    for (const f of [richFacts(), oneDayFacts(), sleepOnlyFacts(), emptyFacts(), emptyFacts({ neverAnyData: true })]) {
      for (const fact of Object.values(f.facts)) {
        if (typeof fact.value === "number") expect(Number.isFinite(fact.value), fact.metric).toBe(true);
        expect(fact.confidence).toBeGreaterThanOrEqual(0);
        expect(fact.confidence).toBeLessThanOrEqual(100);
      }
    }
  });
});

describe("buildWeeklyFacts on a rich history", () => {
  it("registers the chosen predictions with their computed numbers", () => {
    const f = richFacts();
    expect(f.predictions.chosen.length).toBeGreaterThanOrEqual(2);
    expect(f.predictions.chosen.length).toBeLessThanOrEqual(3);
    for (const p of f.predictions.chosen) {
      expect(f.facts[`prediction.${p.templateId}.probability`].value).toBe(p.probabilityPercent);
      expect(f.facts[`prediction.${p.templateId}.sample_size`].value).toBe(p.sampleSize);
      expect(p.sampleSize).toBeGreaterThanOrEqual(8);
    }
    expect(f.shadowPatterns.map((s) => s.id)).toContain("evening_walks");
  });
});

describe("input checks", () => {
  it("rejects a week that does not start on a Monday, and an unknown timezone", () => {
    const call = (weekOf: string, timezone = "UTC") => () => buildWeeklyFacts({ weekOf, timezone, days: [], correlations: [] });
    expect(call("2025-06-10")).toThrow(AppError);
    expect(call("2025-06-10")).toThrow('The week must start on a Monday written YYYY-MM-DD (got "2025-06-10").');
    expect(call("June 9")).toThrow(/Monday/);
    expect(call(WEEK, "Mars/Olympus")).toThrow('"Mars/Olympus" is not a timezone we know.');
    try {
      call("2025-06-10")();
    } catch (e) {
      expect((e as AppError).code).toBe("bad_request:intelligence");
    }
  });

  it("ignores rows after the week", () => {
    const days = [...handBuiltDays(), makeDay("2025-06-16", { tirPercent: 5 })];
    const f = buildWeeklyFacts({ weekOf: WEEK, timezone: "UTC", days, correlations: [] });
    expect(f.freshness.lastDataDate).toBe("2025-06-15");
    expect(f.facts["week.tir_percent"].value).toBe(73);
  });
});

describe("describeCorrelation", () => {
  it("words associations, not causes", () => {
    expect(describeCorrelation("sleep_hours", "time_in_range", 0, 0.4)).toBe("days with more hours of sleep tend to have higher time in range 70–180");
    expect(describeCorrelation("late_dinner", "overnight_mean", 1, 0.3)).toBe("days with a late dinner (after 21:00) tend to be followed by higher overnight glucose (00:00–06:00) the next day");
    expect(describeCorrelation("steps", "mean_glucose", 2, -0.3)).toBe("days with more steps tend to be followed by lower mean glucose 2 days later");
  });
});

describe("buildWeeklyFacts with the journal", () => {
  const paris = (local: string) => DateTime.fromISO(local, { zone: "Europe/Paris" }).toJSDate();
  const journal = [
    { createdAt: paris("2025-06-02T21:00"), sentiment: -0.3, tags: ["stress"] },
    { createdAt: paris("2025-06-08T23:30"), sentiment: -0.1, tags: ["stress", "work"] },
    { createdAt: paris("2025-06-09T07:00"), sentiment: 0.4, tags: ["stress", "sleep"] },
    { createdAt: paris("2025-06-11T20:00"), sentiment: 0.2, tags: ["stress", "walk"] },
    { createdAt: paris("2025-06-12T20:00"), sentiment: null, tags: ["sleep"] },
    { createdAt: paris("2025-06-15T22:00"), sentiment: 0.3, tags: ["stress", "sleep"] },
  ];
  const facts = buildWeeklyFacts({ weekOf: WEEK, timezone: "Europe/Paris", days: handBuiltDays(), correlations: [], journal });
  const v = (k: string) => facts.facts[k]?.value;

  it("counts entries by local day, compares the average sentiment with the week before and ranks tags", () => {
    expect(facts.journal).toMatchObject({ entries: 4, scoredEntries: 3, previousEntries: 2, topTags: [{ tag: "sleep", count: 3 }, { tag: "stress", count: 3 }, { tag: "walk", count: 1 }] });
    expect(v("journal.entries")).toBe(4);
    expect(v("journal.prev_entries")).toBe(2);
    expect(v("journal.mean_sentiment")).toBe(0.3);
    expect(v("journal.prev_mean_sentiment")).toBe(-0.2);
    expect(v("journal.delta_mean_sentiment")).toBe(0.5);
    expect(facts.facts["journal.tag.sleep"]).toMatchObject({ value: 3, unit: "entries", n: 4, label: "journal entries tagged #sleep this week" });
    expect(v("journal.tag.walk")).toBe(1);
    expect(v("journal.tag.work")).toBeUndefined();
  });

  it("rates the average's confidence by how many entries were scored", () => {
    expect(facts.facts["journal.mean_sentiment"].confidence).toBe(57); // 95 × 3/5
    expect(facts.facts["journal.prev_mean_sentiment"].confidence).toBe(38); // 95 × 2/5
    expect(facts.facts["journal.delta_mean_sentiment"].confidence).toBe(38);
  });

  it("registers nothing without entries in either week", () => {
    const none = buildWeeklyFacts({ weekOf: WEEK, timezone: "Europe/Paris", days: handBuiltDays(), correlations: [] });
    expect(none.journal).toBeNull();
    expect(Object.keys(none.facts).filter((k) => k.startsWith("journal."))).toEqual([]);
  });
});
