/**
 * What a weekly brief must never say (DESIGN decision 4: the AI narrates, it does not diagnose or
 * prescribe). A model sentence that matches any pattern is dropped and replaced by the grounded
 * narrator's. The lists are deliberately broad: a false alarm costs one templated sentence, a miss
 * puts a diagnosis in front of a patient.
 */

/** Named conditions a brief must not attribute to the person. */
const CONDITIONS = [
  "(?:type\\s*[12]\\s*)?diabetes", "pre-?diabetes", "neuropathy", "retinopathy", "nephropathy", "gastroparesis",
  "insulin resistance", "metabolic syndrome", "hypoglycemia unawareness", "hypertension", "sleep apnoea", "sleep apnea",
  "depression", "anxiety disorder", "hypothyroidism", "hyperthyroidism", "ketoacidosis", "DKA", "heart disease",
  "kidney disease", "cardiovascular disease", "liver disease", "fatty liver", "PCOS", "cushing'?s", "an? eating disorder",
].join("|");

export const DIAGNOSIS_PATTERNS: readonly { id: string; pattern: RegExp; why: string }[] = [
  { id: "diagnos", pattern: /\bdiagnos\w*/i, why: "speaks of a diagnosis" },
  {
    id: "you-have-condition",
    pattern: new RegExp(`\\byou(?:'re|’re| are)?\\s+(?:have|has|had|likely have|probably have|may have|might have|could have|seem to have|appear to have|are developing|are suffering from|suffer from|show(?:ing)? signs of|are at risk (?:of|for))\\b[^.;]{0,40}?\\b(?:${CONDITIONS})\\b`, "i"),
    why: "attributes a named condition to the person",
  },
  {
    id: "signs-of-condition",
    pattern: new RegExp(`\\b(?:signs?|symptoms?|indicative|consistent with|suggestive of|evidence of|indicates?|suggests?|points? to)\\b[^.;]{0,30}?\\b(?:${CONDITIONS})\\b`, "i"),
    why: "reads the data as signs of a named condition",
  },
  { id: "you-are-diabetic", pattern: /\byou(?:'re|’re| are)\s+(?:now\s+)?(?:a\s+)?(?:diabetic|pre-?diabetic|hypoglycemic|insulin[- ]resistant)\b/i, why: "labels the person with a condition" },
  {
    id: "condition-is-present",
    pattern: new RegExp(`\\b(?:${CONDITIONS})\\b[^.;]{0,20}\\b(?:is|are)\\s+(?:likely|confirmed|present|developing|worsening|progressing)\\b`, "i"),
    why: "states that a condition is present or progressing",
  },
];

/** Medication and dosing advice belongs to the care team, never to a generated brief. */
export const DOSING_PATTERNS: readonly { id: string; pattern: RegExp; why: string }[] = [
  {
    id: "change-medication",
    pattern: /\b(?:increase|decrease|reduce|raise|lower|adjust|change|stop|skip|double|halve|start|take|titrate)\b[^.;]{0,30}?\b(?:insulin|metformin|doses?|dosage|bolus|basal|medications?|medicines?|pills?|glp-?1|sulfonylureas?|tablets?)\b/i,
    why: "gives medication or dosing advice",
  },
];

/** The first forbidden claim in `text`, as a sentence for the logs; null when the text is clean. */
export function findForbiddenClaim(text: string): string | null {
  for (const { pattern, why } of [...DIAGNOSIS_PATTERNS, ...DOSING_PATTERNS]) {
    const m = pattern.exec(text);
    if (m) return `${why} ("${m[0].trim()}")`;
  }
  return null;
}
