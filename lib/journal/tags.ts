/**
 * Journal tags: the #hashtags written in an entry plus the tags the member types (comma separated),
 * normalized so "#Stress", "stress" and "STRESS " are one tag.
 */
export const MAX_TAGS = 10;
export const MAX_TAG_LENGTH = 32;
export const TAG_PATTERN = /^[a-z0-9-]{1,32}$/;

/**
 * A hashtag starts after a space, punctuation or the start of the text — never inside a word, so
 * "C#" or "page#notes" are not tags — and runs over letters, digits, "-" and "_".
 */
const HASHTAG = /(?<![\p{L}\p{N}_&/#])#([\p{L}\p{N}_-]+)/gu;

/**
 * Lower-case ASCII letters, digits and "-": accents are dropped ("café" → "cafe"), spaces and "_"
 * become "-", anything else is removed. Null when nothing is left or it is longer than 32 characters
 * (cutting a tag would turn it into a different word).
 */
export function normalizeTag(raw: string): string | null {
  const tag = raw
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .trim()
    .replace(/^#+/, "")
    .replace(/[\s_]+/g, "-")
    .replace(/[^a-z0-9-]/g, "")
    .replace(/-{2,}/g, "-")
    .replace(/^-+|-+$/g, "");
  return TAG_PATTERN.test(tag) ? tag : null;
}

export function extractHashtags(text: string): string[] {
  return [...text.matchAll(HASHTAG)].map((m) => m[1]);
}

/** "sleep, work stress,#walk" → ["sleep", "work stress", "#walk"] (not yet normalized). */
export function splitTypedTags(typed: string): string[] {
  return typed.split(/[,;\n]/).map((t) => t.trim()).filter(Boolean);
}

/**
 * The entry's tags: typed ones first (the member chose them), then hashtags in the order written;
 * normalized, deduplicated, invalid ones dropped, at most 10.
 */
export function collectTags(text: string, typed: string | readonly string[] = []): string[] {
  const typedList = typeof typed === "string" ? splitTypedTags(typed) : typed;
  const out: string[] = [];
  for (const raw of [...typedList, ...extractHashtags(text)]) {
    const tag = normalizeTag(raw);
    if (tag && !out.includes(tag)) out.push(tag);
    if (out.length === MAX_TAGS) break;
  }
  return out;
}
