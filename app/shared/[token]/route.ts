// GET /shared/[token] — a doctor's view of a shared report (no account): HTML, noindex, no-store; 404/410/429 pages.
import { loadReportData } from "@/lib/reports/load-report";
import { renderSharedReportHtml } from "./render-shared-page";
import { lookUpShare, problemResponse, SHARE_HEADERS } from "./share-request";

export async function GET(req: Request, { params }: { params: Promise<{ token: string }> }): Promise<Response> {
  try {
    const { token } = await params;
    const found = await lookUpShare(req, token, "page");
    if (!found.ok) return problemResponse(found.problem);
    const { link } = found;
    // Read as the patient who shared, with the patient's viewer only: RLS scopes every row to them.
    const data = await loadReportData(link.owner, {
      from: link.periodStart,
      to: link.periodEnd,
      storyWeeks: link.storyWeeks,
      includeAnalysis: link.options.includeAnalysis,
      includeNotes: link.options.includeNotes,
      unit: link.options.unit,
    });
    const html = renderSharedReportHtml(data, `/shared/${encodeURIComponent(token)}/pdf`, link.expiresAt);
    return new Response(html, { status: 200, headers: { ...SHARE_HEADERS, "Content-Type": "text/html; charset=utf-8" } });
  } catch (e) {
    console.error("[shared.page]", e);
    return problemResponse("error");
  }
}
