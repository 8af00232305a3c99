import type { OneHotTable } from "./apriori";

/**
 * mlxtend's documented example (user guide "apriori" / "association_rules", and
 * mlxtend/frequent_patterns/tests/test_association_rules.py `one_ary`): five shopping baskets,
 * one-hot encoded over 11 items.
 */
const ONE_ARY = [
  [0, 0, 0, 1, 0, 1, 1, 1, 1, 0, 1],
  [0, 0, 1, 1, 0, 1, 0, 1, 1, 0, 1],
  [1, 0, 0, 1, 0, 1, 1, 0, 0, 0, 0],
  [0, 1, 0, 0, 0, 1, 1, 0, 0, 1, 1],
  [0, 1, 0, 1, 1, 1, 0, 0, 1, 0, 0],
];

export const MLXTEND_TABLE: OneHotTable = {
  columns: ["Apple", "Corn", "Dill", "Eggs", "Ice cream", "Kidney Beans", "Milk", "Nutmeg", "Onion", "Unicorn", "Yogurt"],
  rows: ONE_ARY.map((row) => row.map((cell) => cell === 1)),
};
