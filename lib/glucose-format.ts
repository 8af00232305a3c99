import { MGDL_PER_MMOLL } from "@/lib/ingest/units";

/** Display only: values are stored unrounded in mg/dL and rounded here for the person's unit. */
export function formatGlucose(mgdl: number | null | undefined, unit: "mg/dL" | "mmol/L"): string {
  if (mgdl === null || mgdl === undefined || !Number.isFinite(mgdl)) return "—";
  return unit === "mmol/L" ? (mgdl / MGDL_PER_MMOLL).toFixed(1) : Math.round(mgdl).toString();
}
