/**
 * Unit conversions used by every importer. One factor for glucose, everywhere.
 */

/**
 * mg/dL per mmol/L of glucose: the molar mass of glucose C6H12O6 (180.156 g/mol, i.e. mg/mmol)
 * divided by 10 (dL per L). This is the factor used by Dexcom Clarity and by the R package iglu
 * (`mmol × 18`, rounded) alike; we keep the unrounded 18.0156. Apple Health annotates its unit as
 * `mmol<180.1558800000541>/L` (18.01558800 per mmol/L), which differs from ours by 0.0000013 %,
 * far below any meter's resolution — so one factor for every format, and stored values are never
 * rounded (round only when displaying).
 */
export const MGDL_PER_MMOLL = 18.0156;

/** The molar mass implied by MGDL_PER_MMOLL, for checking Apple's annotated unit. */
const GLUCOSE_MOLAR_MASS = MGDL_PER_MMOLL * 10;

export function convertMmolToMgdl(mmol: number): number {
  return mmol * MGDL_PER_MMOLL;
}

export type GlucoseUnit = "mg/dL" | "mmol/L";

/**
 * Reads an Apple Health glucose unit: "mg/dL", "mmol/L", or "mmol<180.1558800000541>/L"
 * (HealthKit writes the molar mass it used inside the angle brackets). A molar mass that is not
 * glucose's (±0.5 g/mol) means the quantity is not glucose: null.
 */
export function readAppleGlucoseUnit(unit: string): GlucoseUnit | null {
  const u = unit.trim();
  if (u === "mg/dL" || u === "mg/dl") return "mg/dL";
  if (u === "mmol/L" || u === "mmol/l") return "mmol/L";
  const m = /^mmol<([0-9.]+)>\/[lL]$/.exec(u);
  if (m && Math.abs(Number(m[1]) - GLUCOSE_MOLAR_MASS) <= 0.5) return "mmol/L";
  return null;
}

/** "kcal" and "Cal" (a food Calorie) are the same unit; "kJ" is converted (1 kcal = 4.184 kJ, thermochemical). */
export function convertEnergyToKcal(value: number, unit: string | undefined): number | null {
  switch ((unit ?? "kcal").trim()) {
    case "kcal":
    case "Cal":
    case "Kcal":
      return value;
    case "kJ":
    case "kj":
      return value / 4.184;
    case "cal":
      return value / 1000;
    default:
      return null;
  }
}

/** International mile and yard (exact by definition). */
export function convertDistanceToKm(value: number, unit: string | undefined): number | null {
  switch ((unit ?? "km").trim()) {
    case "km":
      return value;
    case "m":
      return value / 1000;
    case "mi":
      return value * 1.609344;
    case "yd":
      return value * 0.0009144;
    case "ft":
      return value * 0.0003048;
    default:
      return null;
  }
}

export function convertDurationToMinutes(value: number, unit: string | undefined): number | null {
  switch ((unit ?? "min").trim()) {
    case "min":
      return value;
    case "s":
      return value / 60;
    case "hr":
    case "h":
      return value * 60;
    case "ms":
      return value / 60_000;
    default:
      return null;
  }
}

/**
 * Reads a decimal written by a device: "6.3", "6,3" (comma-decimal locales), " 120 ".
 * Returns null for anything else (empty, "High", "1,234.5"), never NaN.
 */
export function readDecimal(text: string | undefined | null): number | null {
  if (text == null) return null;
  const t = text.trim();
  if (t === "") return null;
  const normalized = /^-?\d+,\d+$/.test(t) ? t.replace(",", ".") : t;
  if (!/^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(normalized)) return null;
  const n = Number(normalized);
  return Number.isFinite(n) ? n : null;
}
