/**
 * Association rules from frequent itemsets, with the metrics exactly as
 * mlxtend.frequent_patterns.association_rules defines them (complete data, no null values):
 *   support(A→C)    = support(A ∪ C)
 *   confidence(A→C) = support(A ∪ C) / support(A)
 *   lift(A→C)       = confidence(A→C) / support(C)
 *   leverage(A→C)   = support(A ∪ C) − support(A)·support(C)
 *   conviction(A→C) = (1 − support(C)) / (1 − confidence(A→C)), and +Infinity when confidence = 1
 *   zhangs_metric   = leverage / max(support(A∪C)·(1 − support(A)), support(A)·(support(C) − support(A∪C))),
 *                     0 when that denominator is 0
 *   jaccard         = support(A∪C) / (support(A) + support(C) − support(A∪C))
 *   certainty       = (confidence − support(C)) / (1 − support(C)), 0 when support(C) = 1
 *   kulczynski      = (confidence(A→C) + confidence(C→A)) / 2
 * Every split of every frequent itemset of size ≥ 2 into a non-empty antecedent A and consequent C
 * is a candidate; a rule is kept when the chosen metric ≥ min_threshold (default: confidence ≥ 0.8).
 *
 * Conviction is +Infinity for a rule that never fails. JSON has no Infinity (JSON.stringify writes
 * null), so `toJsonSafeRule` in json.ts writes it as the string "inf".
 */
import { AppError } from "@/lib/errors";
import type { FrequentItemset } from "./apriori";

export type RuleMetric =
  | "support"
  | "confidence"
  | "lift"
  | "leverage"
  | "conviction"
  | "zhangs_metric"
  | "jaccard"
  | "certainty"
  | "kulczynski";

export const RULE_METRICS: readonly RuleMetric[] = [
  "support",
  "confidence",
  "lift",
  "leverage",
  "conviction",
  "zhangs_metric",
  "jaccard",
  "certainty",
  "kulczynski",
];

export interface AssociationRule {
  antecedents: string[];
  consequents: string[];
  antecedentSupport: number;
  consequentSupport: number;
  support: number;
  confidence: number;
  lift: number;
  leverage: number;
  /** +Infinity when confidence is 1. */
  conviction: number;
  zhangsMetric: number;
  jaccard: number;
  certainty: number;
  kulczynski: number;
}

export interface AssociationRuleOptions {
  /** Metric the threshold applies to; default "confidence" (mlxtend's default). */
  metric?: RuleMetric;
  /** Minimum value of the metric; default 0.8 (mlxtend's default). */
  minThreshold?: number;
}

/** All metrics of A → C from the three supports (mlxtend's metric_dict without null handling). */
export function computeRuleMetrics(
  supportAC: number,
  supportA: number,
  supportC: number,
): Omit<AssociationRule, "antecedents" | "consequents"> {
  const confidence = supportAC / supportA;
  const leverage = supportAC - supportA * supportC;
  const zhangDenominator = Math.max(supportAC * (1 - supportA), supportA * (supportC - supportAC));
  return {
    antecedentSupport: supportA,
    consequentSupport: supportC,
    support: supportAC,
    confidence,
    lift: confidence / supportC,
    leverage,
    conviction: confidence < 1 ? (1 - supportC) / (1 - confidence) : Infinity,
    zhangsMetric: zhangDenominator === 0 ? 0 : leverage / zhangDenominator,
    jaccard: supportAC / (supportA + supportC - supportAC),
    certainty: 1 - supportC === 0 ? 0 : (confidence - supportC) / (1 - supportC),
    kulczynski: (confidence + supportAC / supportC) / 2,
  };
}

const METRIC_FIELD: Record<RuleMetric, keyof Omit<AssociationRule, "antecedents" | "consequents">> = {
  support: "support",
  confidence: "confidence",
  lift: "lift",
  leverage: "leverage",
  conviction: "conviction",
  zhangs_metric: "zhangsMetric",
  jaccard: "jaccard",
  certainty: "certainty",
  kulczynski: "kulczynski",
};

/** k-subsets of positions 0..n−1 in lexicographic order. */
function* positionSubsets(n: number, k: number): Generator<number[]> {
  const index = Array.from({ length: k }, (_, i) => i);
  while (true) {
    yield [...index];
    let i = k - 1;
    while (i >= 0 && index[i] === n - k + i) i--;
    if (i < 0) return;
    index[i]++;
    for (let m = i + 1; m < k; m++) index[m] = index[m - 1] + 1;
  }
}

/**
 * Rules from frequent itemsets (the output of findFrequentItemsets, or any downward-closed list).
 * Order: itemsets in input order; within an itemset, larger antecedents first (as mlxtend iterates),
 * then lexicographic by item position. No itemsets → no rules (mlxtend raises instead).
 */
export function generateAssociationRules(
  itemsets: readonly FrequentItemset[],
  options: AssociationRuleOptions = {},
): AssociationRule[] {
  const metric = options.metric ?? "confidence";
  const minThreshold = options.minThreshold ?? 0.8;
  if (!RULE_METRICS.includes(metric)) {
    throw new AppError("bad_request:analytics", `Unknown rule metric "${metric}"; use one of ${RULE_METRICS.join(", ")}.`);
  }
  if (!Number.isFinite(minThreshold)) {
    throw new AppError("bad_request:analytics", "The rule threshold must be a finite number.");
  }
  const supportOf = new Map<string, number>();
  const keyOf = (items: readonly string[]) => JSON.stringify([...items].sort());
  for (const itemset of itemsets) supportOf.set(keyOf(itemset.items), itemset.support);
  const lookup = (items: string[]) => {
    const support = supportOf.get(keyOf(items));
    if (support === undefined) {
      // mlxtend raises a KeyError here: the list was cropped and lacks a subset's support.
      throw new AppError(
        "bad_request:analytics",
        `The itemsets lack the support of {${items.join(", ")}}: pass every frequent itemset, not a filtered list.`,
      );
    }
    return support;
  };

  const field = METRIC_FIELD[metric];
  const rules: AssociationRule[] = [];
  for (const itemset of itemsets) {
    const items = itemset.items;
    for (let size = items.length - 1; size >= 1; size--) {
      for (const positions of positionSubsets(items.length, size)) {
        const chosen = new Set(positions);
        const antecedents = items.filter((_, k) => chosen.has(k));
        const consequents = items.filter((_, k) => !chosen.has(k));
        const metrics = computeRuleMetrics(itemset.support, lookup(antecedents), lookup(consequents));
        if (metrics[field] >= minThreshold) rules.push({ antecedents, consequents, ...metrics });
      }
    }
  }
  return rules;
}
