/**
 * Targets of the 2019 international consensus on time in range (Battelino et al., Diabetes Care
 * 42:1593-1603) for most adults with type 1 or type 2 diabetes, plus the ≥ 70 % CGM wear and the
 * CV ≤ 36 % stability target of the 2017 consensus (Danne et al., Diabetes Care 40:1631-1640).
 * TBR < 70 includes the readings < 54 and TAR > 180 includes those > 250, as the consensus counts them.
 */
export type ConsensusTarget = {
  id: "tir_70_180" | "tbr_70" | "tbr_54" | "tar_180" | "tar_250" | "cv" | "active";
  label: string;
  /** Measured value in %, or null when it could not be computed. */
  value: number | null;
  comparator: ">" | "<" | "≤" | "≥";
  threshold: number;
  /** null when the value is null. */
  met: boolean | null;
};

type ConsensusInput = {
  inRange70to180: number;
  below70: number;
  below54: number;
  above180: number;
  above250: number;
  cv: number | null;
  activePercent: number;
};

export type Comparator = ConsensusTarget["comparator"];

/** Whether `value comparator threshold` holds (one definition for the analytics and the charts). */
export function compareWith(value: number, comparator: Comparator, threshold: number): boolean {
  switch (comparator) {
    case ">":
      return value > threshold;
    case "<":
      return value < threshold;
    case "≤":
      return value <= threshold;
    case "≥":
      return value >= threshold;
  }
}

function check(value: number | null, comparator: Comparator, threshold: number): boolean | null {
  return value === null ? null : compareWith(value, comparator, threshold);
}

export function evaluateConsensusTargets(m: ConsensusInput): ConsensusTarget[] {
  const rows: Omit<ConsensusTarget, "met">[] = [
    { id: "tir_70_180", label: "Time in range 70–180 mg/dL", value: m.inRange70to180, comparator: ">", threshold: 70 },
    { id: "tbr_70", label: "Time below 70 mg/dL", value: m.below70, comparator: "<", threshold: 4 },
    { id: "tbr_54", label: "Time below 54 mg/dL", value: m.below54, comparator: "<", threshold: 1 },
    { id: "tar_180", label: "Time above 180 mg/dL", value: m.above180, comparator: "<", threshold: 25 },
    { id: "tar_250", label: "Time above 250 mg/dL", value: m.above250, comparator: "<", threshold: 5 },
    { id: "cv", label: "Coefficient of variation", value: m.cv, comparator: "≤", threshold: 36 },
    { id: "active", label: "Time the CGM was active", value: m.activePercent, comparator: "≥", threshold: 70 },
  ];
  return rows.map((r) => ({ ...r, met: check(r.value, r.comparator, r.threshold) }));
}
