import { DateTime } from "luxon";
import { computeLaggedCorrelations, type LaggedCorrelationRow } from "../correlation";
import { binarizeDailyFeatures, findFrequentItemsets, generateAssociationRules, toJsonSafeRule, type JsonSafeRule } from "../rules";
import { runPcmci } from "../causal";
import { computeMatrixProfile, findDiscords, findMotifs, placeOnRegularGrid } from "../motifs";
import { FEATURE_LABELS, toCorrelationInput, toFeatureRecords, type DailyRow } from "./daily-features";

export type DiscoveredPattern = {
  patternType: "recurring_motif" | "anomaly" | "association_rule" | "causal_link";
  description: string;
  confidence: number | null;
  support: number | null;
  occurrences: number | null;
  exampleDates: string[];
  metadata: Record<string, unknown>;
};

export type DiscoveryResult = {
  correlations: LaggedCorrelationRow[];
  skippedCorrelations: number;
  patterns: DiscoveredPattern[];
  notes: string[];
};

export type DiscoveryOptions = {
  timezone: string;
  /** Motif window in 5-minute samples; default 288 (one day). */
  motifWindow?: number;
  /** Fewer complete days than this and PCMCI is skipped (its tests need the degrees of freedom). */
  minCausalDays?: number;
};

/** Day-level variables PCMCI looks at, all measured every day (missing days filled, see below). */
const CAUSAL_VARIABLES = ["sleep_hours", "evening_exercise_minutes", "carbs_g", "mean_glucose", "overnight_mean"] as const;

/**
 * The whole pattern-discovery pass for one person, pure: lagged correlations with FDR control,
 * association rules over binarized days, PCMCI over day-level variables, and matrix-profile motifs
 * and discords of the 5-minute glucose trace. Each part that lacks data is skipped with a note
 * instead of failing the rest.
 */
export function discoverPatterns(rows: readonly DailyRow[], glucose: { times: ArrayLike<number>; values: ArrayLike<number> }, options: DiscoveryOptions): DiscoveryResult {
  const notes: string[] = [];
  const patterns: DiscoveredPattern[] = [];
  const sorted = [...rows].sort((a, b) => a.date.localeCompare(b.date));

  const correlation = computeLaggedCorrelations(toCorrelationInput(sorted), { lags: [0, 1, 2, 3], minSamples: 14 });

  patterns.push(...discoverRules(sorted, notes));
  patterns.push(...discoverCausalLinks(sorted, options.minCausalDays ?? 42, notes));
  patterns.push(...discoverMotifs(glucose, options, notes));

  return { correlations: correlation.rows, skippedCorrelations: correlation.skipped.length, patterns, notes };
}

function discoverRules(rows: readonly DailyRow[], notes: string[]): DiscoveredPattern[] {
  const table = binarizeDailyFeatures(toFeatureRecords(rows), { includeNegations: true });
  if (table.rows.length < 14) {
    notes.push(`Association rules need 14 days with complete data; ${table.rows.length} are available.`);
    return [];
  }
  const itemsets = findFrequentItemsets(table, { minSupport: 0.15, maxLength: 3 });
  const rules = generateAssociationRules(itemsets, { metric: "confidence", minThreshold: 0.6 })
    // Only rules that say something about glucose, and only better than chance.
    .filter((r) => r.consequents.length === 1 && /glucose/.test(r.consequents[0]) && r.lift >= 1.2 && !r.antecedents.some((a) => /glucose/.test(a)))
    .sort((a, b) => b.lift - a.lift)
    .slice(0, 8);
  return rules.map((r) => {
    const safe: JsonSafeRule = toJsonSafeRule(r);
    const when = r.antecedents.map(describeItem).join(" and ");
    const then = describeItem(r.consequents[0]);
    const dates = table.dates.filter((_, i) => r.antecedents.every((a) => table.rows[i][table.columns.indexOf(a)]) && table.rows[i][table.columns.indexOf(r.consequents[0])]);
    return {
      patternType: "association_rule" as const,
      description: `On days with ${when}, ${Math.round(r.confidence * 100)} % were ${then} (${r.lift.toFixed(1)}× the usual rate).`,
      confidence: r.confidence,
      support: r.support,
      occurrences: dates.length,
      exampleDates: dates.slice(-5),
      metadata: { rule: safe },
    };
  });
}

function describeItem(item: string): string {
  const negated = item.startsWith("not_");
  const base = negated ? item.slice(4) : item;
  const words: Record<string, [string, string]> = {
    good_glucose_day: ["a good glucose day (≥ 70 % in range)", "not a good glucose day"],
    stable_glucose: ["stable glucose (CV ≤ 36 %)", "variable glucose (CV > 36 %)"],
    slept_7h: ["7 h of sleep or more", "less than 7 h of sleep"],
    exercised_30min: ["30 min of exercise or more", "less than 30 min of exercise"],
    walked_8k_steps: ["8,000 steps or more", "fewer than 8,000 steps"],
    high_carbs: ["high carbohydrate intake", "moderate carbohydrate intake"],
    late_dinner: ["a late dinner", "no late dinner"],
  };
  return words[base]?.[negated ? 1 : 0] ?? item;
}

function discoverCausalLinks(rows: readonly DailyRow[], minDays: number, notes: string[]): DiscoveredPattern[] {
  const input = toCorrelationInput(rows);
  const series = CAUSAL_VARIABLES.map((name) => [...((input.factors[name] ?? input.outcomes[name]) as (number | null)[])]);
  // PCMCI needs every day: fill a few missing days with the variable's mean (documented), refuse many.
  const complete = rows.length;
  for (const [k, s] of series.entries()) {
    const present = s.filter((v): v is number => v !== null && Number.isFinite(v));
    if (present.length < complete * 0.85) {
      notes.push(`Causal discovery skipped: ${FEATURE_LABELS[CAUSAL_VARIABLES[k]]} is missing on more than 15 % of days.`);
      return [];
    }
    const mean = present.reduce((a, b) => a + b, 0) / present.length;
    series[k] = s.map((v) => (v === null || !Number.isFinite(v) ? mean : v));
  }
  if (complete < minDays) {
    notes.push(`Causal discovery needs ${minDays} days of data; ${complete} are available.`);
    return [];
  }
  const result = runPcmci({ names: [...CAUSAL_VARIABLES], series: series.map((s) => Float64Array.from(s as number[])) }, { tauMax: 2, alpha: 0.01 });
  return result.links
    .filter((l) => l.source !== l.target)
    .map((l) => ({
      patternType: "causal_link" as const,
      description: `${capitalize(FEATURE_LABELS[l.source])} ${l.value > 0 ? "raises" : "lowers"} ${FEATURE_LABELS[l.target]} ${l.lag === 1 ? "the next day" : `${l.lag} days later`} (PCMCI partial correlation ${l.value.toFixed(2)}, p = ${l.pValue.toExponential(1)}).`,
      confidence: 1 - l.pValue,
      support: null,
      occurrences: result.sampleSize,
      exampleDates: [],
      metadata: { source: l.source, target: l.target, lag: l.lag, value: l.value, pValue: l.pValue, method: "PCMCI (ParCorr)", tauMax: 2, alpha: 0.01 },
    }));
}

function discoverMotifs(glucose: { times: ArrayLike<number>; values: ArrayLike<number> }, options: DiscoveryOptions, notes: string[]): DiscoveredPattern[] {
  const m = options.motifWindow ?? 288;
  const grid = placeOnRegularGrid(Array.from(glucose.times), Array.from(glucose.values), { intervalMinutes: 5, timezone: options.timezone });
  if (grid.values.length < 4 * m) {
    notes.push(`Recurring-day patterns need at least 4 days of CGM data; ${Math.floor(grid.values.length / 288)} are available.`);
    return [];
  }
  const profile = computeMatrixProfile(grid.values, m);
  const at = (index: number) => DateTime.fromMillis(grid.startMs + index * grid.intervalMinutes * 60_000, { zone: options.timezone });
  // A window of a day or more names both ends with their dates ("Mon 16 Nov 12:25 – Tue 17 Nov 12:25").
  const window = (index: number) => {
    const end = at(index + m);
    return `${at(index).toFormat("ccc d LLL HH:mm")} – ${end.hasSame(at(index), "day") ? end.toFormat("HH:mm") : end.toFormat("ccc d LLL HH:mm")}`;
  };
  const out: DiscoveredPattern[] = [];
  for (const motif of findMotifs(grid.values, profile, { maxMotifs: 3, maxMatches: 8 })) {
    const starts = motif.matches.map((x) => x.start);
    out.push({
      patternType: "recurring_motif",
      description: `A ${m * grid.intervalMinutes / 60}-hour glucose shape that recurs ${starts.length} times, for example ${window(starts[0])} and ${window(starts[1] ?? motif.neighbour)}.`,
      confidence: null,
      support: null,
      occurrences: starts.length,
      exampleDates: [...new Set(starts.map((s) => at(s).toISODate()!))],
      metadata: { window: m, intervalMinutes: grid.intervalMinutes, starts, startTimes: starts.map((s) => at(s).toISO()), distance: motif.distance, radius: motif.radius },
    });
  }
  for (const discord of findDiscords(profile, { maxDiscords: 2 })) {
    out.push({
      patternType: "anomaly",
      description: `The most unusual ${m * grid.intervalMinutes / 60} hours: ${window(discord.start)}, unlike any other stretch of the period.`,
      confidence: null,
      support: null,
      occurrences: 1,
      exampleDates: [at(discord.start).toISODate()!],
      metadata: { window: m, start: discord.start, startTime: at(discord.start).toISO(), distance: discord.distance },
    });
  }
  return out;
}

function capitalize(s: string) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
