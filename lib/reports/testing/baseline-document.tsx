/** @jsxRuntime automatic */
import { Document, Page, renderToBuffer, Text } from "@react-pdf/renderer";
import { REPORT_FONT_FAMILY, getReportFonts } from "../report-fonts";

const LINES = Array.from(
  { length: 40 },
  (_, i) => `Line ${i + 1}: time in range 72.4%, mean glucose 142 mg/dL, GMI 6.7%, coefficient of variation 31.2%.`,
);

/**
 * The benchmark's baseline: one A4 page of plain text (40 lines, no charts, no tables), so the
 * report's cost can be read as a ratio to the cheapest react-pdf document. `font` "standard" uses
 * Helvetica (no font file), "report" the report's embedded DejaVu, isolating the font's share.
 */
export async function renderBaselinePdf(font: "standard" | "report"): Promise<Buffer> {
  const family = font === "report" ? (getReportFonts().unicode ? REPORT_FONT_FAMILY : "Helvetica") : "Helvetica";
  return renderToBuffer(
    <Document title="Baseline">
      <Page size="A4" style={{ padding: 36, fontSize: 10, fontFamily: family }}>
        {LINES.map((line) => (
          <Text key={line}>{line}</Text>
        ))}
      </Page>
    </Document>,
  );
}
