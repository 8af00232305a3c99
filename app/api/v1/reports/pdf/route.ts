// GET /api/v1/reports/pdf?from=&to=&analysis=1&notes=0&unit=&weeks= — the person's own doctor report, streamed (never stored).
import { z } from "zod";
import { apiHandler } from "@/lib/api/handler";
import type { Limit } from "@/db/queries/rate-limit";
import { parseQuery } from "@/lib/api/query";
import { loadReportData } from "@/lib/reports/load-report";
import { renderReportPdfStream } from "@/lib/reports";
import { recordPdfExport } from "@/db/queries/sharing";

const isoDate = z.iso.date({ message: "from and to are dates, YYYY-MM-DD." });
const flag = (fallback: boolean) =>
  z
    .enum(["0", "1", "true", "false"], { message: "analysis and notes are 1 or 0." })
    .optional()
    .transform((v) => (v === undefined ? fallback : v === "1" || v === "true"));

const query = z.object({
  from: isoDate,
  to: isoDate,
  analysis: flag(true),
  notes: flag(false),
  unit: z.enum(["mg/dL", "mmol/L"], { message: "unit is mg/dL or mmol/L." }).optional(),
  weeks: z
    .string()
    .optional()
    .transform((v) => (v === undefined ? undefined : v.split(",").map((w) => w.trim()).filter((w) => w !== "")))
    .pipe(z.array(isoDate).max(60, "At most 60 weeks.").optional()),
});

/** PDFs per person an hour: each is a second of rendering; a patient needs a few. */
const PDF_LIMIT: Limit = { keyPrefix: "reports-pdf", points: 30, durationSeconds: 3_600 };

export const GET = apiHandler({ scope: "read", surface: "reports.pdf", limit: PDF_LIMIT }, async ({ req, caller }) => {
  const q = parseQuery(req, query);
  const data = await loadReportData(caller.viewer, { from: q.from, to: q.to, storyWeeks: q.weeks, includeAnalysis: q.analysis, includeNotes: q.notes, unit: q.unit });
  // Rendering first: a failure still answers with a status and a sentence, and records no export.
  const stream = await renderReportPdfStream(data);
  await recordPdfExport(caller.viewer, {
    from: q.from,
    to: q.to,
    storyWeeks: data.stories.map((s) => s.weekOf),
    options: { includeAnalysis: q.analysis, includeNotes: q.notes, unit: data.unit },
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="proxima-report-${q.from}-to-${q.to}.pdf"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
