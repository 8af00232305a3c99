import { FEATURE_LABELS } from "@/lib/analytics/discovery/daily-features";
import type { StoredCorrelation } from "@/lib/analytics/discovery/recommendations";
import type { CalibratedPrediction } from "@/lib/analytics/predictions";
import { FactBook, evidenceOf, type EvidenceItem } from "./fact-book";
import type { ShadowPattern } from "./shadow-patterns";
import type { SignificantCorrelation } from "./weekly-facts";
import type { JournalWeek } from "@/lib/journal/week-summary";

/**
 * The facts a week's brief takes from the person's analyses: their strongest significant
 * correlations, the calibrated predictions chosen for the week, and the shadow patterns — each
 * registered under a stable key the narrator and the guard cite.
 */
const CORRELATION_CONFIDENCE: Record<string, number> = { high: 90, medium: 75, low: 55 };

export function registerCorrelations(book: FactBook, rows: readonly StoredCorrelation[]): SignificantCorrelation[] {
  const strongest = new Map<string, StoredCorrelation>();
  for (const r of rows) {
    if (!r.significant || r.spearmanRho === null || r.qValue === null) continue;
    const key = `${r.factor}.${r.outcome}`;
    const current = strongest.get(key);
    if (!current || r.qValue < current.qValue! || (r.qValue === current.qValue && Math.abs(r.spearmanRho) > Math.abs(current.spearmanRho!))) strongest.set(key, r);
  }
  return [...strongest.values()]
    .sort((a, b) => a.qValue! - b.qValue! || Math.abs(b.spearmanRho!) - Math.abs(a.spearmanRho!))
    .slice(0, 6)
    .map((r) => {
      const metric = `correlation.${r.factor}.${r.outcome}.lag${r.lagDays}`;
      const description = describeCorrelation(r.factor, r.outcome, r.lagDays, r.spearmanRho!);
      book.addNumber(metric, `Spearman correlation: ${description}`, r.spearmanRho, {
        unit: "rho", decimals: 2, n: r.sampleSize, confidence: CORRELATION_CONFIDENCE[r.confidence ?? "low"] ?? 55,
        detail: `q = ${r.qValue! < 0.001 ? "< 0.001" : r.qValue!.toFixed(3)}, ${r.sampleSize} paired days`,
      });
      return { ...r, spearmanRho: r.spearmanRho!, qValue: r.qValue!, metric, description };
    });
}

/** Yes/no factors read "days with a late dinner", amounts "days with more hours of sleep". */
const BINARY_FACTORS = new Set(["late_dinner"]);

/**
 * "days with more hours of sleep tend to have higher time in range 70–180" (lag 0) or "… tend to be
 * followed by … the next day": the wording of an association, never of a cause.
 */
export function describeCorrelation(factor: string, outcome: string, lagDays: number, rho: number): string {
  const f = FEATURE_LABELS[factor] ?? factor;
  const o = FEATURE_LABELS[outcome] ?? outcome;
  const days = BINARY_FACTORS.has(factor) ? `days with ${f}` : `days with more ${f}`;
  const direction = rho > 0 ? "higher" : "lower";
  if (lagDays === 0) return `${days} tend to have ${direction} ${o}`;
  return `${days} tend to be followed by ${direction} ${o} ${lagDays === 1 ? "the next day" : `${lagDays} days later`}`;
}

export function registerPrediction(book: FactBook, p: CalibratedPrediction): void {
  const k = `prediction.${p.templateId}`;
  book.addNumber(`${k}.probability`, `probability of ${p.description}`, p.probabilityPercent, { unit: "%", n: p.sampleSize, confidence: 100, detail: "smoothed frequency from your own history" });
  book.addNumber(`${k}.base_rate`, `your usual rate of ${p.eventLabel}`, p.baseRatePercent, { unit: "%", n: p.baseSampleSize, confidence: 100 });
  book.addNumber(`${k}.sample_size`, p.conditionLabel ? `days behind the prediction (${p.conditionLabel})` : "days behind the prediction", p.sampleSize, { unit: "days" });
  book.addNumber(`${k}.events`, `of those days, how many had ${p.eventLabel}`, p.events, { unit: "days", n: p.sampleSize });
}

export function registerShadow(book: FactBook, s: ShadowPattern): EvidenceItem[] {
  const k = `shadow.${s.id}`;
  const evidence: EvidenceItem[] = [];
  const regular = book.addNumber(`${k}.weeks_present`, `weeks of the last 4 with "${s.patternName}"`, s.weeksPresent, { unit: "weeks", n: 4, confidence: s.weeksPresent === 4 ? 90 : 70 });
  if (regular !== null) evidence.push(evidenceOf(book.get(`${k}.weeks_present`)!));
  book.addNumber(`${k}.this_week`, `this week: ${s.thisWeek.description}`, s.thisWeek.value, { unit: s.thisWeek.unit, decimals: s.thisWeek.unit === "%" && !Number.isInteger(s.thisWeek.value) ? 1 : 0, confidence: 95 });
  evidence.push(evidenceOf(book.get(`${k}.this_week`)!));
  if (s.lastSeen) {
    book.addText(`${k}.last_seen`, `last seen: ${s.lastSeen.description}`, s.lastSeen.date, { detail: s.lastSeen.description });
    evidence.push(evidenceOf(book.get(`${k}.last_seen`)!));
  }
  if (s.supportingCorrelation) {
    const c = s.supportingCorrelation;
    const fact = book.get(`correlation.${c.factor}.${c.outcome}.lag${c.lagDays}`);
    if (fact) evidence.push(evidenceOf(fact));
  }
  return evidence;
}

/**
 * Confidence of a week's average journal sentiment: 95 × (scored entries / 5), capped at 95 — a
 * lexicon reads tone roughly, and an average of fewer than five entries a week is rougher still.
 */
function sentimentConfidence(n: number): number {
  return Math.round(95 * Math.min(1, n / 5));
}

/**
 * The week's journal: entries written, their average sentiment (AFINN comparative score, per word)
 * against the week before, and the top tags with the entries carrying each, under `journal.*`.
 */
export function registerJournal(book: FactBook, week: JournalWeek | null): void {
  if (!week) return;
  book.addNumber("journal.entries", "journal entries written this week", week.entries, { unit: "entries" });
  book.addNumber("journal.prev_entries", "journal entries written the week before", week.previousEntries, { unit: "entries" });
  const label = (when: string) => `average sentiment of the journal entries ${when} (AFINN score per word; above 0 is positive in tone)`;
  const now = book.addNumber("journal.mean_sentiment", label("this week"), week.meanSentiment, { decimals: 2, n: week.scoredEntries, confidence: sentimentConfidence(week.scoredEntries) });
  const before = book.addNumber("journal.prev_mean_sentiment", label("the week before"), week.previousMeanSentiment, {
    decimals: 2, n: week.previousScoredEntries, confidence: sentimentConfidence(week.previousScoredEntries),
  });
  if (now !== null && before !== null) {
    book.addNumber("journal.delta_mean_sentiment", "change in average journal sentiment against the week before", now - before, {
      decimals: 2, n: week.scoredEntries, confidence: Math.min(sentimentConfidence(week.scoredEntries), sentimentConfidence(week.previousScoredEntries)),
    });
  }
  for (const { tag, count } of week.topTags) {
    book.addNumber(`journal.tag.${tag}`, `journal entries tagged #${tag} this week`, count, { unit: "entries", n: week.entries });
  }
}
