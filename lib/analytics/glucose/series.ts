import { AppError } from "@/lib/errors";
import type { GlucoseSeries } from "./types";

export type GlucoseRow = { time: number | Date; value: number };

/**
 * Builds a clean series from raw rows.
 *
 * - rows whose time or value is not a finite number are dropped, and so are values ≤ 0 mg/dL
 *   (no sensor reports them; the logarithmic risk indices are undefined there);
 * - rows are sorted by time (stable, so input order decides among equal times);
 * - among rows with exactly the same timestamp only the LAST one is kept, as iglu's
 *   CGMS2DayByDay does ("Only the last one of repeated values is used in calculations").
 *
 * The result may be empty: the metric functions then say so with an AppError.
 */
export function toSeries(rows: readonly GlucoseRow[]): GlucoseSeries {
  const kept: { time: number; value: number; order: number }[] = [];
  rows.forEach((row, order) => {
    const time = row.time instanceof Date ? row.time.getTime() : row.time;
    if (Number.isFinite(time) && Number.isFinite(row.value) && row.value > 0) {
      kept.push({ time, value: row.value, order });
    }
  });
  kept.sort((a, b) => a.time - b.time || a.order - b.order);

  const times: number[] = [];
  const values: number[] = [];
  for (let i = 0; i < kept.length; i++) {
    const isLastOfItsTime = i === kept.length - 1 || kept[i + 1].time !== kept[i].time;
    if (isLastOfItsTime) {
      times.push(kept[i].time);
      values.push(kept[i].value);
    }
  }
  return { times: Float64Array.from(times), values: Float64Array.from(values) };
}

/** Builds a series from parallel arrays (already typed), cleaning them like toSeries. */
export function toSeriesFromArrays(times: ArrayLike<number>, values: ArrayLike<number>): GlucoseSeries {
  if (times.length !== values.length) {
    throw new AppError("bad_request:analytics", "Times and glucose values must have the same length.");
  }
  const rows: GlucoseRow[] = [];
  for (let i = 0; i < times.length; i++) rows.push({ time: times[i], value: values[i] });
  return toSeries(rows);
}

/**
 * Checks the invariants every metric relies on, so a malformed series fails loudly with a sentence
 * instead of producing NaN. `minReadings` is the fewest readings the caller can work with.
 */
const validated = new WeakSet<GlucoseSeries>();

export function assertValidSeries(series: GlucoseSeries, minReadings = 1): void {
  const { times, values } = series;
  if (times.length !== values.length) {
    throw new AppError("bad_request:analytics", "Times and glucose values must have the same length.");
  }
  if (values.length === 0) {
    throw new AppError(
      "bad_request:analytics",
      `The series is empty: at least ${minReadings} reading${minReadings === 1 ? " is" : "s are"} needed.`,
    );
  }
  if (values.length < minReadings) {
    throw new AppError(
      "bad_request:analytics",
      `The series has ${values.length} reading${values.length === 1 ? "" : "s"}: at least ${minReadings} are needed.`,
    );
  }
  // A series is checked once: the top-level function calls ~30 metrics on the same object. Series
  // are treated as immutable (their arrays must not be edited after a metric has seen them).
  if (validated.has(series)) return;
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i]) || values[i] <= 0) {
      throw new AppError(
        "bad_request:analytics",
        "The series contains a glucose value that is missing, not a number or not positive: clean it with toSeries first.",
        { details: { index: i } },
      );
    }
    if (!Number.isFinite(times[i])) {
      throw new AppError("bad_request:analytics", "The series contains a time that is not a valid date.", {
        details: { index: i },
      });
    }
    if (i > 0 && times[i] <= times[i - 1]) {
      throw new AppError(
        "bad_request:analytics",
        "The series times must be strictly increasing (sorted, without duplicate timestamps): clean it with toSeries first.",
        { details: { index: i } },
      );
    }
  }
  validated.add(series);
}
