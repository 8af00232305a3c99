import type { DailyRow } from "../discovery/daily-features";
import { addDays } from "./day-math";
import { DEFAULT_PRIOR_STRENGTH, laplaceRate, shrinkTowardBaseRate } from "./smoothing";
import { MIN_LOGGED_CARB_DAYS, PREDICTION_TEMPLATES, type PredictionTemplate } from "./templates";

export type PredictionOptions = {
  /** Last day of history (inclusive, YYYY-MM-DD); later rows are ignored. Default: the latest row. */
  asOf?: string;
  /** Below this many conditioning days with a known outcome, the answer is "insufficient history". */
  minConditioningDays?: number;
  /** Below this many days with a known outcome, even the base rate is not estimated. */
  minBaseDays?: number;
  /** Weight (in days) of the Beta prior centred on the base rate; see smoothing.ts. */
  priorStrength?: number;
  /** Window (days up to asOf) used to judge how likely the condition is in the coming week. */
  recentDays?: number;
  templates?: readonly PredictionTemplate[];
};

export const MIN_CONDITIONING_DAYS = 8;
export const MIN_BASE_DAYS = 14;

export type CalibratedPrediction = {
  status: "ok";
  templateId: string;
  eventId: string;
  conditionId: string | null;
  /** "time in range below 70 % on a day after a night under 6 h of sleep". */
  description: string;
  eventLabel: string;
  conditionLabel: string | null;
  /** The conditioning days as a plural noun ("nights under 6 h of sleep"); null when unconditional. */
  conditionPlural: string | null;
  timeframe: string;
  preventable: boolean;
  lagDays: number;
  /** Smoothed probability, 0–1, and the same as a whole percent (what a person sees). */
  probability: number;
  probabilityPercent: number;
  /** Conditioning days with a known outcome (all known days for an unconditional event). */
  sampleSize: number;
  /** Of those, days on which the event happened. */
  events: number;
  observedFrequency: number;
  /** The person's base rate of the event (Laplace-smoothed), with its own counts. */
  baseRate: number;
  baseRatePercent: number;
  baseSampleSize: number;
  baseEvents: number;
  /** Days where the condition was known and absent, for contrast ("against 31 % on other days"). */
  otherDays: { sampleSize: number; events: number } | null;
  /** probability / baseRate, and probability − baseRate. */
  lift: number;
  riskDifference: number;
  /** Share of the recent days (condition known) on which the condition held: how likely it is next week. */
  recentConditionShare: number;
};

export type InsufficientHistory = {
  status: "insufficient";
  templateId: string;
  eventId: string;
  conditionId: string | null;
  description: string;
  sampleSize: number;
  minimum: number;
  /** A sentence a person can read. */
  reason: string;
};

export type PredictionResult = CalibratedPrediction | InsufficientHistory;

/**
 * Every template's calibrated probability from one person's own history (days up to `asOf`).
 * A probability is an empirical frequency smoothed toward the person's base rate, never a model's
 * guess; when the history holds fewer than `minConditioningDays` conditioning days, the result is
 * "insufficient" with the reason instead of a number.
 */
export function estimateCalibratedPredictions(days: readonly DailyRow[], options: PredictionOptions = {}): PredictionResult[] {
  const sorted = [...days].sort((a, b) => a.date.localeCompare(b.date));
  const asOf = options.asOf ?? sorted.at(-1)?.date;
  const history = asOf === undefined ? [] : sorted.filter((r) => r.date <= asOf);
  const byDate = new Map(history.map((r) => [r.date, r]));
  const minConditioning = options.minConditioningDays ?? MIN_CONDITIONING_DAYS;
  const minBase = options.minBaseDays ?? MIN_BASE_DAYS;
  const priorStrength = options.priorStrength ?? DEFAULT_PRIOR_STRENGTH;
  const recentFrom = asOf === undefined ? "" : addDays(asOf, -(options.recentDays ?? 28));

  return (options.templates ?? PREDICTION_TEMPLATES).map((template): PredictionResult => {
    const { event, condition } = template;
    let baseN = 0;
    let baseX = 0;
    for (const r of history) {
      const e = event.test(r);
      if (e === null) continue;
      baseN++;
      if (e) baseX++;
    }
    const unconditionalDescription = `${event.label} on any given day`;
    if (baseN < minBase) {
      return insufficient(template, condition ? `${event.label} ${condition.label}` : unconditionalDescription, baseN, minBase,
        `Only ${baseN} ${baseN === 1 ? "day has" : "days have"} complete glucose data; ${minBase} are needed to know your usual rate.`);
    }
    const baseRate = laplaceRate(baseX, baseN);
    const common = {
      status: "ok" as const,
      templateId: template.id,
      eventId: event.id,
      eventLabel: event.label,
      timeframe: template.timeframe,
      lagDays: template.lagDays,
      baseRate,
      baseRatePercent: Math.round(100 * baseRate),
      baseSampleSize: baseN,
      baseEvents: baseX,
    };
    if (!condition) {
      return {
        ...common,
        conditionId: null,
        conditionLabel: null,
        conditionPlural: null,
        description: unconditionalDescription,
        preventable: false,
        probability: baseRate,
        probabilityPercent: Math.round(100 * baseRate),
        sampleSize: baseN,
        events: baseX,
        observedFrequency: baseX / baseN,
        otherDays: null,
        lift: 1,
        riskDifference: 0,
        recentConditionShare: 1,
      };
    }

    const bound = condition.bind(history);
    if (!bound) {
      return insufficient(template, `${event.label} ${condition.label}`, 0, minConditioning,
        `Fewer than ${MIN_LOGGED_CARB_DAYS} days have carbohydrates logged, so a high-carbohydrate day is not defined for you yet.`);
    }
    const description = `${event.label} ${bound.label}`;
    let n = 0, x = 0, otherN = 0, otherX = 0;
    for (const outcomeDay of history) {
      const e = event.test(outcomeDay);
      if (e === null) continue;
      const conditionDay = byDate.get(addDays(outcomeDay.date, -template.lagDays));
      const c = conditionDay ? bound.test(conditionDay) : null;
      if (c === null) continue;
      if (c) {
        n++;
        if (e) x++;
      } else {
        otherN++;
        if (e) otherX++;
      }
    }
    if (n < minConditioning) {
      return insufficient(template, description, n, minConditioning,
        `Only ${n} of your ${bound.plural} ${n === 1 ? "is" : "are"} followed by a day with complete glucose data; ${minConditioning} are needed before a probability means anything.`);
    }
    const probability = shrinkTowardBaseRate(x, n, baseRate, priorStrength);

    let recentKnown = 0, recentTrue = 0, allKnown = 0, allTrue = 0;
    for (const r of history) {
      const c = bound.test(r);
      if (c === null) continue;
      allKnown++;
      if (c) allTrue++;
      if (r.date > recentFrom) {
        recentKnown++;
        if (c) recentTrue++;
      }
    }
    // Fewer than a week of recent observations says little about next week: use the whole history.
    const recentConditionShare = recentKnown >= 7 ? recentTrue / recentKnown : allTrue / allKnown;

    return {
      ...common,
      conditionId: condition.id,
      conditionLabel: bound.label,
      conditionPlural: bound.plural,
      description,
      preventable: condition.preventable,
      probability,
      probabilityPercent: Math.round(100 * probability),
      sampleSize: n,
      events: x,
      observedFrequency: x / n,
      otherDays: { sampleSize: otherN, events: otherX },
      lift: probability / baseRate,
      riskDifference: probability - baseRate,
      recentConditionShare,
    };
  });
}

function insufficient(template: PredictionTemplate, description: string, sampleSize: number, minimum: number, reason: string): InsufficientHistory {
  return {
    status: "insufficient",
    templateId: template.id,
    eventId: template.event.id,
    conditionId: template.condition?.id ?? null,
    description,
    sampleSize,
    minimum,
    reason,
  };
}

export type NotChosenKind = "insufficient_history" | "no_lift" | "not_recent" | "same_condition" | "less_informative" | "base_rate_not_needed";

export type WeeklyPredictionSelection = {
  chosen: CalibratedPrediction[];
  /** Why each result was not chosen, one sentence each. */
  notChosen: { templateId: string; kind: NotChosenKind; reason: string }[];
};

/**
 * The 2–3 predictions worth a place in the weekly brief. A conditional prediction scores
 * (share of recent days with the condition) × |probability − base rate|: it must be likely to
 * matter next week AND move the odds. At most one per condition. When fewer than `min` qualify,
 * unconditional base rates fill in, most uncertain event first (largest p·(1 − p), the one whose
 * outcome a person can least guess).
 */
export function selectWeeklyPredictions(
  results: readonly PredictionResult[],
  options: { max?: number; min?: number; minRiskDifference?: number } = {},
): WeeklyPredictionSelection {
  const max = options.max ?? 3;
  const min = Math.min(options.min ?? 2, max);
  const minRiskDifference = options.minRiskDifference ?? 0.05;
  const notChosen: WeeklyPredictionSelection["notChosen"] = [];
  const conditional: { p: CalibratedPrediction; score: number }[] = [];
  const unconditional: CalibratedPrediction[] = [];

  for (const r of results) {
    if (r.status === "insufficient") {
      notChosen.push({ templateId: r.templateId, kind: "insufficient_history", reason: r.reason });
    } else if (r.conditionId === null) {
      unconditional.push(r);
    } else if (Math.abs(r.riskDifference) < minRiskDifference) {
      notChosen.push({ templateId: r.templateId, kind: "no_lift", reason: `Changes the odds by less than ${Math.round(100 * minRiskDifference)} points against your usual rate.` });
    } else if (r.recentConditionShare === 0) {
      notChosen.push({ templateId: r.templateId, kind: "not_recent", reason: "The condition has not happened recently." });
    } else {
      conditional.push({ p: r, score: r.recentConditionShare * Math.abs(r.riskDifference) });
    }
  }

  conditional.sort((a, b) => b.score - a.score || a.p.templateId.localeCompare(b.p.templateId));
  const chosen: CalibratedPrediction[] = [];
  const usedConditions = new Set<string>();
  for (const { p } of conditional) {
    if (usedConditions.has(p.conditionId!)) {
      notChosen.push({ templateId: p.templateId, kind: "same_condition", reason: "Another prediction already covers this condition." });
    } else if (chosen.length >= max) {
      notChosen.push({ templateId: p.templateId, kind: "less_informative", reason: "Less informative than the predictions chosen." });
    } else {
      chosen.push(p);
      usedConditions.add(p.conditionId!);
    }
  }
  unconditional.sort((a, b) => b.probability * (1 - b.probability) - a.probability * (1 - a.probability) || a.templateId.localeCompare(b.templateId));
  for (const p of unconditional) {
    if (chosen.length < min) chosen.push(p);
    else notChosen.push({ templateId: p.templateId, kind: "base_rate_not_needed", reason: "Conditional predictions say more this week." });
  }
  return { chosen, notChosen };
}
