import type { CalibratedPrediction } from "@/lib/analytics/predictions";
import type { EvidenceItem } from "@/lib/intelligence";
import type { PredictionDraft, Significance } from "../brief-draft";
import { FactReader, capitalize } from "./fact-reader";

/** A prediction's words from a template: the draft's fields without its provider, and which template. */
export type PredictionText = Omit<PredictionDraft, "provider"> & { templateId: string };

/** The evidence every prediction carries: its probability, base rate, days and events, as registered. */
export function predictionEvidence(r: FactReader, templateId: string): EvidenceItem[] {
  const k = `prediction.${templateId}`;
  return r.evidence(`${k}.probability`, `${k}.base_rate`, `${k}.sample_size`, `${k}.events`);
}

/**
 * One item per calibrated prediction chosen for the week; the numbers are the computed ones and
 * the reasoning says where they come from (a frequency in the person's own history, smoothed).
 */
export function writePredictions(r: FactReader): PredictionText[] {
  return r.facts.predictions.chosen.map((p) => ({
    templateId: p.templateId,
    eventDescription: capitalize(p.description),
    probability: p.probabilityPercent,
    sampleSize: p.sampleSize,
    timeframe: p.timeframe,
    preventable: p.preventable,
    reasoning: reasonFor(r, p),
    evidence: predictionEvidence(r, p.templateId),
  }));
}

/** Conditions that come before the outcome (a night, an evening); the others share its day. */
export const PRECEDING_CONDITIONS: ReadonlySet<string> = new Set(["short_sleep", "late_dinner", "no_evening_activity"]);

function reasonFor(r: FactReader, p: CalibratedPrediction): string {
  const k = `prediction.${p.templateId}`;
  const events = r.say(`${k}.events`, { bare: true });
  if (p.conditionPlural === null) {
    return `In your history, ${events} of the ${r.say(`${k}.sample_size`)} with full sensor data had ${p.eventLabel}; with a small correction for chance, that gives ${r.say(`${k}.probability`)}.`;
  }
  const link = PRECEDING_CONDITIONS.has(p.conditionId ?? "") ? "were followed by" : "came with";
  return `In your history, ${events} of ${r.say(`${k}.sample_size`, { bare: true })} ${p.conditionPlural} ${link} ${p.eventLabel}, against ${r.say(`${k}.base_rate`)} of days overall. The estimate is that frequency pulled slightly toward your usual rate, so a handful of days cannot swing it.`;
}

export type ShadowText = {
  patternId: string;
  patternName: string;
  lastSeenDescription: string;
  significance: Significance;
  lastMentionedDate: string | null;
  evidence: EvidenceItem[];
};

export function writeShadowPatterns(r: FactReader): ShadowText[] {
  return r.facts.shadowPatterns.map((s) => {
    const regular = `${r.say(`shadow.${s.id}.weeks_present`, { bare: true })} of the 4 weeks before`;
    const seen = s.lastSeen ? `Last seen ${s.lastSeen.description.replace(/^Week of /, "the week of ")}.` : "";
    // Cite the supporting correlation only when it is one of the week's facts (the fact book keeps the strongest few).
    const support = s.supportingCorrelation ? `correlation.${s.supportingCorrelation.factor}.${s.supportingCorrelation.outcome}.lag${s.supportingCorrelation.lagDays}` : null;
    const why = support && r.has(support) ? ` In your data it goes with better glucose (${r.say(support)}).` : "";
    return {
      patternId: s.id,
      patternName: s.patternName,
      lastSeenDescription: `${seen} Part of ${regular}; this week: ${s.thisWeek.description}.${why}`.trim(),
      significance: s.significance,
      lastMentionedDate: s.lastSeen?.date ?? null,
      evidence: s.evidence,
    };
  });
}
