/**
 * Journal sentences by mood, −2 … +2. Positive and negative entries carry words of the AFINN-165
 * lexicon (great, proud, tired, frustrated…) in one direction only, and neutral ones carry none,
 * so a lexicon sentiment scorer (the `sentiment` package) reads the mood the entry was written in.
 */
import type { Rng } from "./prng";

const OPENERS: Record<number, readonly string[]> = {
  2: ["Great day!", "Really proud of myself today.", "Feeling fantastic.", "Best day in a long while.", "What a wonderful day."],
  1: ["Good day overall.", "Pretty happy with today.", "Felt good and steady.", "A nice, calm day.", "Glad I kept going today."],
  0: ["Ordinary day.", "Work, errands, the usual.", "Nothing special to report.", "Quiet day at home.", "Busy morning, slow afternoon."],
  [-1]: ["Tired today.", "A bit frustrated.", "Struggled to stay on track.", "Stressed about work.", "Annoyed with myself."],
  [-2]: ["Awful day.", "Feeling discouraged and sad.", "Angry at myself.", "Terrible day, honestly.", "Feeling hopeless about all this."],
};

const BODIES: Record<number, readonly string[]> = {
  2: [
    "The walk after dinner felt easy and the numbers stayed lovely all night.",
    "Hit every habit and my energy is amazing.",
    "My doctor was impressed with the progress, I am so happy.",
    "Slept well, ate well, and felt strong all day.",
  ],
  1: [
    "Numbers looked good after lunch.",
    "Managed a short walk and felt better for it.",
    "Cooking at home is starting to feel like fun.",
    "Slept well and had a good breakfast.",
  ],
  0: [
    "Had the usual breakfast and lunch, then a meeting that ran until six.",
    "Checked the app twice, glucose about as usual.",
    "Went to the store, made dinner, watched a show.",
    "Same routine as yesterday, nothing to change for now.",
  ],
  [-1]: [
    "Skipped my walk and the evening numbers were bad.",
    "Poor sleep again, and I felt it all afternoon.",
    "Ate too late and worried about it.",
    "Too much stress, the plan slipped.",
  ],
  [-2]: [
    "I hate seeing that spike after dinner, I failed again.",
    "Everything went wrong and I gave up on the plan.",
    "Exhausted, lonely and fed up with counting everything.",
    "My numbers were terrible all day and I feel miserable.",
  ],
};

/** Mood bucket of a latent mood value: rounded and clamped to −2 … +2. */
export function toMoodBucket(mood: number): number {
  // `|| 0` turns Math.round's −0 (from −0.4) into a plain 0.
  return Math.max(-2, Math.min(2, Math.round(mood))) || 0;
}

export function writeJournalEntry(rng: Rng, moodBucket: number): string {
  return `${rng.pick(OPENERS[moodBucket])} ${rng.pick(BODIES[moodBucket])}`;
}
