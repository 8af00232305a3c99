/**
 * What a goal's own words say about its schedule: "3x/week", "3× a week", "three times a week",
 * "twice weekly", "daily", "30 minutes", "half an hour", "sleep by 23:00" or "in bed by 11pm".
 * Deliberately small: anything unread falls back to the template's defaults.
 */

const COUNT_WORDS: Record<string, number> = { once: 1, twice: 2, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7 };
const COUNT = "(\\d+|one|two|three|four|five|six|seven)";
const PER_WEEK = "(?:a|per|each|every|\\/|in\\s+a)?\\s*(?:week|wk)\\b|weekly\\b";

const countOf = (word: string) => (/^\d+$/.test(word) ? Number(word) : COUNT_WORDS[word.toLowerCase()]);

/** Sessions a week the text asks for (7 for "daily"), or undefined when it says none. */
export function readTimesPerWeek(text: string): number | undefined {
  const patterns = [
    new RegExp(`\\b${COUNT}\\s*(?:x|×|times?)\\s*(?:${PER_WEEK})`, "i"),
    new RegExp(`\\b${COUNT}\\s*(?:days?|sessions?|runs?|walks?|workouts?|nights?|mornings?|evenings?)\\s*(?:${PER_WEEK})`, "i"),
    new RegExp(`\\b(once|twice)\\s*(?:${PER_WEEK})`, "i"),
    // "3x" or "3×" alone ("run 3x") most often means per week.
    /\b(\d)\s*[x×](?![a-z])/i,
  ];
  for (const re of patterns) {
    const m = re.exec(text);
    if (m) {
      const n = countOf(m[1]);
      if (n >= 1 && n <= 7) return n;
    }
  }
  if (/\b(?:daily|every\s*(?:day|night|morning|evening)|each\s*(?:day|night|morning|evening)|nightly|a day\b|per day\b)/i.test(text)) return 7;
  return undefined;
}

/** Minutes per session the text names, or undefined. */
export function readMinutesPerSession(text: string): number | undefined {
  const m = /\b(\d{1,3})\s*-?\s*(?:min|mins|minutes?)\b/i.exec(text);
  if (m && Number(m[1]) > 0) return Number(m[1]);
  if (/\bhalf\s+an?\s+hour\b/i.test(text)) return 30;
  const h = /\b(an|one|1|2|two)\s*-?\s*hours?\b/i.exec(text);
  if (h) return /^(?:2|two)$/i.test(h[1]) ? 120 : 60;
  return undefined;
}

/** A bedtime after "by/before" ("sleep by 23:00", "in bed before 10:30 pm") as "HH:mm", or undefined. */
export function readBedtime(text: string): string | undefined {
  const m = /\b(?:by|before)\s+(\d{1,2})(?:[:.h](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?/i.exec(text);
  if (!m) return undefined;
  let hour = Number(m[1]);
  const minute = m[2] ? Number(m[2]) : 0;
  const meridiem = m[3]?.toLowerCase().replace(/\./g, "");
  if (meridiem === "pm" && hour < 12) hour += 12;
  if (meridiem === "am" && hour === 12) hour = 0;
  // A bedtime "by 11" or "by 10:30" without am/pm means the evening ("by 12" means midnight).
  if (!meridiem && hour >= 7 && hour <= 12) hour = hour === 12 ? 0 : hour + 12;
  if (hour > 23 || minute > 59) return undefined;
  return `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
}
