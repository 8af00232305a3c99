/**
 * Frequent itemsets by apriori, as mlxtend.frequent_patterns.apriori defines them: over a one-hot
 * table (rows = transactions, here days; columns = items, here daily facts), the support of an
 * itemset is the share of rows where all its items are true, and every itemset with
 * support ≥ min_support is returned (itemsets of one item first, then two, …; within a size in
 * lexicographic order of column positions, as mlxtend lists them).
 *
 * Candidates of size k+1 join two frequent k-itemsets sharing their first k−1 items and are kept only
 * if all their k-subsets are frequent (the apriori property); supports are counted on bitsets.
 */
import { AppError } from "@/lib/errors";

export interface OneHotTable {
  /** Item names, one per column. */
  columns: readonly string[];
  /** One row per transaction, one boolean per column. */
  rows: readonly (readonly boolean[])[];
}

export interface FrequentItemset {
  /** Item names, in column order. */
  items: string[];
  /** Share of rows containing every item, in (0, 1]. */
  support: number;
  /** Number of rows containing every item. */
  count: number;
}

export interface AprioriOptions {
  /** Minimum support in (0, 1]; mlxtend's default is 0.5. */
  minSupport?: number;
  /** Largest itemset size; default unlimited. */
  maxLength?: number;
}

function popcount32(v: number): number {
  v -= (v >>> 1) & 0x55555555;
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

function countBits(bits: Uint32Array): number {
  let total = 0;
  for (let i = 0; i < bits.length; i++) total += popcount32(bits[i]);
  return total;
}

function intersect(a: Uint32Array, b: Uint32Array): Uint32Array {
  const out = new Uint32Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i] & b[i];
  return out;
}

function validateTable(table: OneHotTable) {
  const width = table.columns.length;
  if (width === 0) throw new AppError("bad_request:analytics", "The table has no item columns.");
  if (new Set(table.columns).size !== width) {
    throw new AppError("bad_request:analytics", "Item column names must be distinct.");
  }
  if (table.rows.length === 0) throw new AppError("bad_request:analytics", "The table has no rows: nothing to mine.");
  table.rows.forEach((row, r) => {
    if (row.length !== width) {
      throw new AppError("bad_request:analytics", `Row ${r + 1} has ${row.length} values for ${width} columns.`);
    }
    for (const cell of row) {
      if (typeof cell !== "boolean") {
        throw new AppError("bad_request:analytics", `Row ${r + 1} holds a value that is not true or false.`);
      }
    }
  });
}

interface Level {
  itemsets: number[][];
  bits: Uint32Array[];
}

export function findFrequentItemsets(table: OneHotTable, options: AprioriOptions = {}): FrequentItemset[] {
  const minSupport = options.minSupport ?? 0.5;
  const maxLength = options.maxLength ?? Infinity;
  if (!(minSupport > 0 && minSupport <= 1)) {
    throw new AppError("bad_request:analytics", `The minimum support must lie in (0, 1]; got ${minSupport}.`);
  }
  if (!(maxLength >= 1)) throw new AppError("bad_request:analytics", "The maximum itemset length must be at least 1.");
  validateTable(table);

  const rowCount = table.rows.length;
  const words = Math.ceil(rowCount / 32);
  // mlxtend compares the float support count / n with min_support; doing the same keeps the
  // borderline cases (support exactly at the threshold) identical.
  const isFrequent = (count: number) => count / rowCount >= minSupport;
  const result: FrequentItemset[] = [];
  const record = (itemset: number[], count: number) =>
    result.push({ items: itemset.map((c) => table.columns[c]), support: count / rowCount, count });

  let level: Level = { itemsets: [], bits: [] };
  for (let c = 0; c < table.columns.length; c++) {
    const bits = new Uint32Array(words);
    table.rows.forEach((row, r) => {
      if (row[c]) bits[r >>> 5] |= 1 << (r & 31);
    });
    const count = countBits(bits);
    if (isFrequent(count)) {
      level.itemsets.push([c]);
      level.bits.push(bits);
      record([c], count);
    }
  }

  for (let size = 2; size <= maxLength && level.itemsets.length > 1; size++) {
    const known = new Set(level.itemsets.map((s) => s.join(",")));
    const next: Level = { itemsets: [], bits: [] };
    for (let a = 0; a < level.itemsets.length; a++) {
      const left = level.itemsets[a];
      for (let b = a + 1; b < level.itemsets.length; b++) {
        const right = level.itemsets[b];
        // Itemsets are sorted, so those sharing a prefix are contiguous: stop at the first mismatch.
        let samePrefix = true;
        for (let p = 0; p < size - 2; p++) {
          if (left[p] !== right[p]) {
            samePrefix = false;
            break;
          }
        }
        if (!samePrefix) break;
        const candidate = [...left, right[size - 2]];
        let allSubsetsFrequent = true;
        for (let drop = 0; drop < size - 2 && allSubsetsFrequent; drop++) {
          const subset = candidate.filter((_, k) => k !== drop);
          allSubsetsFrequent = known.has(subset.join(","));
        }
        if (!allSubsetsFrequent) continue;
        const bits = intersect(level.bits[a], level.bits[b]);
        const count = countBits(bits);
        if (isFrequent(count)) {
          next.itemsets.push(candidate);
          next.bits.push(bits);
          record(candidate, count);
        }
      }
    }
    level = next;
  }
  return result;
}
