import type { GoalTheme } from "./plan-request";
import { readBedtime } from "./plan-text";

/**
 * The grounded planner's templates: each recognises a kind of goal by its words and proposes
 * small, countable habits (the first is the goal's main habit and takes the member's own numbers)
 * and two or three milestones. Habit titles read as actions a person can tick off today.
 */
export type HabitSpec = {
  /** Two templates proposing the same kind of habit (two walks) keep only the first. */
  key: string;
  title: (minutes: number | undefined) => string;
  /** Default sessions a week; 7 means daily. */
  times: number;
  /** Default minutes a session; absent for habits that take no time of their own (a bedtime). */
  minutes?: number;
  minSession?: number;
  maxSession?: number;
};

export type PlanContext = { times: number; minutes: number | undefined; bedtime: string; goalTitle: string; text: string };

export type PlanTemplate = {
  id: string;
  theme: GoalTheme;
  match: RegExp;
  /** `text` is the title, description and notes together; `goalTitle` the title alone. */
  habits: (text: string, goalTitle: string) => HabitSpec[];
  /** Milestones, written once the main habit's numbers are known. */
  subgoals: (ctx: PlanContext) => string[];
};

const timesText = (times: number) => (times >= 7 ? "every day" : times === 1 ? "once" : `${times} times`);

export const PLAN_TEMPLATES: readonly PlanTemplate[] = [
  {
    id: "glucose",
    theme: "glucose",
    match: /\b(?:glucose|blood sugar|sugar levels?|cgm|a1c|hba1c|time in range)\b/i,
    habits: () => [
      { key: "glucose-check", title: () => "Check and log your glucose before breakfast and before dinner", times: 7 },
      { key: "walk", title: (m) => `Walk ${m} minutes after your largest meal`, times: 7, minutes: 10, minSession: 5, maxSession: 30 },
    ],
    subgoals: () => ["Log glucose checks on 7 days in a row", "Note which meals are followed by your highest readings", "Bring a week of readings to your next care-team visit"],
  },
  {
    id: "run",
    theme: "fitness",
    match: /\b(?:run|runs|running|jog|jogs|jogging|5k|10k|half[- ]marathon|marathon)\b/i,
    habits: () => [
      { key: "run", title: (m) => `Run ${m} minutes`, times: 3, minutes: 30, minSession: 10, maxSession: 90 },
      { key: "run-prep", title: () => "Lay out your running kit the evening before a run day", times: 3 },
    ],
    subgoals: (c) => ["Plan a safe route and check your shoes", `Complete ${c.times >= 7 ? 7 : c.times} runs in one week`, "Keep that rhythm for 4 weeks in a row"],
  },
  {
    id: "walk",
    theme: "fitness",
    match: /\b(?:walk|walks|walking|steps|stroll)\b/i,
    habits: (text) => {
      const meal = /\bafter\s+(dinner|lunch|breakfast|meals?|eating)\b/i.exec(text)?.[1]?.toLowerCase();
      const when = meal ? ` after ${meal === "eating" ? "a meal" : meal}` : "";
      return [{ key: "walk", title: (m) => `Walk ${m} minutes${when}`, times: 7, minutes: 15, minSession: 10, maxSession: 60 }];
    },
    subgoals: (c) => ["Pick a time and a route that fit your day", `Walk ${timesText(c.times)} for one full week`, "Keep it going for 3 weeks"],
  },
  {
    id: "exercise",
    theme: "fitness",
    match: /\b(?:swim|swimming|cycle|cycling|bike|biking|gym|strength|weights|yoga|pilates|workout|work out|exercise|training|fitness|active)\b/i,
    habits: (text) => {
      const activity = /\b(swim|cycl|bik|yoga|pilates|gym|strength|weights)/i.exec(text)?.[1]?.toLowerCase();
      const title = activity === "swim" ? (m?: number) => `Swim ${m} minutes`
        : activity === "cycl" || activity === "bik" ? (m?: number) => `Cycle ${m} minutes`
          : activity === "yoga" || activity === "pilates" ? (m?: number) => `Do ${m} minutes of ${activity}`
            : activity ? (m?: number) => `Do a ${m}-minute strength workout` : (m?: number) => `Exercise ${m} minutes`;
      return [
        { key: "exercise", title, times: 3, minutes: 30, minSession: 10, maxSession: 90 },
        { key: "stretch", title: (m) => `Stretch ${m} minutes`, times: 3, minutes: 5, minSession: 5, maxSession: 15 },
      ];
    },
    subgoals: (c) => ["Choose the days and times that fit your week", `Complete ${c.times >= 7 ? 7 : c.times} sessions in one week`, "Keep that rhythm for 4 weeks in a row"],
  },
  {
    id: "sleep",
    theme: "sleep",
    match: /\b(?:sleep|sleeping|bed|bedtime|asleep|insomnia|night owl)\b/i,
    habits: (text) => {
      const bedtime = bedtimeFrom(text);
      return [
        { key: "bedtime", title: () => `Be in bed with the lights out by ${bedtime}`, times: 7 },
        { key: "screens", title: () => "Put screens away 30 minutes before bed", times: 7 },
      ];
    },
    subgoals: (c) => ["Pick a bedtime and a wake-up time you can keep on weekdays and weekends", `Be in bed by ${c.bedtime} on 5 nights in one week`, "Keep the same wake-up time for 2 weeks"],
  },
  {
    id: "drinks",
    theme: "nutrition",
    match: /\b(?:sugary|soda|sodas|soft drinks?|fizzy|juice|coke|cola|sweet drinks?|energy drinks?|cut (?:out )?sugar|less sugar|no sugar)\b/i,
    habits: () => [
      { key: "drink-swap", title: () => "Swap sugary drinks for water or unsweetened tea", times: 7 },
      { key: "water-bottle", title: () => "Keep a bottle of water within reach", times: 7 },
    ],
    subgoals: () => ["Note which sweet drinks you have, and when, for 3 days", "Go 5 days in one week without a sugary drink", "Find 2 drinks you enjoy that have no added sugar"],
  },
  {
    id: "water",
    theme: "nutrition",
    match: /\b(?:water|hydrate|hydration|hydrated)\b/i,
    habits: () => [{ key: "water-meals", title: () => "Drink a glass of water with each meal", times: 7 }],
    subgoals: () => ["Find a bottle you like carrying", "Drink water with every meal for 5 days in one week", "Keep it up for 3 weeks"],
  },
  {
    id: "nutrition",
    theme: "nutrition",
    match: /\b(?:vegetables?|veggies|veg|fruit|salad|meals?|diet|eat|eating|nutrition|carbs?|snacks?|snacking|cook|cooking|food)\b/i,
    habits: () => [
      { key: "vegetables", title: () => "Add a portion of vegetables to lunch or dinner", times: 7 },
      { key: "meal-plan", title: (m) => `Plan the next day's meals (${m} minutes)`, times: 3, minutes: 10, minSession: 5, maxSession: 20 },
    ],
    subgoals: () => ["Write down what you usually eat on 3 days", "Have vegetables with 5 meals in one week", "Cook 3 meals at home in one week"],
  },
  {
    id: "mindfulness",
    theme: "mindfulness",
    match: /\b(?:meditat\w*|mindful\w*|breath\w*|stress\w*|calm\w*|anxious|relax\w*|journal\w*|gratitude)\b/i,
    habits: (text) =>
      /\b(?:journal\w*|gratitude)\b/i.test(text)
        ? [{ key: "journal", title: (m) => `Write in your journal for ${m} minutes`, times: 7, minutes: 5, minSession: 5, maxSession: 20 }]
        : [{ key: "meditate", title: (m) => `Meditate for ${m} minutes`, times: 7, minutes: 10, minSession: 5, maxSession: 45 }],
    subgoals: (c) => ["Pick a quiet spot and a fixed time of day", `Practise ${timesText(c.times)} for one full week`, "Try 3 different guided exercises"],
  },
];

/** When the words match no template: a regular, timed session on the goal itself. */
export const GENERIC_TEMPLATE: PlanTemplate = {
  id: "generic",
  theme: "other",
  match: /$^/,
  habits: (_text, goalTitle) => [{ key: "generic", title: (m) => `Spend ${m} minutes on "${shorten(goalTitle, 60)}"`, times: 3, minutes: 20, minSession: 10, maxSession: 90 }],
  subgoals: (c) => [`Write down what "done" looks like for "${shorten(c.goalTitle, 60)}"`, "Block the sessions in your calendar", "Review your progress after 2 weeks"],
};

/** The template for a theme the member picked, when the words themselves match none. */
export const THEME_DEFAULT: Record<GoalTheme, string> = {
  fitness: "exercise", nutrition: "nutrition", sleep: "sleep", glucose: "glucose", mindfulness: "mindfulness", other: "generic",
};

export function templateById(id: string): PlanTemplate {
  return PLAN_TEMPLATES.find((t) => t.id === id) ?? GENERIC_TEMPLATE;
}

export const DEFAULT_BEDTIME = "23:00";

function bedtimeFrom(text: string): string {
  return readBedtime(text) ?? DEFAULT_BEDTIME;
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
