export {
  CONSTANT_VARIANCE_FRACTION,
  EXPLAINED_VARIANCE_FRACTION,
  partialCorrelationFromCovariance,
  testPartialCorrelation,
  type CovarianceSource,
  type PartialCorrelationResult,
} from "./partial-correlation";
export {
  runPcmci,
  type LaggedNode,
  type PcmciInput,
  type PcmciLink,
  type PcmciOptions,
  type PcmciResult,
  type PcParent,
} from "./pcmci";
export { createSeededRandom, type SeededRandom } from "@/lib/seeded-random";
export { simulateLinearProcess, TUTORIAL_PROCESS_LINKS, type LinearLink, type SimulateOptions } from "./var-process";
