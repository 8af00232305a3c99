/**
 * The registry of every number (and date) the narrator may cite, under a stable `metric` key.
 * The guard in lib/ai checks a model's evidence against it, so a key's meaning never changes
 * between weeks: "week.tir_percent" is always this week's time in range 70–180 mg/dL.
 */

/** Same shape as db/schema/intelligence.ts `Evidence[number]` (kept here: lib/ never imports db/). */
export type EvidenceItem = { metric: string; value: number | string; unit?: string; n?: number; detail?: string };

export type Fact = {
  metric: string;
  /** What the number is, in words a person reads: "time in range 70–180 mg/dL this week". */
  label: string;
  /** Rounded as shown to people; a string only for dates (YYYY-MM-DD). */
  value: number | string;
  unit?: string;
  /** Decimals `value` was rounded to (0 for dates and counts). */
  decimals: number;
  /** Days, nights or readings behind the number. */
  n?: number;
  /**
   * 0–100, how much the number can be trusted, by a documented rule (see weekly-facts.ts):
   * data coverage for weekly figures, the correlation's confidence class, 100 for plain counts.
   * An insight's confidence is the lowest confidence among the facts it cites.
   */
  confidence: number;
  detail?: string;
};

export type FactOptions = { unit?: string; decimals?: number; n?: number; confidence?: number; detail?: string };

export function roundTo(value: number, decimals: number): number {
  const f = 10 ** decimals;
  // + 0 turns -0 into 0: "-0 %" must never reach a person.
  return Math.round(value * f) / f + 0;
}

export class FactBook {
  private readonly facts = new Map<string, Fact>();

  /** Registers a number rounded to `decimals`; null/NaN registers nothing and returns null. */
  addNumber(metric: string, label: string, raw: number | null | undefined, options: FactOptions = {}): number | null {
    if (raw === null || raw === undefined || !Number.isFinite(raw)) return null;
    const decimals = options.decimals ?? 0;
    const value = roundTo(raw, decimals);
    this.facts.set(metric, { metric, label, value, unit: options.unit, decimals, n: options.n, confidence: clampConfidence(options.confidence ?? 100), detail: options.detail });
    return value;
  }

  addText(metric: string, label: string, value: string | null | undefined, options: Omit<FactOptions, "decimals"> = {}): string | null {
    if (value === null || value === undefined) return null;
    this.facts.set(metric, { metric, label, value, unit: options.unit, decimals: 0, n: options.n, confidence: clampConfidence(options.confidence ?? 100), detail: options.detail });
    return value;
  }

  get(metric: string): Fact | undefined {
    return this.facts.get(metric);
  }

  toRecord(): Record<string, Fact> {
    return Object.fromEntries(this.facts);
  }
}

function clampConfidence(c: number): number {
  return Math.max(0, Math.min(100, Math.round(c)));
}

/** The evidence item that cites a fact exactly as registered. */
export function evidenceOf(fact: Fact, detail?: string): EvidenceItem {
  return {
    metric: fact.metric,
    value: fact.value,
    ...(fact.unit ? { unit: fact.unit } : {}),
    ...(fact.n !== undefined ? { n: fact.n } : {}),
    ...(detail ?? fact.detail ? { detail: detail ?? fact.detail } : {}),
  };
}
