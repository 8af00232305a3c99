import type { Viewer } from "@/db/queries/context";
import { EmptyAnalysis } from "@/components/intelligence/empty-analysis";
import { StaleBanner } from "@/components/intelligence/stale-banner";
import { isStale } from "@/components/intelligence/intelligence-format";
import { loadFreshness } from "../_data/loaders";
import { RunAnalysisButton } from "../run-analysis-button";

/**
 * Above the results: nothing (fresh analysis), a banner saying when a stale analysis was made, or —
 * before any analysis — the empty state with the action that fills the page.
 */
export async function AnalysisStatus({ viewer, timezone, now }: { viewer: Viewer; timezone: string; now: Date }) {
  const f = await loadFreshness(viewer.userId, viewer.role);
  if (f.correlationCount === 0 && f.patternCount === 0) {
    return <EmptyAnalysis glucoseDays={f.glucoseDays} action={<RunAnalysisButton />} />;
  }
  // The oldest part on screen decides: fresh correlations do not make week-old patterns current.
  const made = [f.correlationsComputedAt, f.patternsDiscoveredAt].filter((d): d is Date => d !== null).sort((a, b) => a.getTime() - b.getTime())[0];
  if (!made || !isStale(made, now)) return null;
  return <StaleBanner what="results" madeAt={made} now={now} timezone={timezone} action={<RunAnalysisButton label="Run a new analysis" variant="secondary" />} />;
}
