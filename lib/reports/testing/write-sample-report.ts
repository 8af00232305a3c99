// Writes the synthetic 90-day report to a file, to look at it (pdftoppm -png -r 60 file.pdf page).
// Run: npx tsx lib/reports/testing/write-sample-report.ts [mg/dL|mmol/L] [stories] [out.pdf]
import { writeFileSync } from "node:fs";
import { renderReportPdf } from "../render-report";
import { buildSyntheticReportData } from "./synthetic-report";

const unit = process.argv[2] === "mmol/L" ? "mmol/L" : "mg/dL";
const stories = Number(process.argv[3] ?? 4);
const out = process.argv[4] ?? "/tmp/proxima-sample-report.pdf";
const pdf = await renderReportPdf(buildSyntheticReportData({ unit, stories }));
writeFileSync(out, pdf);
console.log(`wrote ${out} (${pdf.length} bytes, ${unit}, ${stories} stories)`);
