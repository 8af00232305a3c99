/**
 * How much a person may trust a correlation, from its BH q-value and its number of paired days.
 * The rule (documented for the UI and the narrator, which must not invent its own):
 *   - "none"   — not significant (q ≥ the FDR level of the run, 0.05 by default);
 *   - "high"   — q < 0.01 and n ≥ 30 paired days (a month of data and a 1 % false-discovery level);
 *   - "medium" — q < 0.05 and n ≥ 20;
 *   - "low"    — significant, but with fewer days or a larger q than the above.
 * The n thresholds follow the usual rule of thumb that |r| of ~0.35–0.45 (what daily habits
 * typically reach) needs 20–30 pairs before its sign is stable.
 */
export type ConfidenceLevel = "high" | "medium" | "low" | "none";

export const HIGH_CONFIDENCE = { maxQ: 0.01, minN: 30 } as const;
export const MEDIUM_CONFIDENCE = { maxQ: 0.05, minN: 20 } as const;

export function classifyConfidence(q: number, n: number, significant: boolean): ConfidenceLevel {
  if (!significant) return "none";
  if (q < HIGH_CONFIDENCE.maxQ && n >= HIGH_CONFIDENCE.minN) return "high";
  if (q < MEDIUM_CONFIDENCE.maxQ && n >= MEDIUM_CONFIDENCE.minN) return "medium";
  return "low";
}
