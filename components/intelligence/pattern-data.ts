import { DateTime } from "luxon";
import type { StoredCorrelation } from "@/lib/analytics/discovery/recommendations";

/**
 * Preparation of stored correlations and patterns for the pages (pure, tested in node): ordering,
 * grouping by kind, the fields each kind keeps in its metadata, and which days a motif grid shows.
 */

/** A stored correlation as the pages list it (with its row id, for keys and links). */
export type CorrelationRow = StoredCorrelation & { id: string };

/** Significant first, then by q (smallest first), then by |ρ| (largest first): what to read first. */
export function sortCorrelations<T extends CorrelationRow>(rows: readonly T[]): T[] {
  const q = (r: T) => (r.qValue !== null && Number.isFinite(r.qValue) ? r.qValue : Infinity);
  const rho = (r: T) => (r.spearmanRho !== null && Number.isFinite(r.spearmanRho) ? Math.abs(r.spearmanRho) : 0);
  return [...rows].sort((a, b) => Number(b.significant) - Number(a.significant) || q(a) - q(b) || rho(b) - rho(a));
}

export type PatternRow = {
  id: string;
  patternType: string;
  description: string;
  confidence: number | null;
  support: number | null;
  occurrences: number | null;
  exampleDates: string[] | null;
  metadata: Record<string, unknown> | null;
  discoveredAt: Date;
};

export type GroupedPatterns<T extends PatternRow> = { motifs: T[]; anomalies: T[]; rules: T[]; causal: T[] };

/** By kind (lib/analytics/discovery/discover-patterns.ts patternType); unknown kinds are left out. */
export function groupPatterns<T extends PatternRow>(rows: readonly T[]): GroupedPatterns<T> {
  const out: GroupedPatterns<T> = { motifs: [], anomalies: [], rules: [], causal: [] };
  for (const r of rows) {
    if (r.patternType === "recurring_motif") out.motifs.push(r);
    else if (r.patternType === "anomaly") out.anomalies.push(r);
    else if (r.patternType === "association_rule") out.rules.push(r);
    else if (r.patternType === "causal_link") out.causal.push(r);
  }
  // Motifs with more occurrences first; rules by confidence (the query already orders by confidence).
  out.motifs.sort((a, b) => (b.occurrences ?? 0) - (a.occurrences ?? 0));
  return out;
}

const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

/** An association rule's lift ("1.8× the usual rate"); null when missing or infinite. */
export function readRuleLift(metadata: Record<string, unknown> | null): number | null {
  const rule = metadata?.rule as Record<string, unknown> | undefined;
  return num(rule?.lift);
}

/** A PCMCI link's partial correlation, p-value and lag, as discover-patterns stores them. */
export function readCausalLink(metadata: Record<string, unknown> | null): { source: string; target: string; lag: number; value: number; pValue: number } | null {
  if (!metadata) return null;
  const { source, target } = metadata;
  const lag = num(metadata.lag);
  const value = num(metadata.value);
  const pValue = num(metadata.pValue);
  if (typeof source !== "string" || typeof target !== "string" || lag === null || value === null || pValue === null) return null;
  return { source, target, lag, value, pValue };
}

/** The local start times of a motif's occurrences ("Mon 9 Mar 14:35"), from its metadata. */
export function readMotifStarts(metadata: Record<string, unknown> | null, timezone: string): string[] {
  const times = metadata?.startTimes;
  if (!Array.isArray(times)) return [];
  return times
    .filter((t): t is string => typeof t === "string")
    .map((t) => DateTime.fromISO(t, { setZone: true }).setZone(timezone))
    .filter((d) => d.isValid)
    .sort((a, b) => a.toMillis() - b.toMillis())
    .map((d) => d.toFormat("ccc d LLL HH:mm"));
}

/**
 * Which 28 local days the motif grid draws: the last 28 days of data when the motif occurs in them
 * (recent first, as the product asks), else the 28 days ending on the motif's latest occurrence, so
 * its highlighted days are always on screen. `lastDataDate` is the newest local day with readings.
 */
export function chooseMotifWindow(exampleDates: readonly string[], lastDataDate: string, days = 28): { from: string; to: string; recent: boolean } {
  const to = DateTime.fromISO(lastDataDate);
  const from = to.minus({ days: days - 1 });
  const fromIso = from.toISODate()!;
  const sorted = [...exampleDates].filter((d) => DateTime.fromISO(d).isValid).sort();
  const latest = sorted[sorted.length - 1];
  if (!latest || sorted.some((d) => d >= fromIso && d <= lastDataDate)) return { from: fromIso, to: lastDataDate, recent: true };
  const end = DateTime.fromISO(latest);
  return { from: end.minus({ days: days - 1 }).toISODate()!, to: latest, recent: false };
}

/** `?motif=2` → index 1 (1-based in the address, as people count); out of range or junk → 0. */
export function parseMotifIndex(value: string | string[] | undefined, count: number): number {
  const n = Number(Array.isArray(value) ? value[0] : value);
  return Number.isInteger(n) && n >= 1 && n <= count ? n - 1 : 0;
}

/** `?all=1` shows every tested correlation; anything else only the significant ones. */
export function parseShowAll(value: string | string[] | undefined): boolean {
  return (Array.isArray(value) ? value[0] : value) === "1";
}
