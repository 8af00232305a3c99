/**
 * The doctor's PDF report (react-pdf). Pure: no database access; the caller loads the readings and
 * the intelligence rows, then:
 *
 *   const analytics = computeReportAnalytics(series, { timezone, period });
 *   const data = buildReportData({ ...analytics, patient, period, timezone, unit, generatedAt, stories, insights, predictions, options });
 *   return new Response(await renderReportPdfStream(data), { headers: { "content-type": "application/pdf" } });
 */
export {
  reportDataSchema,
  parseReportData,
  type ReportData,
  type ReportUnit,
  type ReportPageSize,
  type ReportOptions,
  type ReportMetrics,
  type ReportTarget,
  type ReportAgp,
  type ReportDailyProfile,
  type ReportStory,
  type ReportInsight,
  type ReportPrediction,
} from "./report-data";
export {
  buildReportData,
  computeReportAnalytics,
  resolvePeriodBounds,
  DEFAULT_REPORT_OPTIONS,
  MIN_AGP_DAYS,
  RECOMMENDED_AGP_DAYS,
  DAILY_PROFILE_DAYS,
  type BuildReportDataInput,
  type ReportAnalytics,
  type ReportPeriod,
  type StoryRowInput,
  type InsightRowInput,
  type PredictionRowInput,
} from "./build-report-data";
export { renderReportPdf, renderReportPdfStream } from "./render-report";
export { ReportDocument } from "./components/report-document";
export { configureReportFonts, getReportFonts, type ReportFonts } from "./report-fonts";
export { warmUpReportRenderer } from "./warm-up";
