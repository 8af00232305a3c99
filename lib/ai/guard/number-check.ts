import type { Fact, WeeklyFacts } from "@/lib/intelligence";

/**
 * Numbers a model writes in its sentences must be figures from the week's facts (within rounding)
 * or one of the reference thresholds below; anything else is a made-up statistic. Dates, clock
 * times and years are not statistics and are skipped.
 */
export type NumberKind = "percent" | "mgdl" | "hours" | "minutes" | "steps" | "grams" | "count" | "plain";

/**
 * Reference thresholds a sentence may quote, by kind: the 2019 consensus targets (TIR > 70 %,
 * TAR < 25 %, > 250 under 5 %, TBR < 4 %, < 54 under 1 %, CV ≤ 36 %), the glucose bounds
 * 54/70/140/180/250 mg/dL, and the product's own rule thresholds (6/7 h of sleep, 15/30 min of
 * activity, 5,000/7,000 steps, 8 conditioning and 14 base days, the 4-week baseline, 7 days a week).
 */
export const REFERENCE_NUMBERS: Record<NumberKind, readonly number[]> = {
  percent: [70, 25, 5, 4, 1, 36, 50, 100],
  mgdl: [54, 70, 140, 180, 250],
  hours: [6, 7, 8, 24],
  minutes: [10, 15, 20, 30, 60],
  steps: [5000, 7000, 10000],
  grams: [],
  count: [0, 1, 2, 3, 4, 5, 6, 7, 8, 14, 26, 28],
  plain: [0, 1, 2, 3, 4, 5, 6, 7, 8, 14, 26, 28],
};

const UNIT_KIND: Record<string, NumberKind> = {
  "%": "percent", points: "percent", "mg/dL": "mgdl", h: "hours", min: "minutes", steps: "steps", g: "grams",
  days: "count", nights: "count", weeks: "count", evenings: "count", dinners: "count", "late dinners": "count",
};

type Allowed = { value: number; decimals: number };
export type NumberAllowList = Record<NumberKind, Allowed[]>;

const MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec";

/** Removes what looks like a number but is not a statistic: ISO dates, clock times, "4 July", years. */
function stripNonStatistics(text: string): string {
  return text
    .replace(/\d{4}-\d{2}-\d{2}/g, " ")
    .replace(/\b\d{1,2}:\d{2}\b/g, " ")
    .replace(new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:${MONTHS})\\b`, "gi"), " ")
    .replace(new RegExp(`\\b(?:${MONTHS})\\s+\\d{1,2}(?:st|nd|rd|th)?\\b`, "gi"), " ")
    .replace(/\b(?:19|20)\d{2}\b/g, " ");
}

const NUMBER = /(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?/g;
const KIND_AFTER: [RegExp, NumberKind][] = [
  [/^\s*(?:%|percent\b|per cent\b|points?\b|percentage points?\b)/i, "percent"],
  [/^\s*mg\s*\/\s*dl\b/i, "mgdl"],
  [/^\s*-?\s*(?:h\b|hrs?\b|hours?\b)/i, "hours"],
  [/^\s*-?\s*(?:min\b|mins\b|minutes?\b)/i, "minutes"],
  [/^\s*steps?\b/i, "steps"],
  [/^\s*(?:g\b|grams?\b)/i, "grams"],
  [/^\s*-?\s*(?:days?|nights?|weeks?|evenings?|dinners?|late dinners?)\b/i, "count"],
];

export type FoundNumber = { text: string; value: number; decimals: number; kind: NumberKind };

export function extractNumbers(text: string): FoundNumber[] {
  const clean = stripNonStatistics(text);
  const out: FoundNumber[] = [];
  for (const m of clean.matchAll(NUMBER)) {
    const before = clean[m.index! - 1];
    // Part of a longer token (an id like "lag1", a version "v2"): not a statistic.
    if (before && /[A-Za-z_]/.test(before)) continue;
    const after = clean.slice(m.index! + m[0].length);
    const kind = KIND_AFTER.find(([re]) => re.test(after))?.[1] ?? "plain";
    out.push({ text: m[0], value: Number(m[1].replace(/,/g, "") + (m[2] ? `.${m[2]}` : "")), decimals: m[2]?.length ?? 0, kind });
  }
  return out;
}

/** Every figure of the week (values, sample sizes, and numbers inside the facts' own labels and details). */
export function buildNumberAllowList(facts: WeeklyFacts, extraTexts: readonly string[] = []): NumberAllowList {
  const list: NumberAllowList = { percent: [], mgdl: [], hours: [], minutes: [], steps: [], grams: [], count: [], plain: [] };
  const add = (kind: NumberKind, value: number, decimals: number) => list[kind].push({ value: Math.abs(value), decimals });
  for (const f of Object.values(facts.facts) as Fact[]) {
    if (typeof f.value === "number") add(UNIT_KIND[f.unit ?? ""] ?? "plain", f.value, f.decimals);
    if (f.n !== undefined) add("count", f.n, 0);
    for (const text of [f.label, f.detail ?? ""]) for (const n of extractNumbers(text)) add(n.kind, n.value, n.decimals);
  }
  for (const text of extraTexts) for (const n of extractNumbers(text)) add(n.kind, n.value, n.decimals);
  return list;
}

/**
 * A stated number matches a computed one when it is the computed one rounded to the stated
 * decimals, with at most one decimal fewer than the fact ("0" is not a fair rounding of ρ = 0.41)
 * and no invented precision (the model sees 64, so "64.3" is made up; "64.0" is fine).
 */
export function matchesWithinRounding(stated: number, statedDecimals: number, computed: number, computedDecimals: number): boolean {
  if (statedDecimals < computedDecimals - 1) return false;
  if (statedDecimals > computedDecimals) return Math.abs(stated - computed) < 1e-9;
  const tolerance = 0.5 * 10 ** -Math.min(statedDecimals, computedDecimals) + 1e-9;
  return Math.abs(stated - computed) <= tolerance;
}

/** Numbers in `text` that are neither a figure of the week nor a reference threshold. */
export function findUnsupportedNumbers(text: string, allow: NumberAllowList): FoundNumber[] {
  return extractNumbers(text).filter((n) => {
    const pools: Allowed[] = n.kind === "plain"
      ? Object.values(allow).flat()
      : n.kind === "count"
        ? [...allow.count, ...allow.plain]
        : allow[n.kind];
    if (REFERENCE_NUMBERS[n.kind].includes(n.value)) return false;
    return !pools.some((a) => matchesWithinRounding(n.value, n.decimals, a.value, a.decimals));
  });
}
