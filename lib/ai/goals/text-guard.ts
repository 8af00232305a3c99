import { findForbiddenClaim } from "../guard/forbidden-claims";
import { extractNumbers, findUnsupportedNumbers, type NumberAllowList } from "../guard/number-check";

/**
 * The brief's guard ideas for free text: no diagnosis or dosing advice, and no number that is not
 * in what the model was given (the member's statistics, their own words, the reference thresholds).
 */
export function numberAllowListFromTexts(texts: readonly string[]): NumberAllowList {
  const list: NumberAllowList = { percent: [], mgdl: [], hours: [], minutes: [], steps: [], grams: [], count: [], plain: [] };
  // The sources are mostly JSON ("percent":71), where no unit follows a number: each figure is
  // allowed under every unit, so "71 %" matches it.
  for (const text of texts) {
    for (const n of extractNumbers(text)) for (const pool of Object.values(list)) pool.push({ value: Math.abs(n.value), decimals: n.decimals });
  }
  return list;
}

/** Why `text` may not be shown, or null when it is clean. */
export function findTextProblem(text: string, allow: NumberAllowList): string | null {
  const claim = findForbiddenClaim(text);
  if (claim) return claim;
  const unsupported = findUnsupportedNumbers(text, allow);
  return unsupported.length ? `states "${unsupported[0].text}", not among the member's figures` : null;
}

/** Complete sentences at the start of `buffer` (ending in . ! ? or a line break) and the unfinished rest. */
export function takeSentences(buffer: string): { sentences: string[]; rest: string } {
  const sentences: string[] = [];
  const boundary = /[.!?]+["'”’)]*(?=\s)\s*|\n+/g;
  let start = 0;
  for (let m = boundary.exec(buffer); m; m = boundary.exec(buffer)) {
    // The boundary needs the whitespace after it, so "3." at the end of a chunk waits for "3.5".
    const end = m.index + m[0].length;
    sentences.push(buffer.slice(start, end));
    start = end;
  }
  return { sentences, rest: buffer.slice(start) };
}

/**
 * Stricter than findTextProblem, for rewordings: every number must be one the original text
 * already states (no reference thresholds), so "try 5 sessions" cannot slip into a suggestion
 * that proposes 3.
 */
export function findRewordingProblem(text: string, originals: readonly string[]): string | null {
  const claim = findForbiddenClaim(text);
  if (claim) return claim;
  const known = originals.flatMap((o) => extractNumbers(o).map((n) => n.value));
  const added = extractNumbers(text).find((n) => !known.includes(n.value));
  return added ? `states "${added.text}", not in the original wording` : null;
}
