// GET /shared/[token]/pdf — the shared report as a PDF, streamed and never stored; same checks as the page.
import { renderReportPdfStream } from "@/lib/reports";
import { SHARE_HEADERS, serveShare } from "../share-request";

export function GET(req: Request, { params }: { params: Promise<{ token: string }> }): Promise<Response> {
  return serveShare(req, params, "pdf", async ({ link, data }) => {
    const stream = await renderReportPdfStream(data);
    return new Response(stream, {
      headers: {
        ...SHARE_HEADERS,
        "Content-Type": "application/pdf",
        "Content-Disposition": `attachment; filename="glucose-report-${link.periodStart}-to-${link.periodEnd}.pdf"`,
      },
    });
  });
}
