import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { generateCohort, GOAL_HISTORY_DAYS, MENTEE_HEALTH_DAYS } from "./cohort";
import { LOW_ADHERENCE_SILENT_DAYS } from "./cohort-content";
import { generateDemoPatient } from "./demo-patient";
import { addDays, isoWeekOf, weekdayOf } from "./local-time";
import type { CheckIn, DemoCohort } from "./types";

// The `sentiment` package (AFINN-165) ships no types; require keeps an ambient declaration out
// of the shared type space.
const Sentiment = createRequire(import.meta.url)("sentiment") as new () => { analyze(text: string): { score: number } };
const scorer = new Sentiment();

const END = "2026-03-15";
const cohort = generateCohort({ seed: "demo", endDate: END });
const person = (key: string) => cohort.people.find((p) => p.key === key)!;
const checkInsOf = (key: string) => cohort.checkIns.filter((c) => c.personKey === key);
const digest = (c: DemoCohort) => createHash("sha256").update(JSON.stringify(c)).digest("hex");

/** Done occasions / scheduled occasions of a person's active habits over the history window. */
function doneShare(key: string): number {
  const dates = Array.from({ length: GOAL_HISTORY_DAYS }, (_, i) => addDays(END, i - GOAL_HISTORY_DAYS + 1));
  let scheduled = 0;
  for (const h of cohort.habits.filter((x) => x.personKey === key && x.active)) {
    scheduled += dates.filter((d) => h.schedule.kind === "daily" || h.schedule.weekdays.includes(weekdayOf(d))).length;
  }
  return checkInsOf(key).filter((c) => c.status === "done").length / scheduled;
}

describe("generateCohort: people", () => {
  it("has the demo patient, the mentor and three mentees with the agreed emails and names", () => {
    expect(cohort.people.map((p) => [p.key, p.email, p.name, p.role])).toEqual([
      ["alex", "demo@proxima.local", "Alex Rivera", "member"],
      ["sam", "mentor@proxima.local", "Dr. Sam Okafor", "mentor"],
      ["jordan", "jordan@proxima.local", "Jordan Brooks", "member"],
      ["priya", "priya@proxima.local", "Priya Nair", "member"],
      ["lee", "lee@proxima.local", "Lee Chen", "member"],
    ]);
    expect(person("alex").timezone).toBe("America/New_York");
    expect(person("alex").glucoseUnit).toBe("mg/dL");
    const mentees = cohort.people.filter((p) => p.mentorKey === "sam").map((p) => [p.key, p.adherence]);
    expect(mentees).toEqual([["jordan", "high"], ["priya", "medium"], ["lee", "low"]]);
  });

  it("gives the demo patient the 90 days of generateDemoPatient(seed) and each mentee 14 lighter days", () => {
    const direct = generateDemoPatient({ seed: "demo", endDate: END });
    expect(JSON.stringify(cohort.health.alex)).toBe(JSON.stringify(direct));
    for (const key of ["jordan", "priya", "lee"]) {
      const h = cohort.health[key];
      expect(h.dailyTruth).toHaveLength(MENTEE_HEALTH_DAYS);
      expect(h.endDate).toBe(END);
      expect(h.timezone).toBe(person(key).timezone);
      expect(h.glucose.length).toBeGreaterThan(MENTEE_HEALTH_DAYS * 288 * 0.9);
    }
    expect(cohort.health.sam).toBeUndefined();
    // Their own seeds: no two mentees share a trace.
    expect(cohort.health.jordan.glucose[100].mgdl === cohort.health.priya.glucose[100].mgdl && cohort.health.priya.glucose[100].mgdl === cohort.health.lee.glucose[100].mgdl).toBe(false);
  });

  it("is deterministic for a seed and different for another", () => {
    expect(digest(generateCohort({ seed: "demo", endDate: END }))).toBe(digest(cohort));
    expect(digest(generateCohort({ seed: "other", endDate: END }))).not.toBe(digest(cohort));
  });

  it("rejects a malformed end date", () => {
    expect(() => generateCohort({ seed: 1, endDate: "March 15" })).toThrow(AppError);
  });
});

describe("generateCohort: goals, subgoals and habits", () => {
  it("gives every member goals with subgoals and habits, and the mentor none", () => {
    for (const key of ["alex", "jordan", "priya", "lee"]) {
      const goals = cohort.goals.filter((g) => g.personKey === key);
      expect(goals.length).toBeGreaterThanOrEqual(2);
      expect(goals.some((g) => g.status === "active")).toBe(true);
      for (const g of goals) {
        expect(g.title.length).toBeGreaterThan(5);
        expect(g.description.length).toBeGreaterThan(20);
        expect(cohort.subgoals.filter((s) => s.goalKey === g.key).length).toBeGreaterThan(0);
        expect(cohort.habits.filter((h) => h.goalKey === g.key).length).toBeGreaterThan(0);
        expect(g.completedAt !== null).toBe(g.status === "completed");
      }
    }
    expect(cohort.goals.filter((g) => g.personKey === "sam")).toHaveLength(0);
    expect(new Set(cohort.goals.map((g) => g.theme)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(cohort.goals.map((g) => g.status))).toEqual(new Set(["active", "completed", "paused"]));
  });

  it("has unique keys and references that resolve", () => {
    const keys = [...cohort.goals, ...cohort.subgoals, ...cohort.habits].map((x) => x.key);
    expect(new Set(keys).size).toBe(keys.length);
    const goalKeys = new Set(cohort.goals.map((g) => g.key));
    const habitKeys = new Set(cohort.habits.map((h) => h.key));
    expect(cohort.subgoals.every((s) => goalKeys.has(s.goalKey))).toBe(true);
    expect(cohort.habits.every((h) => goalKeys.has(h.goalKey))).toBe(true);
    expect(cohort.checkIns.every((c) => habitKeys.has(c.habitKey))).toBe(true);
  });

  it("schedules habits daily or N times a week on named weekdays, with a weekly skip budget", () => {
    const kinds = new Set(cohort.habits.map((h) => h.schedule.kind));
    expect(kinds).toEqual(new Set(["daily", "weekly"]));
    for (const h of cohort.habits) {
      if (h.schedule.kind === "weekly") expect(h.schedule.weekdays).toHaveLength(h.schedule.timesPerWeek);
      expect(h.skipBudgetPerWeek).toBeGreaterThanOrEqual(0);
      expect(h.usualTime).toMatch(/^\d{2}:\d{2}$/);
      expect(h.active).toBe(cohort.goals.find((g) => g.key === h.goalKey)!.status === "active");
    }
  });
});

describe("generateCohort: check-ins", () => {
  it("covers only scheduled days of active habits within the last 30 days, one record a day at most", () => {
    const first = addDays(END, -(GOAL_HISTORY_DAYS - 1));
    const seen = new Set<string>();
    for (const c of cohort.checkIns) {
      const h = cohort.habits.find((x) => x.key === c.habitKey)!;
      expect(h.active).toBe(true);
      expect(c.date >= first && c.date <= END).toBe(true);
      if (h.schedule.kind === "weekly") expect(h.schedule.weekdays).toContain(weekdayOf(c.date));
      const id = `${c.habitKey}@${c.date}`;
      expect(seen.has(id)).toBe(false);
      seen.add(id);
    }
    expect(new Set(cohort.checkIns.map((c) => c.status))).toEqual(new Set(["done", "skipped", "missed"]));
    expect(cohort.checkIns.some((c) => c.note !== null)).toBe(true);
  });

  it("never skips more than a habit's weekly budget", () => {
    const skips = new Map<string, number>();
    for (const c of cohort.checkIns.filter((x) => x.status === "skipped")) {
      const id = `${c.habitKey}@${isoWeekOf(c.date)}`;
      skips.set(id, (skips.get(id) ?? 0) + 1);
    }
    expect(skips.size).toBeGreaterThan(0);
    for (const [id, n] of skips) {
      const habit = cohort.habits.find((h) => h.key === id.split("@")[0])!;
      expect(n).toBeLessThanOrEqual(habit.skipBudgetPerWeek);
    }
  });

  it("plants ~90 %, ~60 % and ~25 % of scheduled occasions done for the three mentees", () => {
    expect(doneShare("jordan")).toBeCloseTo(0.9, 1);
    expect(doneShare("priya")).toBeCloseTo(0.6, 1);
    expect(doneShare("lee")).toBeCloseTo(0.25, 1);
  });

  it("leaves the low-adherence mentee silent after a last check-in 5 days before the end date", () => {
    const last = checkInsOf("lee").map((c) => c.date).sort().at(-1);
    expect(last).toBe(addDays(END, -LOW_ADHERENCE_SILENT_DAYS));
    expect(cohort.journalEntries.filter((j) => j.personKey === "lee" && j.date > last!)).toHaveLength(0);
    // The others checked in on the last day.
    for (const key of ["alex", "jordan", "priya"]) expect(checkInsOf(key).map((c) => c.date).sort().at(-1)).toBe(END);
  });

  it("marks the demo patient's walk habit done exactly on the evening-walk days", () => {
    const walk = cohort.habits.find((h) => h.personKey === "alex" && h.title.startsWith("Walk"))!;
    const truth = new Map(cohort.health.alex.dailyTruth.map((t) => [t.date, t]));
    const records: CheckIn[] = cohort.checkIns.filter((c) => c.habitKey === walk.key);
    expect(records).toHaveLength(GOAL_HISTORY_DAYS);
    for (const c of records) expect(c.status === "done").toBe(truth.get(c.date)!.eveningWalk);
    const share = doneShare("alex");
    expect(share).toBeGreaterThan(0.5);
    expect(share).toBeLessThan(0.8);
  });

  it("logs check-ins on their own local date, after the reminder", () => {
    const habitByKey = new Map(cohort.habits.map((h) => [h.key, h]));
    let checked = 0;
    for (const c of cohort.checkIns) {
      const zone = person(c.personKey).timezone;
      const local = DateTime.fromJSDate(c.loggedAt, { zone });
      expect(local.toISODate()).toBe(c.date);
      const [h, m] = habitByKey.get(c.habitKey)!.usualTime.split(":").map(Number);
      expect(local.hour * 60 + local.minute).toBeGreaterThan(h * 60 + m);
      checked++;
    }
    expect(checked).toBe(cohort.checkIns.length);
  });

  it('marks "screens off" done exactly when the night that followed was not short', () => {
    const habit = cohort.habits.find((h) => h.personKey === "alex" && h.title.startsWith("Screens off"))!;
    const truth = new Map(cohort.health.alex.dailyTruth.map((t) => [t.date, t]));
    const records = cohort.checkIns.filter((c) => c.habitKey === habit.key && c.date < END);
    expect(records).toHaveLength(GOAL_HISTORY_DAYS - 1);
    for (const c of records) expect(c.status === "done").toBe(!truth.get(addDays(c.date, 1))!.shortSleep);
  });
});

describe("generateCohort: journal", () => {
  it("has a few entries a week per member over the 30 days", () => {
    for (const key of ["alex", "jordan", "priya", "lee"]) {
      const n = cohort.journalEntries.filter((j) => j.personKey === key).length;
      const activeWeeks = key === "lee" ? (GOAL_HISTORY_DAYS - LOW_ADHERENCE_SILENT_DAYS) / 7 : GOAL_HISTORY_DAYS / 7;
      expect(n / activeWeeks).toBeGreaterThanOrEqual(1.5);
      expect(n / activeWeeks).toBeLessThanOrEqual(5);
    }
  });

  it("reads, with a lexicon sentiment scorer, as the planted moods and trends", () => {
    const scores = (key: string) => cohort.journalEntries.filter((j) => j.personKey === key).map((j) => ({ j, s: scorer.analyze(j.text).score }));
    // Every entry's sign matches the mood it was written in.
    for (const { j, s } of cohort.journalEntries.map((j) => ({ j, s: scorer.analyze(j.text).score }))) {
      expect(Math.sign(s)).toBe(Math.sign(j.plantedMood));
    }
    const halves = (key: string) => {
      const xs = scores(key).map((x) => x.s);
      const mid = Math.floor(xs.length / 2);
      const avg = (a: number[]) => a.reduce((p, q) => p + q, 0) / a.length;
      return [avg(xs.slice(0, mid)), avg(xs.slice(mid))];
    };
    const [alexEarly, alexLate] = halves("alex");
    expect(alexLate - alexEarly).toBeGreaterThan(2); // brightening
    const [leeEarly, leeLate] = halves("lee");
    expect(leeEarly - leeLate).toBeGreaterThan(2); // darkening before going silent
    const jordan = scores("jordan").map((x) => x.s);
    expect(jordan.reduce((a, b) => a + b, 0) / jordan.length).toBeGreaterThan(2);
    const priya = scores("priya").map((x) => x.s);
    expect(priya.some((s) => s > 0) && priya.some((s) => s < 0)).toBe(true);
  });
});
