import { computeSd } from "./basic-statistics";
import { computePercentAbove, computePercentBelow, computePercentInRange } from "./time-in-ranges";
import type { GlucoseSeries } from "./types";

export type GriComponents = {
  gri: number;
  /** Hypoglycemia component: %VLow(<54) + 0.8 · %Low(54–70). */
  hypoComponent: number;
  /** Hyperglycemia component: %VHigh(>250) + 0.5 · %High(180–250). */
  hyperComponent: number;
};

/**
 * Glycemia Risk Index (Klonoff et al. 2023), as iglu gri:
 * 3.0·VLow + 2.4·Low + 1.6·VHigh + 0.8·High, capped at 100, with VLow = below 54, Low = below 70
 * minus below 54, VHigh = above 250, High = above 180 minus above 250.
 */
export function computeGri(series: GlucoseSeries): GriComponents {
  const below54 = computePercentBelow(series, 54);
  const below70 = computePercentBelow(series, 70);
  const above250 = computePercentAbove(series, 250);
  const above180 = computePercentAbove(series, 180);
  const vLow = below54;
  const low = below70 - below54;
  const vHigh = above250;
  const high = above180 - above250;
  return {
    gri: Math.min(3.0 * vLow + 2.4 * low + 1.6 * vHigh + 0.8 * high, 100),
    hypoComponent: vLow + 0.8 * low,
    hyperComponent: vHigh + 0.5 * high,
  };
}

/** Clamps `x` into [lo, hi] and maps it linearly onto 0–100, rising or falling. */
function scaleTo100(x: number, lo: number, hi: number, increasing: boolean): number {
  const clamped = Math.min(Math.max(x, lo), hi);
  const share = (clamped - lo) / (hi - lo);
  return 100 * (increasing ? share : 1 - share);
}

export type CogiOptions = { targets?: [number, number]; weights?: [number, number, number] };

/**
 * Continuous Glucose Monitoring Index (Leelarathna et al. 2020), as iglu cogi:
 * 0.5 · TIR(targets) scaled 0–100 % ↑ + 0.35 · TBR(< lower target) scaled 0–15 % ↓
 * + 0.15 · SD scaled 18–108 mg/dL ↓. Needs ≥ 2 readings (SD).
 */
export function computeCogi(series: GlucoseSeries, options: CogiOptions = {}): number {
  const [lower, upper] = options.targets ?? [70, 180];
  const [wTir, wTbr, wSd] = options.weights ?? [0.5, 0.35, 0.15];
  const tir = computePercentInRange(series, lower, upper);
  const tbr = computePercentBelow(series, lower);
  const sd = computeSd(series);
  return wTir * scaleTo100(tir, 0, 100, true) + wTbr * scaleTo100(tbr, 0, 15, false) + wSd * scaleTo100(sd, 18, 108, false);
}
