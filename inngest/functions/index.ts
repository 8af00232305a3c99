import type { RegisteredWorkflow } from "../define-workflow";
import { systemHeartbeat } from "./system-heartbeat";
import { weeklyBriefFanOut } from "./weekly-brief-fan-out";
import { importFile } from "./import-file";
import { weeklyIntelligenceGenerate } from "./weekly-intelligence";
import { nightlyAnalytics, recomputeDailyAggregatesWorkflow, runAnalysis, weeklyPatternDiscovery } from "./analysis";
import { goalScheduleWorkflows } from "./goal-schedules";

/**
 * Every workflow of Proxima. Add a new one here: the Inngest serve handler (app/api/inngest) and the
 * embedded runner both read this list, so nothing else needs to know about it.
 */
export const workflows: readonly RegisteredWorkflow[] = [
  systemHeartbeat,
  weeklyBriefFanOut,
  weeklyIntelligenceGenerate,
  importFile,
  runAnalysis,
  recomputeDailyAggregatesWorkflow,
  nightlyAnalytics,
  weeklyPatternDiscovery,
  ...goalScheduleWorkflows,
];

export const inngestFunctions = workflows.map((w) => w.inngestFunction);
