import crypto from "node:crypto";
import { getShareReportVersion, type ResolvedShare } from "@/db/queries/sharing";
import { cachedForPerson } from "@/lib/cache";
import { loadReportData, type LoadReportOptions } from "./load-report";
import type { ReportData } from "./report-data";

/**
 * The report behind a doctor's link, cached. Building it (90 days of readings, the analytics, twelve
 * briefs) costs ~250 ms and its inputs rarely change between two openings, so it is kept per link
 * and per version of the owner's data (getShareReportVersion). Only the report is cached: the caller
 * has already resolved the token (so an expired or revoked link is refused at once) and logged the
 * view. The key holds the link's id and its settings, so one link never receives another's report,
 * even between two links of the same patient over the same period.
 */
export async function loadSharedReport(link: ResolvedShare): Promise<ReportData> {
  const options: LoadReportOptions = {
    from: link.periodStart,
    to: link.periodEnd,
    storyWeeks: link.storyWeeks,
    includeAnalysis: link.options.includeAnalysis,
    includeNotes: link.options.includeNotes,
    unit: link.options.unit,
  };
  const version = await getShareReportVersion(link.owner);
  const fingerprint = crypto.createHash("sha256").update(JSON.stringify({ version, options })).digest("base64url");
  return cachedForPerson(link.owner.userId, ["shared-report", link.id, fingerprint], () => loadReportData(link.owner, options));
}
