/**
 * JSON has no Infinity: JSON.stringify(Infinity) silently writes null, which a reader would take for
 * "unknown". Conviction is +Infinity for a rule that never failed, so it is written as the string
 * "inf" (and −Infinity as "-inf", which no metric produces today); every finite number is unchanged.
 */
import type { AssociationRule } from "./association-rules";

export type JsonNumber = number | "inf" | "-inf";

export function toJsonNumber(value: number): JsonNumber {
  if (value === Infinity) return "inf";
  if (value === -Infinity) return "-inf";
  if (Number.isNaN(value)) throw new RangeError("A rule metric is NaN; this is a bug in the caller.");
  return value;
}

export type JsonSafeRule = Omit<AssociationRule, "conviction"> & { conviction: JsonNumber };

export function toJsonSafeRule(rule: AssociationRule): JsonSafeRule {
  return { ...rule, conviction: toJsonNumber(rule.conviction) };
}

/** Inverse of toJsonNumber, for readers of stored rules. */
export function fromJsonNumber(value: JsonNumber): number {
  if (value === "inf") return Infinity;
  if (value === "-inf") return -Infinity;
  return value;
}
