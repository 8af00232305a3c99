import Bowser from "bowser";
import { formatDateTime } from "@/lib/reports/report-format";

/**
 * How the sharing page describes one opening of a link and one export, in the patient's zone:
 * what was opened, when, from which browser (bowser reads the user agent) and from which network
 * (the first characters of the salted IP hash: enough to tell "the same place twice" apart from
 * "somewhere new", and nothing that reveals the address).
 */

export type ViewLine = { when: string; what: string; browser: string; network: string };

export function describeView(view: { viewedAt: Date; kind: string; userAgent: string | null; ipHash: string | null }, timezone: string): ViewLine {
  return {
    when: formatDateTime(view.viewedAt.toISOString(), timezone),
    what: view.kind === "pdf" ? "Downloaded the PDF" : "Opened the report",
    browser: describeBrowser(view.userAgent),
    network: view.ipHash ? `network ${view.ipHash.slice(0, 6)}` : "network unknown",
  };
}

export function describeBrowser(userAgent: string | null): string {
  if (!userAgent || userAgent.trim() === "") return "an unknown browser";
  const parser = Bowser.getParser(userAgent);
  const name = parser.getBrowserName();
  const major = parser.getBrowserVersion()?.split(".")[0];
  const os = parser.getOSName();
  if (!name) return "an unknown browser";
  return `${name}${major ? ` ${major}` : ""}${os ? ` on ${os}` : ""}`;
}

export type ExportLine = { when: string; what: string; period: string };

export function describeExport(
  row: { exportType: string; periodStart: string | null; periodEnd: string | null; recipientEmail: string | null; createdAt: Date },
  timezone: string,
): ExportLine {
  const what = row.exportType === "pdf" ? "PDF downloaded" : row.recipientEmail ? `Link created and sent to ${row.recipientEmail}` : "Link created";
  const period = row.periodStart && row.periodEnd ? `${row.periodStart} → ${row.periodEnd}` : "";
  return { when: formatDateTime(row.createdAt.toISOString(), timezone), what, period };
}
