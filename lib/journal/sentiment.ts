import Sentiment from "sentiment";
import { moodLabel, type MoodLabel } from "./mood";

/**
 * Scores a journal entry with the `sentiment` package: the AFINN-165 lexicon (each known word
 * −5 … +5, with "not"/"don't" negation), no word list of our own. We keep the comparative score —
 * the sum divided by the number of words — so a long, mildly upbeat entry and a short one read alike;
 * the mood label's thresholds are documented in mood.ts.
 */
export type SentimentScore = { comparative: number; score: number; mood: MoodLabel };

const analyzer = new Sentiment();

export function scoreSentiment(text: string): SentimentScore {
  const { comparative, score } = analyzer.analyze(text);
  // + 0 turns −0 (a negated neutral word) into 0.
  return { comparative: comparative + 0, score: score + 0, mood: moodLabel(comparative) };
}
