/**
 * The plain records the demo generator returns. The seeding code maps them onto tables; nothing
 * here knows about the database. Records point at each other with stable string keys
 * ("alex/goal-1/habit-2") that the seeder turns into row ids.
 */

// ---------- health data of one person ----------

export interface GlucoseReading {
  /** UTC instant of the CGM reading. */
  time: Date;
  /** Integer mg/dL, clamped to 40–400 as a CGM reports. */
  mgdl: number;
}

export interface SleepSession {
  /** Local date of the morning the person woke up (the Apple Health / Oura convention). */
  date: string;
  /** Lights out (UTC instant). */
  start: Date;
  /** Final wake-up (UTC instant); end − start = asleep + awake minutes. */
  end: Date;
  /** deep + rem + core. */
  asleepMinutes: number;
  deepMinutes: number;
  remMinutes: number;
  /** Light sleep (Apple calls it "core"). */
  coreMinutes: number;
  awakeMinutes: number;
}

export type ActivityType = "walking" | "running" | "cycling" | "strength";
export type ActivityIntensity = "light" | "moderate" | "vigorous";

export interface Activity {
  type: ActivityType;
  start: Date;
  end: Date;
  durationMinutes: number;
  intensity: ActivityIntensity;
  kcal: number;
  avgHeartRate: number;
  /** Null for strength sessions. */
  distanceKm: number | null;
  /** Steps of the session itself; null for cycling and strength. */
  steps: number | null;
}

export type MealType = "breakfast" | "lunch" | "dinner" | "snack";

export interface Meal {
  type: MealType;
  time: Date;
  description: string;
  carbsG: number;
  proteinG: number;
  fatG: number;
  kcal: number;
}

export type SensorGapReason = "sensor_warmup" | "signal_loss";

/** A stretch with no CGM readings: readings with start <= time < end are absent. */
export interface SensorGap {
  start: Date;
  end: Date;
  reason: SensorGapReason;
}

/**
 * The latent drivers of one local day, as the generator used them. They are the answer key for
 * tests and benchmarks of the analytics; the app itself must rediscover them from the records.
 */
export interface DailyTruth {
  /** Local date, YYYY-MM-DD. */
  date: string;
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** Local day length: 24, or 23 / 25 on DST days (23.5 / 24.5 where DST shifts by 30 min). */
  dayLengthHours: number;
  /** Asleep hours of the night that ended on this morning. */
  sleepHours: number;
  /** sleepHours < 6: planted effect 1 raises THIS day's glucose. */
  shortSleep: boolean;
  /** A walk after dinner this evening: planted effect 2 lowers the coming night (00:00–06:00 of the next date). */
  eveningWalk: boolean;
  /** Dinner at 20:30 or later. */
  lateDinner: boolean;
  /** Total carbohydrate of the day's meals and snacks (sum of Meal.carbsG). */
  carbsG: number;
  /** carbsG > 250: planted effect 3 (bigger excursions, more time above 180). */
  highCarb: boolean;
  /** Minutes of recorded activities other than the evening walk. */
  otherActivityMinutes: number;
  /** Steps outside recorded activities (phone pedometer); drawn independently of everything. */
  backgroundSteps: number;
  /** Hypoglycaemia episodes placed on this day. */
  hypoEvents: number;
  /** The day's baseline glucose level before meals, dawn, exercise and planted effects (mg/dL). */
  baselineMgdl: number;
}

export interface DemoPatientData {
  timezone: string;
  /** First and last local dates covered (inclusive). */
  startDate: string;
  endDate: string;
  glucose: GlucoseReading[];
  sleep: SleepSession[];
  activities: Activity[];
  meals: Meal[];
  sensorGaps: SensorGap[];
  dailyTruth: DailyTruth[];
}

export interface DemoPatientOptions {
  seed: string | number;
  /** YYYY-MM-DD, the last full local day generated. */
  endDate: string;
  /** Number of local days, default 90. */
  days?: number;
  /** IANA zone, default America/New_York. */
  timezone?: string;
  /** Fasting baseline in mg/dL, default 120 (a person with type 2 diabetes on metformin). */
  baselineMgdl?: number;
}

// ---------- people, goals and habits ----------

export type PersonRole = "member" | "mentor";
export type AdherenceProfile = "high" | "medium" | "low";

export interface CohortPerson {
  /** Stable key used by the other records (for example "alex"). */
  key: string;
  email: string;
  name: string;
  role: PersonRole;
  timezone: string;
  glucoseUnit: "mg/dL";
  diabetesType: "type2" | "prediabetes" | null;
  /** The mentor who coaches this member, if any. */
  mentorKey: string | null;
  /** Planted share of habit check-ins done (members only). */
  adherence: AdherenceProfile | null;
  /** One line the demo can show about the person. */
  bio: string;
}

export type GoalTheme = "glucose" | "sleep" | "activity" | "nutrition" | "weight" | "stress";
export type GoalStatus = "active" | "completed" | "paused";

export interface Goal {
  key: string;
  personKey: string;
  title: string;
  description: string;
  theme: GoalTheme;
  status: GoalStatus;
  createdAt: Date;
  /** Local date the person aims for, if any. */
  targetDate: string | null;
  completedAt: Date | null;
}

export type SubgoalStatus = "todo" | "in_progress" | "done";

export interface Subgoal {
  key: string;
  goalKey: string;
  title: string;
  status: SubgoalStatus;
  /** 1-based order within the goal. */
  position: number;
}

/** Daily, or N times a week on named ISO weekdays (1 = Monday). */
export type HabitSchedule = { kind: "daily" } | { kind: "weekly"; timesPerWeek: number; weekdays: number[] };

export interface Habit {
  key: string;
  goalKey: string;
  personKey: string;
  title: string;
  schedule: HabitSchedule;
  /** Scheduled occasions a week the person may skip without breaking the streak. */
  skipBudgetPerWeek: number;
  /** Local HH:mm the person usually does it: the generated check-ins are logged a little after it. */
  usualTime: string;
  /** False for habits of paused or completed goals: they get no check-ins. */
  active: boolean;
  createdAt: Date;
}

/**
 * done: did it. skipped: chose not to, within the week's skip budget. missed: answered that it
 * did not happen (beyond the budget or unplanned). A scheduled day with no record at all means
 * the person did not open the app (the low-adherence mentee's last days).
 */
export type CheckInStatus = "done" | "skipped" | "missed";

export interface CheckIn {
  habitKey: string;
  personKey: string;
  /** Local date of the scheduled occasion. */
  date: string;
  status: CheckInStatus;
  note: string | null;
  loggedAt: Date;
}

export interface JournalEntry {
  personKey: string;
  /** Local date. */
  date: string;
  createdAt: Date;
  text: string;
  /**
   * The mood the text was written in, −2 (low) … +2 (good). An answer key for tests of the
   * sentiment analysis, not a value to show: the app scores the text itself.
   */
  plantedMood: number;
}

export interface DemoCohort {
  endDate: string;
  people: CohortPerson[];
  /** Health records per person key: the demo patient (90 days) and each mentee (14 days). */
  health: Record<string, DemoPatientData>;
  goals: Goal[];
  subgoals: Subgoal[];
  habits: Habit[];
  checkIns: CheckIn[];
  journalEntries: JournalEntry[];
}

export interface CohortOptions {
  seed: string | number;
  /** YYYY-MM-DD, the last full local day of data. */
  endDate: string;
}
