// GET /shared/[token] — a doctor's view of a shared report (no account): HTML, noindex, no-store; 404/410/429 pages.
import { renderSharedReportHtml } from "./render-shared-page";
import { SHARE_HEADERS, serveShare } from "./share-request";

export function GET(req: Request, { params }: { params: Promise<{ token: string }> }): Promise<Response> {
  return serveShare(req, params, "page", ({ link, data, token }) => {
    const html = renderSharedReportHtml(data, `/shared/${encodeURIComponent(token)}/pdf`, link.expiresAt);
    return new Response(html, { status: 200, headers: { ...SHARE_HEADERS, "Content-Type": "text/html; charset=utf-8" } });
  });
}
