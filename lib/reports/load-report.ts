import { getProfile } from "@/db/queries/users";
import { loadGlucoseSeries } from "@/db/queries/glucose";
import { getWeeklyBrief, listBriefWeeks, type WeeklyBrief } from "@/db/queries/weekly-brief";
import type { Viewer } from "@/db/queries/context";
import { AppError } from "@/lib/errors";
import { buildReportData, computeReportAnalytics, resolvePeriodBounds } from "./build-report-data";
import type { ReportData, ReportUnit } from "./report-data";

/** Bounds the work of one request (and of one doctor's view): a year of 5-minute readings. */
export const MAX_REPORT_PERIOD_DAYS = 366;
/** The report shows at most this many weekly stories; more would bury the period's summary. */
export const MAX_REPORT_STORIES = 12;

export type LoadReportOptions = {
  from: string;
  to: string;
  /** Weeks (YYYY-MM-DD, the week's Monday) whose stories to include; omitted = the weeks starting inside the period. */
  storyWeeks?: readonly string[];
  includeAnalysis: boolean;
  includeNotes: boolean;
  /** Display unit; omitted or null = the patient's own preference. */
  unit?: ReportUnit | null;
  generatedAt?: Date;
};

/**
 * Loads everything the doctor's report needs for `viewer` (always as that viewer, so RLS applies) and
 * builds the ReportData with the pure builders of lib/reports. The insights and predictions come from
 * the selected weekly briefs (newest week first) and are dropped by buildReportData unless
 * includeAnalysis; personal notes likewise unless includeNotes.
 * Throws AppError not_found:report when the account is gone, bad_request:report for a bad period.
 */
export async function loadReportData(viewer: Viewer, options: LoadReportOptions): Promise<ReportData> {
  const profile = await getProfile(viewer);
  if (!profile) throw new AppError("not_found:report", "This report's account no longer exists.");
  const period = { from: options.from, to: options.to };
  const { startMs, endMs } = resolvePeriodBounds(period, profile.timezone);
  // endMs - startMs can be 23 or 25 h per day across DST: compare in whole days rounded.
  if (Math.round((endMs - startMs) / 86_400_000) > MAX_REPORT_PERIOD_DAYS) {
    throw new AppError("bad_request:report", `A report covers at most ${MAX_REPORT_PERIOD_DAYS} days. Choose a shorter period.`);
  }

  const series = await loadGlucoseSeries(viewer, { start: new Date(startMs), end: new Date(endMs) });
  const analytics = computeReportAnalytics(series, { timezone: profile.timezone, period });

  const weeks = options.storyWeeks
    ? [...new Set(options.storyWeeks)]
    : (await listBriefWeeks(viewer)).map((w) => w.weekOf).filter((w) => w >= period.from && w <= period.to);
  const chosen = weeks.sort().reverse().slice(0, MAX_REPORT_STORIES);
  const briefs: WeeklyBrief[] = [];
  for (const week of chosen) {
    const brief = await getWeeklyBrief(viewer, week);
    if (brief) briefs.push(brief);
  }

  return buildReportData({
    ...analytics,
    patient: { name: profile.name?.trim() || "Patient" },
    period,
    timezone: profile.timezone,
    unit: options.unit ?? profile.glucoseUnit,
    generatedAt: options.generatedAt ?? new Date(),
    stories: briefs.map((b) => ({ weekOf: b.story.weekOf, title: b.story.title, narrative: b.story.narrative, personalNote: b.story.personalNote })),
    insights: briefs.flatMap((b) => b.insights.map((i) => ({ insightType: i.insightType, title: i.title, description: i.description, confidence: i.confidence }))),
    predictions: briefs.flatMap((b) =>
      b.predictions.map((p) => ({
        eventDescription: p.eventDescription,
        probability: p.probability,
        sampleSize: p.sampleSize,
        timeframe: p.timeframe,
        preventable: p.preventable,
        reasoning: p.reasoning,
      })),
    ),
    // Shadow patterns are analysis too: shared only when the patient chose to share the analysis.
    notablePatterns: options.includeAnalysis ? briefs.flatMap((b) => b.shadowPatterns.map((s) => `${s.patternName}: ${s.lastSeenDescription}`)) : [],
    options: { includeAnalysis: options.includeAnalysis, includeNotes: options.includeNotes },
  });
}
