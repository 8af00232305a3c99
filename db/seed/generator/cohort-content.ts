/**
 * Who is in the demo and what they are working on: static, hand-written content. Randomness
 * (which days were done, what the journal says) is added in cohort.ts.
 */
import type { AdherenceProfile, CohortPerson, GoalStatus, GoalTheme, HabitSchedule, SubgoalStatus } from "./types";

export const DEMO_PATIENT_KEY = "alex";
export const MENTOR_KEY = "sam";

export interface MenteeProfile {
  key: string;
  adherence: AdherenceProfile;
  /** Planted share of scheduled habit occasions done over the last 30 days. */
  doneShare: number;
  baselineMgdl: number;
  /** Mood of the journal at the start and the end of the 30 days, −2 … +2. */
  moodFrom: number;
  moodTo: number;
  /** Amplitude of a 10-day up-and-down cycle on top of the trend (good weeks and bad weeks). */
  moodSwing: number;
}

export const PEOPLE: readonly CohortPerson[] = [
  {
    key: DEMO_PATIENT_KEY,
    email: "demo@proxima.local",
    name: "Alex Rivera",
    role: "member",
    timezone: "America/New_York",
    glucoseUnit: "mg/dL",
    diabetesType: "type2",
    mentorKey: null,
    adherence: "medium",
    bio: "52, type 2 diabetes for six years, metformin, wears a CGM since last autumn.",
  },
  {
    key: MENTOR_KEY,
    email: "mentor@proxima.local",
    name: "Dr. Sam Okafor",
    role: "mentor",
    timezone: "America/New_York",
    glucoseUnit: "mg/dL",
    diabetesType: null,
    mentorKey: null,
    adherence: null,
    bio: "Endocrinologist and diabetes educator; coaches a small group between clinic visits.",
  },
  {
    key: "jordan",
    email: "jordan@proxima.local",
    name: "Jordan Brooks",
    role: "member",
    timezone: "America/Chicago",
    glucoseUnit: "mg/dL",
    diabetesType: "prediabetes",
    mentorKey: MENTOR_KEY,
    adherence: "high",
    bio: "38, prediabetes found at a work health check; training for a 10 k.",
  },
  {
    key: "priya",
    email: "priya@proxima.local",
    name: "Priya Nair",
    role: "member",
    timezone: "America/New_York",
    glucoseUnit: "mg/dL",
    diabetesType: "type2",
    mentorKey: MENTOR_KEY,
    adherence: "medium",
    bio: "45, type 2 diabetes for two years, two children and a long commute.",
  },
  {
    key: "lee",
    email: "lee@proxima.local",
    name: "Lee Chen",
    role: "member",
    timezone: "America/Los_Angeles",
    glucoseUnit: "mg/dL",
    diabetesType: "type2",
    mentorKey: MENTOR_KEY,
    adherence: "low",
    bio: "61, type 2 diabetes for ten years, recently retired.",
  },
];

export const MENTEES: readonly MenteeProfile[] = [
  { key: "jordan", adherence: "high", doneShare: 0.9, baselineMgdl: 106, moodFrom: 1.2, moodTo: 1.4, moodSwing: 0 },
  { key: "priya", adherence: "medium", doneShare: 0.6, baselineMgdl: 122, moodFrom: 0.1, moodTo: 0.1, moodSwing: 1.3 },
  { key: "lee", adherence: "low", doneShare: 0.25, baselineMgdl: 138, moodFrom: 1.4, moodTo: -1.8, moodSwing: 0 },
];

/** The demo patient's journal brightens over the month as the evening walks pay off. */
export const DEMO_PATIENT_MOOD = { from: -1, to: 1.3, swing: 0 } as const;

/** The low-adherence mentee's last check-in and journal entry are this many days before endDate. */
export const LOW_ADHERENCE_SILENT_DAYS = 5;

/**
 * How a habit's check-ins are decided. "evening-walk" and "sleep-window" follow the demo
 * patient's generated days (done when there was an evening walk / when the night that followed
 * was not short), so the goals page and the health data tell the same story.
 */
export type HabitLink = "evening-walk" | "sleep-window" | null;

export interface HabitTemplate {
  title: string;
  schedule: HabitSchedule;
  skipBudgetPerWeek: number;
  usualTime: string;
  link?: HabitLink;
  /** Share done for an unlinked habit of the demo patient. */
  doneShare?: number;
}

export interface GoalTemplate {
  title: string;
  description: string;
  theme: GoalTheme;
  status: GoalStatus;
  /** Days before endDate the goal was created / completed; target date days after endDate. */
  createdDaysAgo: number;
  completedDaysAgo?: number;
  targetInDays?: number;
  subgoals: Array<{ title: string; status: SubgoalStatus }>;
  habits: HabitTemplate[];
}

const DAILY: HabitSchedule = { kind: "daily" };
const weekly = (weekdays: number[]): HabitSchedule => ({ kind: "weekly", timesPerWeek: weekdays.length, weekdays });

export const GOALS: Record<string, readonly GoalTemplate[]> = {
  alex: [
    {
      title: "Steadier nights",
      description: "Bring my overnight average under 130 mg/dL by walking after dinner and keeping late meals light.",
      theme: "glucose",
      status: "active",
      createdDaysAgo: 52,
      targetInDays: 40,
      subgoals: [
        { title: "Look at two weeks of overnight numbers with Proxima", status: "done" },
        { title: "Walk after dinner at least four evenings a week", status: "in_progress" },
        { title: "Keep the overnight average under 130 mg/dL for 14 nights", status: "todo" },
      ],
      habits: [
        { title: "Walk 30 minutes after dinner", schedule: DAILY, skipBudgetPerWeek: 2, usualTime: "19:30", link: "evening-walk" },
        { title: "Log every meal in the app", schedule: DAILY, skipBudgetPerWeek: 1, usualTime: "21:00", doneShare: 0.85 },
      ],
    },
    {
      title: "Sleep seven hours on work nights",
      description: "Short nights push my next day up. Aim for seven hours asleep, lights out by 23:00.",
      theme: "sleep",
      status: "active",
      createdDaysAgo: 38,
      targetInDays: 30,
      subgoals: [
        { title: "Set a wind-down alarm at 22:30", status: "done" },
        { title: "Lights out by 23:00 five nights a week", status: "in_progress" },
        { title: "No more than one night under six hours a week", status: "todo" },
      ],
      habits: [{ title: "Screens off by 22:30", schedule: DAILY, skipBudgetPerWeek: 1, usualTime: "22:15", link: "sleep-window" }],
    },
    {
      title: "Finish the beginner strength plan",
      description: "Six weeks of two short strength sessions a week, from the clinic's exercise physiologist.",
      theme: "activity",
      status: "completed",
      createdDaysAgo: 75,
      completedDaysAgo: 33,
      subgoals: [
        { title: "Learn the five base movements", status: "done" },
        { title: "Two sessions a week for six weeks", status: "done" },
      ],
      habits: [{ title: "Strength session, 30 minutes", schedule: weekly([2, 4]), skipBudgetPerWeek: 0, usualTime: "17:30" }],
    },
  ],
  jordan: [
    {
      title: "Walk 8,000 steps a day",
      description: "Build the daily walking base before the 10 k training plan starts.",
      theme: "activity",
      status: "active",
      createdDaysAgo: 45,
      targetInDays: 21,
      subgoals: [
        { title: "Find a 20-minute morning route", status: "done" },
        { title: "Average 8,000 steps for two weeks", status: "in_progress" },
      ],
      habits: [
        { title: "Morning walk, 20 minutes", schedule: DAILY, skipBudgetPerWeek: 1, usualTime: "07:00" },
        { title: "Take the stairs at work", schedule: weekly([1, 2, 3, 4, 5]), skipBudgetPerWeek: 1, usualTime: "09:00" },
      ],
    },
    {
      title: "Fasting glucose under 100 mg/dL",
      description: "Get my fasting numbers back into the normal range before the next check-up.",
      theme: "glucose",
      status: "active",
      createdDaysAgo: 40,
      targetInDays: 60,
      subgoals: [
        { title: "Stop eating after 20:00", status: "in_progress" },
        { title: "Seven mornings in a row under 100 mg/dL", status: "todo" },
      ],
      habits: [{ title: "Kitchen closed after 20:00", schedule: DAILY, skipBudgetPerWeek: 1, usualTime: "19:45" }],
    },
    {
      title: "Swap soda for water",
      description: "No sugary drinks at work or at home.",
      theme: "nutrition",
      status: "completed",
      createdDaysAgo: 70,
      completedDaysAgo: 35,
      subgoals: [{ title: "Stock sparkling water at work", status: "done" }],
      habits: [{ title: "No soda today", schedule: DAILY, skipBudgetPerWeek: 0, usualTime: "12:00" }],
    },
  ],
  priya: [
    {
      title: "A1c below 7 %",
      description: "Bring my A1c from 7.6 % to under 7 % by the spring appointment.",
      theme: "glucose",
      status: "active",
      createdDaysAgo: 48,
      targetInDays: 75,
      subgoals: [
        { title: "Learn which lunches spike me", status: "done" },
        { title: "Half a plate of vegetables at lunch and dinner", status: "in_progress" },
        { title: "Time in range above 70 % for a month", status: "todo" },
      ],
      habits: [
        { title: "Vegetables at lunch and dinner", schedule: DAILY, skipBudgetPerWeek: 1, usualTime: "12:30" },
        { title: "Look at my glucose after dinner", schedule: DAILY, skipBudgetPerWeek: 2, usualTime: "20:30" },
      ],
    },
    {
      title: "Cook at home four nights a week",
      description: "Less takeaway on busy days: plan and batch-cook on Sundays.",
      theme: "nutrition",
      status: "active",
      createdDaysAgo: 36,
      targetInDays: 30,
      subgoals: [
        { title: "Write a weekly meal plan", status: "in_progress" },
        { title: "Batch-cook on Sundays", status: "todo" },
      ],
      habits: [{ title: "Cook dinner at home", schedule: weekly([1, 2, 4, 7]), skipBudgetPerWeek: 1, usualTime: "17:30" }],
    },
    {
      title: "Weekend yoga",
      description: "Thirty minutes of yoga on Saturday and Sunday mornings to manage stress.",
      theme: "stress",
      status: "paused",
      createdDaysAgo: 60,
      subgoals: [{ title: "Try three beginner classes online", status: "done" }],
      habits: [{ title: "Yoga, 30 minutes", schedule: weekly([6, 7]), skipBudgetPerWeek: 0, usualTime: "08:30" }],
    },
  ],
  lee: [
    {
      title: "Lose 5 kg by summer",
      description: "From 92 kg to 87 kg, slowly, with smaller portions and daily movement.",
      theme: "weight",
      status: "active",
      createdDaysAgo: 44,
      targetInDays: 120,
      subgoals: [
        { title: "Weigh in every Monday", status: "in_progress" },
        { title: "Lose the first 2 kg", status: "todo" },
      ],
      habits: [
        { title: "Log breakfast", schedule: DAILY, skipBudgetPerWeek: 1, usualTime: "09:00" },
        { title: "Evening walk, 20 minutes", schedule: weekly([1, 3, 5]), skipBudgetPerWeek: 1, usualTime: "18:30" },
      ],
    },
    {
      title: "Ten quiet minutes a day",
      description: "Meditation to take the edge off the evenings since retiring.",
      theme: "stress",
      status: "active",
      createdDaysAgo: 33,
      targetInDays: 30,
      subgoals: [{ title: "Pick a guided meditation app", status: "done" }],
      habits: [{ title: "Meditate for 10 minutes", schedule: DAILY, skipBudgetPerWeek: 2, usualTime: "20:00" }],
    },
  ],
};

export const CHECK_IN_NOTES = {
  done: ["Felt easy today.", "Did it with my neighbour.", "Done before work.", "Short but done.", "Good one today.", "Kept it up even though it was cold."],
  skipped: ["Rest day.", "Travelling for work.", "Heavy rain.", "Family dinner out.", "Doctor's appointment ran late."],
  missed: ["Forgot.", "Too tired after work.", "Long day, no energy.", "Just didn't get to it.", "Ran out of time."],
} as const;
