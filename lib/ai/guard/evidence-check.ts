import { evidenceOf, type EvidenceItem, type WeeklyFacts } from "@/lib/intelligence";
import { matchesWithinRounding } from "./number-check";

/**
 * Every evidence item must name a metric key of the week's facts and state its value (within
 * rounding; dates exactly). Returns the canonical evidence (the facts as registered, so stored
 * numbers are the computed ones) or the first problem.
 */
export function checkEvidence(items: readonly { metric: string; value: number | string }[], facts: WeeklyFacts): { ok: true; evidence: EvidenceItem[] } | { ok: false; problem: string } {
  if (items.length === 0) return { ok: false, problem: "cites no evidence" };
  const evidence: EvidenceItem[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    const fact = facts.facts[item.metric];
    if (!fact) return { ok: false, problem: `cites "${item.metric}", which is not a computed metric` };
    if (!valueMatches(item.value, fact.value, fact.decimals)) {
      return { ok: false, problem: `states ${item.metric} = ${JSON.stringify(item.value)}, but the computed value is ${JSON.stringify(fact.value)}` };
    }
    if (!seen.has(fact.metric)) evidence.push(evidenceOf(fact));
    seen.add(fact.metric);
  }
  return { ok: true, evidence };
}

function valueMatches(stated: number | string, computed: number | string, decimals: number): boolean {
  if (typeof computed === "string") return String(stated).trim() === computed;
  const text = typeof stated === "number" ? String(stated) : stated.trim().replace(/,(?=\d{3}\b)/g, "").replace("−", "-");
  const m = /^(-?\d+(?:\.(\d+))?)/.exec(text);
  if (!m) return false;
  return matchesWithinRounding(Number(m[1]), m[2]?.length ?? 0, computed, decimals);
}
