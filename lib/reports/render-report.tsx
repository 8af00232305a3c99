/** @jsxRuntime automatic */
import { Readable } from "node:stream";
import { renderToBuffer, renderToStream } from "@react-pdf/renderer";
import { AppError, isAppError } from "@/lib/errors";
import { ReportDocument } from "./components/report-document";
import { parseReportData, type ReportData } from "./report-data";
import { getReportFonts } from "./report-fonts";

/**
 * Renders the doctor's report to a complete PDF in memory. The input is validated again at run time,
 * since it may have come through JSON or a cache (AppError "bad_request:report" naming the bad
 * field); a failure inside react-pdf becomes AppError "internal:report" with the original error as
 * its cause (log it, never show it).
 */
export async function renderReportPdf(data: ReportData): Promise<Buffer> {
  const valid = parseReportData(data);
  try {
    return await renderToBuffer(<ReportDocument data={valid} fonts={getReportFonts()} />);
  } catch (e) {
    throw asRenderError(e);
  }
}

/**
 * The same PDF as a WEB ReadableStream<Uint8Array> (what a Next.js route handler returns:
 * `new Response(stream, { headers: { "content-type": "application/pdf" } })`). react-pdf lays the
 * whole document out before the first byte (page numbers need the page count), so the stream saves
 * holding the finished file as one Buffer, not the layout time. Validation and layout errors reject
 * the returned promise, before any byte is sent, so the handler can still answer with a status.
 */
export async function renderReportPdfStream(data: ReportData): Promise<ReadableStream<Uint8Array>> {
  const valid = parseReportData(data);
  let nodeStream: NodeJS.ReadableStream;
  try {
    nodeStream = await renderToStream(<ReportDocument data={valid} fonts={getReportFonts()} />);
  } catch (e) {
    throw asRenderError(e);
  }
  return Readable.toWeb(nodeStream as Readable) as unknown as ReadableStream<Uint8Array>;
}

function asRenderError(e: unknown): AppError {
  if (isAppError(e)) return e;
  return new AppError("internal:report", "The PDF report could not be produced. Please try again in a moment.", { cause: e });
}
