/**
 * What a device's out-of-range text means, and which values we refuse to store.
 */

/**
 * Dexcom (G4–G7, Clarity and receivers) reports 40–400 mg/dL; outside that it shows "High"/"Low".
 * We store the first value beyond the range with a flag, the convention of Dexcom Share and of
 * Nightscout (which stores Dexcom LOW as sgv 39): High → 401 flagged "high", Low → 39 flagged "low".
 */
export const DEXCOM_HIGH_MGDL = 401;
export const DEXCOM_LOW_MGDL = 39;

/**
 * FreeStyle Libre readers and LibreLink report 40–500 mg/dL and show "HI"/"LO" outside it
 * (Libre 1/2/3 user manuals). Same convention: HI → 501 flagged "high", LO → 39 flagged "low".
 */
export const LIBRE_HIGH_MGDL = 501;
export const LIBRE_LOW_MGDL = 39;

/**
 * Nightscout stores Dexcom's special values as sgv < 39 (cgm-remote-monitor lib/plugins/errorcodes.js
 * treats `mgdl < 39` as an error code: 1 ?SN sensor not active, 2 ?MD minimal deviation,
 * 3 ?NA no antenna, 5 ?NC sensor not calibrated, 6 ?CD counts deviation, 9 ?AD absolute deviation,
 * 10 ??? power deviation, 12 ?RF bad RF). They are statuses, not glucose: rejected. 39 is Dexcom's LOW.
 */
export const NIGHTSCOUT_ERROR_CODE_BELOW = 39;
export const DEXCOM_ERROR_CODES: Readonly<Record<number, string>> = {
  0: "no value",
  1: "sensor not active",
  2: "minimal deviation",
  3: "no antenna",
  5: "sensor not calibrated",
  6: "counts deviation",
  9: "absolute deviation",
  10: "power deviation",
  12: "bad radio signal",
};

/** Physiologically and technically plausible stored range (after High/Low mapping). */
export const MIN_PLAUSIBLE_MGDL = 20;
export const MAX_PLAUSIBLE_MGDL = 600;

/** Clock skew we tolerate between a device and the server before calling a time "in the future". */
export const FUTURE_TOLERANCE_MS = 5 * 60_000;

/** A glucose value we refuse, as a sentence; null when the value is acceptable. */
export function explainImplausibleGlucose(mgdl: number): string | null {
  if (!Number.isFinite(mgdl)) return "The glucose value is not a number.";
  if (mgdl < MIN_PLAUSIBLE_MGDL || mgdl > MAX_PLAUSIBLE_MGDL) {
    return `Glucose ${formatMgdl(mgdl)} mg/dL is outside the ${MIN_PLAUSIBLE_MGDL}–${MAX_PLAUSIBLE_MGDL} mg/dL range a sensor or meter can report.`;
  }
  return null;
}

/** A time we refuse because it lies in the future, as a sentence; null when acceptable. */
export function explainFutureTime(time: Date, now: Date): string | null {
  if (time.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) {
    return `The time ${time.toISOString()} is more than 5 minutes in the future.`;
  }
  return null;
}

function formatMgdl(mgdl: number): string {
  return Number.isInteger(mgdl) ? String(mgdl) : mgdl.toFixed(1);
}
