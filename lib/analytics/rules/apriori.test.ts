import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { findFrequentItemsets } from "./apriori";
import { MLXTEND_TABLE } from "./mlxtend-example.fixture";

describe("findFrequentItemsets (mlxtend apriori)", () => {
  it("reproduces mlxtend's documented example at min_support = 0.6", () => {
    // mlxtend user guide, frequent_patterns/apriori: 11 itemsets.
    const itemsets = findFrequentItemsets(MLXTEND_TABLE, { minSupport: 0.6 });
    expect(itemsets.map((s) => [s.items, s.support])).toEqual([
      [["Eggs"], 0.8],
      [["Kidney Beans"], 1],
      [["Milk"], 0.6],
      [["Onion"], 0.6],
      [["Yogurt"], 0.6],
      [["Eggs", "Kidney Beans"], 0.8],
      [["Eggs", "Onion"], 0.6],
      [["Kidney Beans", "Milk"], 0.6],
      [["Kidney Beans", "Onion"], 0.6],
      [["Kidney Beans", "Yogurt"], 0.6],
      [["Eggs", "Kidney Beans", "Onion"], 0.6],
    ]);
    expect(itemsets.find((s) => s.items.length === 3)!.count).toBe(3);
  });

  it("honours maxLength and lower supports", () => {
    expect(findFrequentItemsets(MLXTEND_TABLE, { minSupport: 0.6, maxLength: 1 })).toHaveLength(5);
    // At 0.4 (2 of 5 baskets) every item in at least 2 rows counts: Corn and Nutmeg join the singles.
    const loose = findFrequentItemsets(MLXTEND_TABLE, { minSupport: 0.4 });
    expect(loose.filter((s) => s.items.length === 1).map((s) => s.items[0])).toEqual([
      "Corn",
      "Eggs",
      "Kidney Beans",
      "Milk",
      "Nutmeg",
      "Onion",
      "Yogurt",
    ]);
    // Brute force over all 2^11 subsets agrees with apriori's pruning.
    const expected = bruteForceCount(0.4);
    expect(loose).toHaveLength(expected);
  });

  it("rejects a support outside (0, 1] and malformed tables", () => {
    expect(() => findFrequentItemsets(MLXTEND_TABLE, { minSupport: 0 })).toThrow(AppError);
    expect(() => findFrequentItemsets(MLXTEND_TABLE, { minSupport: 1.5 })).toThrow(/\(0, 1\]/);
    expect(() => findFrequentItemsets({ columns: ["a"], rows: [] })).toThrow(/no rows/);
    expect(() => findFrequentItemsets({ columns: ["a", "b"], rows: [[true]] })).toThrow(/1 values for 2 columns/);
  });

  it("counts supports correctly past 32 rows (bitset words)", () => {
    const rows = Array.from({ length: 70 }, (_, r) => [r % 2 === 0, r % 5 === 0, r < 40]);
    const itemsets = findFrequentItemsets({ columns: ["even", "five", "early"], rows }, { minSupport: 0.1 });
    const find = (items: string[]) => itemsets.find((s) => JSON.stringify(s.items) === JSON.stringify(items));
    expect(find(["even"])!.count).toBe(35);
    expect(find(["five"])!.count).toBe(14);
    expect(find(["early"])!.count).toBe(40);
    expect(find(["even", "five"])!.count).toBe(7); // multiples of 10 below 70
    expect(find(["even", "early"])!.count).toBe(20);
    expect(find(["five", "early"])!.count).toBe(8);
    expect(find(["even", "five", "early"])).toBeUndefined(); // 4 rows (0,10,20,30) = 0.057 < 0.1
  });
});

function bruteForceCount(minSupport: number): number {
  const width = MLXTEND_TABLE.columns.length;
  let frequent = 0;
  for (let mask = 1; mask < 1 << width; mask++) {
    const count = MLXTEND_TABLE.rows.filter((row) => row.every((cell, c) => !(mask & (1 << c)) || cell)).length;
    if (count / MLXTEND_TABLE.rows.length >= minSupport) frequent++;
  }
  return frequent;
}
