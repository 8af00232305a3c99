/**
 * generateCohort: everyone in the demo and their goal data.
 *
 * - Alex Rivera (demo@proxima.local), the demo patient: 90 days of health data from
 *   generateDemoPatient with the cohort's seed (identical to calling it directly), three goals, and
 *   check-ins that follow those days (the after-dinner walk habit is done exactly on the evening
 *   walk days; "screens off" is done when the night that followed was not short).
 * - Dr. Sam Okafor (mentor@proxima.local), the mentor of the three mentees.
 * - Jordan (high adherence, ~90 % of scheduled occasions done), Priya (~60 %) and Lee (~25 %, the
 *   last check-in and journal entry 5 days before endDate, nothing after): 14 days of lighter
 *   health data each, from their own seeds and baselines.
 * Check-ins and journal entries cover the 30 days ending on endDate. Passwords are not here.
 */
import { generateDemoPatient } from "./demo-patient";
import {
  CHECK_IN_NOTES,
  DEMO_PATIENT_KEY,
  DEMO_PATIENT_MOOD,
  GOALS,
  LOW_ADHERENCE_SILENT_DAYS,
  MENTEES,
  PEOPLE,
  type HabitTemplate,
} from "./cohort-content";
import { toMoodBucket, writeJournalEntry } from "./journal-text";
import { addDays, assertDateAndZone, createWallClock, isoWeekOf, weekdayOf, type WallClock } from "./local-time";
import { deriveRng, type Rng } from "./prng";
import type {
  CheckIn,
  CheckInStatus,
  CohortOptions,
  CohortPerson,
  DailyTruth,
  DemoCohort,
  DemoPatientData,
  Goal,
  Habit,
  HabitSchedule,
  JournalEntry,
  Subgoal,
} from "./types";

/** Days of check-ins and journal entries, ending on endDate. */
export const GOAL_HISTORY_DAYS = 30;
/** Days of health data for each mentee. */
export const MENTEE_HEALTH_DAYS = 14;

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(":").map(Number);
  return h * 60 + m;
}

function isScheduled(schedule: HabitSchedule, date: string): boolean {
  return schedule.kind === "daily" || schedule.weekdays.includes(weekdayOf(date));
}

function historyDates(endDate: string): string[] {
  return Array.from({ length: GOAL_HISTORY_DAYS }, (_, i) => addDays(endDate, i - GOAL_HISTORY_DAYS + 1));
}

interface HabitContext {
  habit: Habit;
  template: HabitTemplate;
  person: CohortPerson;
  clock: WallClock;
}

/** Decides done / not done for each scheduled date (null: no record at all). */
type DoneRule = (scheduled: string[], rng: Rng) => Map<string, boolean | null>;

function exactShareRule(share: number, silentAfter: string | null): DoneRule {
  return (scheduled, rng) => {
    const open = scheduled.filter((d) => silentAfter === null || d <= silentAfter);
    const done = new Set(rng.sample(open, Math.min(open.length, Math.round(share * scheduled.length))));
    return new Map(scheduled.map((d) => [d, open.includes(d) ? done.has(d) : null]));
  };
}

function linkedRule(link: "evening-walk" | "sleep-window", truthByDate: Map<string, DailyTruth>): DoneRule {
  return (scheduled, rng) =>
    new Map(
      scheduled.map((d) => {
        if (link === "evening-walk") return [d, truthByDate.get(d)?.eveningWalk ?? false];
        // Screens off in time ↔ the night starting this evening (attributed to the next date) was not short.
        const next = truthByDate.get(addDays(d, 1));
        return [d, next ? !next.shortSleep : rng.chance(0.75)];
      }),
    );
}

function writeCheckIns(ctx: HabitContext, dates: string[], rule: DoneRule, rng: Rng): CheckIn[] {
  const { habit, template, person, clock } = ctx;
  const scheduled = dates.filter((d) => isScheduled(habit.schedule, d));
  const decided = rule(scheduled, rng);
  const skipsUsed = new Map<string, number>();
  const out: CheckIn[] = [];
  for (const date of scheduled) {
    const done = decided.get(date);
    if (done === null || done === undefined) continue;
    let status: CheckInStatus = "done";
    if (!done) {
      const week = isoWeekOf(date);
      const used = skipsUsed.get(week) ?? 0;
      if (used < habit.skipBudgetPerWeek && rng.chance(0.6)) {
        skipsUsed.set(week, used + 1);
        status = "skipped";
      } else {
        status = "missed";
      }
    }
    const noteChance = status === "done" ? 0.25 : status === "skipped" ? 0.7 : 0.4;
    const note = rng.chance(noteChance) ? rng.pick(CHECK_IN_NOTES[status]) : null;
    const loggedMinute = Math.min(minutesOf(template.usualTime) + rng.int(5, 120), 23 * 60 + 59);
    out.push({ habitKey: habit.key, personKey: person.key, date, status, note, loggedAt: new Date(clock.instant(date, loggedMinute)) });
  }
  return out;
}

function writeJournal(person: CohortPerson, clock: WallClock, dates: string[], mood: { from: number; to: number; swing: number }, silentAfter: string | null, rng: Rng): JournalEntry[] {
  const out: JournalEntry[] = [];
  dates.forEach((date, i) => {
    if (silentAfter !== null && date > silentAfter) return;
    // A few entries a week.
    if (!rng.chance(0.45)) return;
    const trend = mood.from + ((mood.to - mood.from) * i) / (dates.length - 1) + mood.swing * Math.sin((2 * Math.PI * i) / 10);
    const plantedMood = toMoodBucket(trend + rng.normal(0, 0.45));
    out.push({
      personKey: person.key,
      date,
      createdAt: new Date(clock.instant(date, rng.int(21 * 60, 22 * 60 + 45))),
      text: writeJournalEntry(rng, plantedMood),
      plantedMood,
    });
  });
  return out;
}

export function generateCohort({ seed, endDate }: CohortOptions): DemoCohort {
  assertDateAndZone(endDate, "UTC");
  const people = PEOPLE.map((p) => ({ ...p }));
  const dates = historyDates(endDate);

  const health: Record<string, DemoPatientData> = {};
  const demo = people.find((p) => p.key === DEMO_PATIENT_KEY)!;
  health[demo.key] = generateDemoPatient({ seed, endDate, timezone: demo.timezone });
  for (const mentee of MENTEES) {
    const person = people.find((p) => p.key === mentee.key)!;
    health[mentee.key] = generateDemoPatient({
      seed: `${seed}/${mentee.key}`,
      endDate,
      days: MENTEE_HEALTH_DAYS,
      timezone: person.timezone,
      baselineMgdl: mentee.baselineMgdl,
    });
  }
  const demoTruth = new Map(health[demo.key].dailyTruth.map((t) => [t.date, t]));

  const goals: Goal[] = [];
  const subgoals: Subgoal[] = [];
  const habits: Habit[] = [];
  const checkIns: CheckIn[] = [];
  const journalEntries: JournalEntry[] = [];

  for (const person of people) {
    const templates = GOALS[person.key];
    if (!templates) continue;
    const clock = createWallClock(person.timezone);
    const rng = deriveRng(seed, `cohort/${person.key}`);
    const mentee = MENTEES.find((m) => m.key === person.key);
    const silentAfter = mentee?.adherence === "low" ? addDays(endDate, -LOW_ADHERENCE_SILENT_DAYS) : null;

    templates.forEach((g, gi) => {
      const goalKey = `${person.key}/goal-${gi + 1}`;
      const createdAt = new Date(clock.instant(addDays(endDate, -g.createdDaysAgo), rng.int(18 * 60, 21 * 60)));
      goals.push({
        key: goalKey,
        personKey: person.key,
        title: g.title,
        description: g.description,
        theme: g.theme,
        status: g.status,
        createdAt,
        targetDate: g.targetInDays === undefined ? null : addDays(endDate, g.targetInDays),
        completedAt: g.completedDaysAgo === undefined ? null : new Date(clock.instant(addDays(endDate, -g.completedDaysAgo), rng.int(18 * 60, 21 * 60))),
      });
      g.subgoals.forEach((s, si) => subgoals.push({ key: `${goalKey}/subgoal-${si + 1}`, goalKey, title: s.title, status: s.status, position: si + 1 }));
      g.habits.forEach((h, hi) => {
        const habit: Habit = {
          key: `${goalKey}/habit-${hi + 1}`,
          goalKey,
          personKey: person.key,
          title: h.title,
          schedule: h.schedule,
          skipBudgetPerWeek: h.skipBudgetPerWeek,
          usualTime: h.usualTime,
          active: g.status === "active",
          createdAt: new Date(createdAt.getTime() + (hi + 1) * 60_000),
        };
        habits.push(habit);
        if (!habit.active) return;
        const rule: DoneRule = h.link
          ? linkedRule(h.link, demoTruth)
          : exactShareRule(mentee?.doneShare ?? h.doneShare ?? 0.8, silentAfter);
        checkIns.push(...writeCheckIns({ habit, template: h, person, clock }, dates, rule, rng));
      });
    });

    const mood = mentee ? { from: mentee.moodFrom, to: mentee.moodTo, swing: mentee.moodSwing } : DEMO_PATIENT_MOOD;
    journalEntries.push(...writeJournal(person, clock, dates, mood, silentAfter, rng));
  }

  return { endDate, people, health, goals, subgoals, habits, checkIns, journalEntries };
}
