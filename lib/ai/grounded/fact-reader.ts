import { evidenceOf, type EvidenceItem, type Fact, type WeeklyFacts } from "@/lib/intelligence";

const COUNT_UNITS: Record<string, [string, string]> = {
  days: ["day", "days"],
  nights: ["night", "nights"],
  weeks: ["week", "weeks"],
  evenings: ["evening", "evenings"],
  dinners: ["dinner", "dinners"],
  "late dinners": ["late dinner", "late dinners"],
};

/**
 * Reads facts for the grounded narrator and writes their numbers exactly as registered (same
 * rounding), so every figure in a sentence is one the guard and the evidence agree on.
 */
export class FactReader {
  constructor(readonly facts: WeeklyFacts) {}

  has(...metrics: string[]): boolean {
    return metrics.every((m) => m in this.facts.facts);
  }

  fact(metric: string): Fact {
    const f = this.facts.facts[metric];
    if (!f) throw new Error(`Internal error: the narrator cited "${metric}", which is not in the week's facts.`);
    return f;
  }

  num(metric: string): number | null {
    const f = this.facts.facts[metric];
    return f && typeof f.value === "number" ? f.value : null;
  }

  text(metric: string): string | null {
    const f = this.facts.facts[metric];
    return f && typeof f.value === "string" ? f.value : null;
  }

  /** "64 %", "164 mg/dL", "6.7 h", "8,493 steps", "3 nights", "ρ = 0.41"; `abs` drops the sign of a change. */
  say(metric: string, options: { abs?: boolean; bare?: boolean } = {}): string {
    const f = this.fact(metric);
    if (typeof f.value === "string") return f.value;
    const v = options.abs ? Math.abs(f.value) : f.value;
    const n = formatNumber(v, f.decimals);
    if (options.bare) return n;
    switch (f.unit) {
      case "%": return `${n} %`;
      case "points": return `${n} ${Math.abs(v) === 1 ? "point" : "points"}`;
      case "mg/dL": return `${n} mg/dL`;
      case "h": return `${n} h`;
      case "min": return `${n} min`;
      case "steps": return `${n} steps`;
      case "g": return `${n} g`;
      case "rho": return `ρ = ${n}`;
      default: {
        const words = f.unit ? COUNT_UNITS[f.unit] : undefined;
        return words ? `${n} ${v === 1 ? words[0] : words[1]}` : n;
      }
    }
  }

  /** Evidence items for the metrics that exist (missing ones are skipped). */
  evidence(...metrics: string[]): EvidenceItem[] {
    return metrics.filter((m) => m in this.facts.facts).map((m) => evidenceOf(this.facts.facts[m]));
  }

  /** An item's confidence: the lowest among the facts it cites (documented in lib/intelligence/fact-book.ts). */
  confidenceOf(evidence: readonly EvidenceItem[]): number {
    const values = evidence.map((e) => this.facts.facts[e.metric]?.confidence).filter((c): c is number => c !== undefined);
    return values.length ? Math.min(...values) : 0;
  }
}

export function formatNumber(value: number, decimals: number): string {
  const fixed = Math.abs(value).toFixed(decimals);
  const [int, frac] = fixed.split(".");
  const grouped = int.length > 3 ? int.replace(/\B(?=(\d{3})+(?!\d))/g, ",") : int;
  return `${value < 0 && Number(fixed) !== 0 ? "-" : ""}${grouped}${frac ? `.${frac}` : ""}`;
}

/**
 * A deterministic choice among phrasings: the same week always reads the same, different weeks
 * and different slots vary (FNV-1a hash of the week and the slot name).
 */
export function pickVariant<T>(weekOf: string, slot: string, variants: readonly T[]): T {
  let h = 0x811c9dc5;
  for (const ch of `${weekOf}:${slot}`) {
    h ^= ch.charCodeAt(0);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return variants[h % variants.length];
}

export function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
