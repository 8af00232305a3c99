/** The member's journal, pure: sentiment scoring, mood labels, tags, the mood trend and a week's summary for the brief. */
export { isMoodLabel, MOOD_LABELS, MOOD_TEXT, MOOD_THRESHOLDS, moodLabel, type MoodLabel } from "./mood";
export { scoreSentiment, type SentimentScore } from "./sentiment";
export { collectTags, extractHashtags, MAX_TAG_LENGTH, MAX_TAGS, normalizeTag, splitTypedTags, TAG_PATTERN } from "./tags";
export { dailyMoodSeries, directionOf, MOOD_DIRECTION_THRESHOLD, moodTrend, TOP_TAGS, type MoodEntry } from "./mood-trend";
export { summarizeJournalWeek, WEEK_TOP_TAGS, type JournalWeek } from "./week-summary";
