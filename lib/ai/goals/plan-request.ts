import { z } from "zod";
import { AppError } from "@/lib/errors";
import type { GoalRequest } from "@/lib/goals/types";

export const GOAL_THEMES = ["fitness", "nutrition", "sleep", "glucose", "mindfulness", "other"] as const;
export type GoalTheme = (typeof GOAL_THEMES)[number];

export const GOAL_LIMITS = {
  title: { min: 3, max: 200 },
  description: { max: 2_000 },
  theme: { max: 40 },
  notes: { max: 1_000 },
  minutesPerWeek: { min: 10, max: 2_000 },
  daysPerWeek: { min: 1, max: 7 },
} as const;

const fmt = (n: number) => n.toLocaleString("en-US");

/** Trims strings; an empty optional text counts as not given. */
const optionalText = (max: number, tooLong: (length: number) => string) =>
  z
    .string({ error: "This must be text." })
    .transform((s) => s.trim())
    .superRefine((s, ctx) => {
      if (s.length > max) ctx.addIssue({ code: "custom", message: tooLong(s.length) });
    })
    .transform((s) => (s === "" ? undefined : s))
    .optional()
    .nullable()
    .transform((s) => s ?? undefined);

const wholeNumber = (min: number, max: number, message: string) =>
  z
    .union([z.number(), z.string().trim().regex(/^\d+$/).transform(Number)], { error: message })
    .pipe(z.number({ error: message }).int({ error: message }).min(min, { error: message }).max(max, { error: message }))
    .optional()
    .nullable()
    .transform((n) => n ?? undefined);

const goalRequestSchema = z.object(
  {
    title: z
      .string({ error: "Give your goal a title." })
      .transform((s) => s.trim())
      .superRefine((s, ctx) => {
        if (s.length < GOAL_LIMITS.title.min) ctx.addIssue({ code: "custom", message: `Give your goal a title of at least ${GOAL_LIMITS.title.min} characters, for example "Walk after dinner".` });
        else if (s.length > GOAL_LIMITS.title.max) ctx.addIssue({ code: "custom", message: `Keep the goal's title to ${GOAL_LIMITS.title.max} characters (it has ${fmt(s.length)}); put the details in the description.` });
      }),
    description: optionalText(GOAL_LIMITS.description.max, (n) => `Keep the description to ${fmt(GOAL_LIMITS.description.max)} characters (it has ${fmt(n)}).`),
    theme: optionalText(GOAL_LIMITS.theme.max, () => `A theme is a word or two, at most ${GOAL_LIMITS.theme.max} characters (for example fitness, sleep or nutrition).`)
      .transform((t) => t?.toLowerCase()),
    constraints: z
      .object(
        {
          minutesPerWeek: wholeNumber(GOAL_LIMITS.minutesPerWeek.min, GOAL_LIMITS.minutesPerWeek.max, `Minutes per week must be a whole number from ${GOAL_LIMITS.minutesPerWeek.min} to ${fmt(GOAL_LIMITS.minutesPerWeek.max)}.`),
          daysPerWeek: wholeNumber(GOAL_LIMITS.daysPerWeek.min, GOAL_LIMITS.daysPerWeek.max, `Days per week must be a whole number from ${GOAL_LIMITS.daysPerWeek.min} to ${GOAL_LIMITS.daysPerWeek.max}.`),
          notes: optionalText(GOAL_LIMITS.notes.max, (n) => `Keep the notes to ${fmt(GOAL_LIMITS.notes.max)} characters (they have ${fmt(n)}).`),
        },
        { error: "The time you can give each week was not understood." },
      )
      .optional()
      .nullable()
      .transform((c) => c ?? undefined),
  },
  { error: "Send the goal as a title with optional description, theme and time constraints." },
);

/**
 * The goal a member asks for, checked and trimmed. Every problem becomes one sentence naming the
 * field; all of them go in the message (so a form can show them at once) and, by field, in
 * details.fields.
 */
export function validateGoalRequest(input: unknown): GoalRequest {
  const parsed = goalRequestSchema.safeParse(input);
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path.join(".") || "goal";
      fields[field] ??= issue.message;
    }
    throw new AppError("bad_request:goal", Object.values(fields).join(" "), { details: { fields } });
  }
  const { title, description, theme, constraints } = parsed.data;
  const cleanConstraints = constraints && Object.fromEntries(Object.entries(constraints).filter(([, v]) => v !== undefined));
  return {
    title,
    ...(description ? { description } : {}),
    ...(theme ? { theme } : {}),
    ...(cleanConstraints && Object.keys(cleanConstraints).length ? { constraints: cleanConstraints as GoalRequest["constraints"] } : {}),
  };
}

/** The theme as one of GOAL_THEMES when the member picked one of them; a free theme is "other". */
export function knownTheme(theme: string | undefined): GoalTheme | undefined {
  if (!theme) return undefined;
  return (GOAL_THEMES as readonly string[]).includes(theme) ? (theme as GoalTheme) : "other";
}
