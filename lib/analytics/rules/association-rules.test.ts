import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { findFrequentItemsets } from "./apriori";
import { computeRuleMetrics, generateAssociationRules, type AssociationRule } from "./association-rules";
import { fromJsonNumber, toJsonSafeRule } from "./json";
import { MLXTEND_TABLE } from "./mlxtend-example.fixture";

const ITEMSETS = findFrequentItemsets(MLXTEND_TABLE, { minSupport: 0.6 });
const describeRule = (r: AssociationRule) => `${r.antecedents.join("+")} -> ${r.consequents.join("+")}`;

describe("generateAssociationRules (mlxtend association_rules)", () => {
  it("reproduces mlxtend's test_default: 9 rules at confidence ≥ 0.8 with published metrics", () => {
    // mlxtend/frequent_patterns/tests/test_association_rules.py::test_default, columns:
    // antecedent support, consequent support, support, confidence, lift, leverage, conviction, zhangs_metric.
    const expected: Record<string, number[]> = {
      "Onion -> Kidney Beans": [0.6, 1.0, 0.6, 1.0, 1.0, 0.0, Infinity, 0],
      "Milk -> Kidney Beans": [0.6, 1.0, 0.6, 1.0, 1.0, 0.0, Infinity, 0],
      "Eggs+Onion -> Kidney Beans": [0.6, 1.0, 0.6, 1.0, 1.0, 0.0, Infinity, 0],
      "Kidney Beans+Onion -> Eggs": [0.6, 0.8, 0.6, 1.0, 1.25, 0.12, Infinity, 0.5],
      "Onion -> Eggs+Kidney Beans": [0.6, 0.8, 0.6, 1.0, 1.25, 0.12, Infinity, 0.5],
      "Eggs -> Kidney Beans": [0.8, 1.0, 0.8, 1.0, 1.0, 0.0, Infinity, 0],
      "Kidney Beans -> Eggs": [1.0, 0.8, 0.8, 0.8, 1.0, 0.0, 1.0, 0],
      "Yogurt -> Kidney Beans": [0.6, 1.0, 0.6, 1.0, 1.0, 0.0, Infinity, 0],
      "Onion -> Eggs": [0.6, 0.8, 0.6, 1.0, 1.25, 0.12, Infinity, 0.5],
    };
    const rules = generateAssociationRules(ITEMSETS);
    expect(rules.map(describeRule).sort()).toEqual(Object.keys(expected).sort());
    for (const rule of rules) {
      const [sA, sC, s, confidence, lift, leverage, conviction, zhang] = expected[describeRule(rule)];
      expect(rule.antecedentSupport).toBeCloseTo(sA, 12);
      expect(rule.consequentSupport).toBeCloseTo(sC, 12);
      expect(rule.support).toBeCloseTo(s, 12);
      expect(rule.confidence).toBeCloseTo(confidence, 12);
      expect(rule.lift).toBeCloseTo(lift, 12);
      expect(rule.leverage).toBeCloseTo(leverage, 12);
      if (conviction === Infinity) expect(rule.conviction).toBe(Infinity);
      else expect(rule.conviction).toBeCloseTo(conviction, 12);
      expect(rule.zhangsMetric).toBeCloseTo(zhang, 12);
    }
  });

  it("matches mlxtend's rule counts for each metric and threshold", () => {
    // test_leverage, test_conviction, test_lift, test_confidence, test_override_metric_with_support.
    expect(generateAssociationRules(ITEMSETS, { metric: "leverage", minThreshold: 0.1 })).toHaveLength(6);
    expect(generateAssociationRules(ITEMSETS, { metric: "conviction", minThreshold: 1.5 })).toHaveLength(11);
    expect(generateAssociationRules(ITEMSETS, { metric: "lift", minThreshold: 1.1 })).toHaveLength(6);
    expect(generateAssociationRules(ITEMSETS, { metric: "confidence", minThreshold: 0.8 })).toHaveLength(9);
    expect(generateAssociationRules(ITEMSETS, { metric: "support", minThreshold: 0.8 })).toHaveLength(2);
    // test_empty_result: nothing reaches a confidence of 2.
    expect(generateAssociationRules(ITEMSETS, { minThreshold: 2 })).toEqual([]);
  });

  it("computes jaccard, certainty and kulczynski by their definitions", () => {
    // Kidney Beans → Eggs: sAC = 0.8, sA = 1, sC = 0.8.
    const kbEggs = computeRuleMetrics(0.8, 1, 0.8);
    expect(kbEggs.jaccard).toBeCloseTo(0.8 / (1 + 0.8 - 0.8), 14);
    expect(kbEggs.certainty).toBeCloseTo(0, 14);
    expect(kbEggs.kulczynski).toBeCloseTo((0.8 + 1) / 2, 14);
    // Onion → Eggs: sAC = 0.6, sA = 0.6, sC = 0.8.
    const onionEggs = computeRuleMetrics(0.6, 0.6, 0.8);
    expect(onionEggs.jaccard).toBeCloseTo(0.75, 14);
    expect(onionEggs.certainty).toBeCloseTo(1, 14);
    expect(onionEggs.kulczynski).toBeCloseTo(0.875, 14);
    // A consequent present in every row: certainty's denominator is 0 → 0, as mlxtend.
    expect(computeRuleMetrics(0.6, 0.6, 1).certainty).toBe(0);
  });

  it("serializes conviction = Infinity as the string \"inf\" and back", () => {
    const rule = generateAssociationRules(ITEMSETS).find((r) => describeRule(r) === "Onion -> Eggs")!;
    const json = JSON.parse(JSON.stringify(toJsonSafeRule(rule)));
    expect(json.conviction).toBe("inf");
    expect(json.lift).toBeCloseTo(1.25, 12);
    expect(fromJsonNumber(json.conviction)).toBe(Infinity);
    const finite = generateAssociationRules(ITEMSETS).find((r) => describeRule(r) === "Kidney Beans -> Eggs")!;
    expect(toJsonSafeRule(finite).conviction).toBeCloseTo(1, 12);
  });

  it("refuses an unknown metric and a cropped itemset list", () => {
    expect(() => generateAssociationRules(ITEMSETS, { metric: "unicorn" as never })).toThrow(AppError);
    const cropped = ITEMSETS.filter((s) => s.items.length > 1);
    expect(() => generateAssociationRules(cropped)).toThrow(/lack the support/);
    expect(generateAssociationRules([])).toEqual([]);
  });
});
