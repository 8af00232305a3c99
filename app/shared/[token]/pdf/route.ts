// GET /shared/[token]/pdf — the shared report as a PDF, streamed and never stored; same checks as the page.
import { loadReportData } from "@/lib/reports/load-report";
import { renderReportPdfStream } from "@/lib/reports";
import { lookUpShare, problemResponse, SHARE_HEADERS } from "../share-request";

export async function GET(req: Request, { params }: { params: Promise<{ token: string }> }): Promise<Response> {
  try {
    const { token } = await params;
    const found = await lookUpShare(req, token, "pdf");
    if (!found.ok) return problemResponse(found.problem);
    const { link } = found;
    const data = await loadReportData(link.owner, {
      from: link.periodStart,
      to: link.periodEnd,
      storyWeeks: link.storyWeeks,
      includeAnalysis: link.options.includeAnalysis,
      includeNotes: link.options.includeNotes,
      unit: link.options.unit,
    });
    const stream = await renderReportPdfStream(data);
    return new Response(stream, {
      headers: {
        ...SHARE_HEADERS,
        "Content-Type": "application/pdf",
        "Content-Disposition": `attachment; filename="glucose-report-${link.periodStart}-to-${link.periodEnd}.pdf"`,
      },
    });
  } catch (e) {
    console.error("[shared.pdf]", e);
    return problemResponse("error");
  }
}
