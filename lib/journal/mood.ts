/**
 * Mood labels of a comparative sentiment score. No dependency on the scorer, so pages, the weekly
 * brief's narrator and client components can name a mood without loading the lexicon.
 */
export type MoodLabel = "very_negative" | "negative" | "neutral" | "positive" | "very_positive";

export const MOOD_LABELS: readonly MoodLabel[] = ["very_negative", "negative", "neutral", "positive", "very_positive"];

/**
 * Label thresholds on the comparative score (AFINN points per word):
 *   ≤ −0.5 very negative · < −0.05 negative · −0.05 … 0.05 neutral · > 0.05 positive · ≥ 0.5 very positive.
 * 0.5 is half a point per word on average — one "great" (+3) in a six-word entry; 0.05 is a single
 * mild word ("tired", −2) in a 40-word entry, below which the tone is too faint to name.
 */
export const MOOD_THRESHOLDS = { strong: 0.5, faint: 0.05 } as const;

export const MOOD_TEXT: Record<MoodLabel, string> = {
  very_negative: "very negative",
  negative: "negative",
  neutral: "neutral",
  positive: "positive",
  very_positive: "very positive",
};

export function moodLabel(comparative: number): MoodLabel {
  if (comparative <= -MOOD_THRESHOLDS.strong) return "very_negative";
  if (comparative < -MOOD_THRESHOLDS.faint) return "negative";
  if (comparative >= MOOD_THRESHOLDS.strong) return "very_positive";
  if (comparative > MOOD_THRESHOLDS.faint) return "positive";
  return "neutral";
}

export function isMoodLabel(value: unknown): value is MoodLabel {
  return typeof value === "string" && (MOOD_LABELS as readonly string[]).includes(value);
}
