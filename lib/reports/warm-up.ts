import type { ReportData } from "./report-data";
import { renderReportPdf } from "./render-report";

/**
 * A small but complete report (every section, both font weights, both chart kinds) with made-up
 * numbers and no person's data, used only to warm the renderer up.
 */
export function buildWarmUpReportData(): ReportData {
  const curve = (level: number) => Array.from({ length: 288 }, (_, b) => level + 30 * Math.sin((2 * Math.PI * b) / 288));
  const day = (date: string) => ({ date, values: curve(140), readings: 288, mean: 140, inRangePercent: 80 });
  const dates = Array.from({ length: 14 }, (_, i) => `2025-01-${String(i + 1).padStart(2, "0")}`);
  return {
    patient: { name: "Warm-up", dateOfBirth: null },
    period: { from: "2025-01-01", to: "2025-01-14" },
    generatedAt: "2025-01-15T00:00:00.000Z",
    timezone: "UTC",
    unit: "mg/dL",
    metrics: {
      readings: 4032,
      daysCovered: 14,
      daysWithData: 14,
      activePercent: 100,
      mean: 140,
      median: 138,
      sd: 35,
      cv: 25,
      gmi: 6.7,
      ranges: { veryLow: 0.5, low: 2, inRange: 80, high: 15, veryHigh: 2.5 },
      targets: [
        { id: "tir_70_180", value: 80, comparator: ">", threshold: 70, met: true },
        { id: "tbr_70", value: 2.5, comparator: "<", threshold: 4, met: true },
        { id: "tbr_54", value: 0.5, comparator: "<", threshold: 1, met: true },
        { id: "tar_180", value: 17.5, comparator: "<", threshold: 25, met: true },
        { id: "tar_250", value: 2.5, comparator: "<", threshold: 5, met: true },
        { id: "cv", value: 25, comparator: "≤", threshold: 36, met: true },
        { id: "active", value: 100, comparator: "≥", threshold: 70, met: true },
      ],
      mage: 90,
      lbgi: 1,
      hbgi: 4,
      gri: 20,
      griZone: "A",
    },
    agp: { from: "2025-01-01", to: "2025-01-14", daysWithData: 14, readings: 4032, p5: curve(80), p25: curve(115), p50: curve(140), p75: curve(165), p95: curve(210) },
    dailyProfiles: dates.map(day),
    stories: [{ weekOf: "2025-01-06", title: "Warm-up", narrative: "Warm-up paragraph.\n\nSecond paragraph.", personalNote: "Note." }],
    insights: [{ type: "neutral", title: "Warm-up", description: "Warm-up.", confidence: 50 }],
    predictions: [{ event: "Warm-up", probability: 50, sampleSize: 10, timeframe: "This week", preventable: true, reasoning: "Warm-up." }],
    notablePatterns: ["Warm-up."],
    options: { includeAnalysis: true, includeNotes: true, pageSize: "A4" },
  };
}

/**
 * Pays the first-PDF costs of a process (parsing the embedded fonts, compiling the WebAssembly
 * layout engine, JIT-compiling react-pdf) before a doctor asks for a report: call it once at server
 * start (e.g. from instrumentation.ts, without awaiting). One render is not enough: V8 optimises
 * react-pdf's layout code over the first few documents (bench/report-pdf.ts: the 1st report of a
 * process takes ~3× a warm one, the 4th is warm), hence `rounds` renders of the small document.
 */
export async function warmUpReportRenderer(rounds = 3): Promise<void> {
  const data = buildWarmUpReportData();
  for (let i = 0; i < rounds; i++) await renderReportPdf(data);
}
