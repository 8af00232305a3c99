import { FEATURE_LABELS } from "./daily-features";

export type StoredCorrelation = {
  factor: string;
  outcome: string;
  lagDays: number;
  spearmanRho: number | null;
  qValue: number | null;
  sampleSize: number;
  significant: boolean;
  confidence: string | null;
};

export type Recommendation = {
  title: string;
  detail: string;
  confidence: string;
  evidence: { factor: string; outcome: string; lagDays: number; rho: number; q: number; n: number };
};

/** What a person can change, and the direction that helps for each outcome. */
const ACTIONS: Record<string, { more: string; less: string }> = {
  sleep_hours: { more: "Protect your sleep: aim for 7 hours or more.", less: "Keep an eye on very long nights: they go with worse glucose for you." },
  deep_sleep_minutes: { more: "Regular bedtimes and a dark, cool room tend to lengthen deep sleep.", less: "" },
  rem_sleep_minutes: { more: "A consistent wake-up time helps REM sleep.", less: "" },
  exercise_minutes: { more: "Keep moving: active days go with better glucose for you.", less: "" },
  evening_exercise_minutes: { more: "A walk after dinner is worth keeping: it goes with lower glucose for you.", less: "" },
  steps: { more: "More steps in the day go with better glucose for you.", less: "" },
  carbs_g: { more: "", less: "Spread or trim carbohydrates on heavy days: high-carb days push your glucose up." },
  late_dinner: { more: "", less: "Try to finish dinner before 21:00." },
};

/** Outcomes where a higher value is worse for the person. */
const HIGHER_IS_WORSE: Record<string, boolean> = { mean_glucose: true, time_above_180: true, glucose_cv: true, overnight_mean: true, time_in_range: false };

/**
 * Turns the significant correlations into at most `limit` recommendations, one per factor (its
 * strongest outcome), each with the evidence it rests on. A correlation is not proof of cause: the
 * wording says "goes with", and the evidence shows ρ, q and n.
 */
export function recommendFromCorrelations(rows: readonly StoredCorrelation[], limit = 5): Recommendation[] {
  const best = new Map<string, StoredCorrelation>();
  for (const r of rows) {
    if (!r.significant || r.spearmanRho === null || r.qValue === null || !(r.factor in ACTIONS)) continue;
    const current = best.get(r.factor);
    if (!current || Math.abs(r.spearmanRho) > Math.abs(current.spearmanRho ?? 0)) best.set(r.factor, r);
  }
  const out: Recommendation[] = [];
  for (const r of [...best.values()].sort((a, b) => (a.qValue ?? 1) - (b.qValue ?? 1))) {
    const worse = HIGHER_IS_WORSE[r.outcome] ?? true;
    // More of the factor helps when it moves the outcome in the good direction.
    const moreHelps = worse ? r.spearmanRho! < 0 : r.spearmanRho! > 0;
    const action = moreHelps ? ACTIONS[r.factor].more : ACTIONS[r.factor].less;
    if (!action) continue;
    const when = r.lagDays === 0 ? "the same day" : r.lagDays === 1 ? "the next day" : `${r.lagDays} days later`;
    out.push({
      title: action,
      detail: `More ${FEATURE_LABELS[r.factor]} goes with ${r.spearmanRho! > 0 ? "higher" : "lower"} ${FEATURE_LABELS[r.outcome]} ${when} (Spearman ρ = ${r.spearmanRho!.toFixed(2)}, ${formatQ(r.qValue!)}, ${r.sampleSize} days).`,
      confidence: r.confidence ?? "low",
      evidence: { factor: r.factor, outcome: r.outcome, lagDays: r.lagDays, rho: r.spearmanRho!, q: r.qValue!, n: r.sampleSize },
    });
    if (out.length >= limit) break;
  }
  return out;
}

function formatQ(q: number): string {
  return q < 0.001 ? "q < 0.001" : `q = ${q.toFixed(3)}`;
}
