/**
 * Adherence windows ending today: done / due over the last 7, 30 and 90 days (see ledger.ts for
 * what counts as due). Due and done are rounded to hundredths, because "N times a week" habits owe
 * fractions of an occurrence per day.
 */
import type { AdherenceWindow } from "../types";
import { dayFromNumber, dayNumber } from "./calendar";
import { sumLedger, type Ledger } from "./ledger";

const round2 = (x: number) => Math.round(x * 100) / 100;

export function adherenceWindow(due: number, done: number): AdherenceWindow {
  const d = round2(due);
  const k = round2(Math.min(done, due));
  return { due: d, done: k, ratio: d > 0 ? k / d : null };
}

/** Adherence over the `days` days ending with day number `today`. */
export function adherenceOver(ledger: Ledger, today: number, days: number): AdherenceWindow {
  const { due, done } = sumLedger(ledger, today - days + 1, today);
  return adherenceWindow(due, done);
}

/** Several windows (one habit's or many habits') added up. */
export function combineWindows(windows: AdherenceWindow[]): AdherenceWindow {
  return adherenceWindow(
    windows.reduce((sum, w) => sum + w.due, 0),
    windows.reduce((sum, w) => sum + w.done, 0),
  );
}

/** Whole percent for display, or null when nothing was due. */
export function adherencePercent(w: AdherenceWindow): number | null {
  return w.ratio === null ? null : Math.round(w.ratio * 100);
}

/** Done / due per day over the `days` days ending `today`, summed over habits, oldest first. */
export function dailyAdherence(ledgers: Ledger[], today: string, days: number): { day: string; ratio: number | null }[] {
  const last = dayNumber(today);
  const out: { day: string; ratio: number | null }[] = [];
  for (let n = last - days + 1; n <= last; n++) {
    let due = 0;
    let done = 0;
    for (const ledger of ledgers) {
      const entry = ledger.get(n);
      if (entry) {
        due += entry.due;
        done += entry.done;
      }
    }
    out.push({ day: dayFromNumber(n), ratio: due > 0 ? Math.min(1, done / due) : null });
  }
  return out;
}
