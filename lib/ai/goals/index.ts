/**
 * lib/ai/goals: the AI around goals — plans, the coach, the mentor copilot and the Wednesday plan
 * suggestions. Each works offline from the member's own statistics (grounded) and, with
 * OPENAI_API_KEY set, lets a model word the answer, always through the guard and with the grounded
 * answer as the fallback.
 */
export { GOAL_LIMITS, GOAL_THEMES, knownTheme, validateGoalRequest, type GoalTheme } from "./plan-request";
export { DEFAULT_SKIP_BUDGET, groundedGoalPlan, weeklyMinutes, describePlannedHabit } from "./grounded-plan";
export { guardModelPlan, PLAN_LIMITS } from "./plan-guard";
export { proposeGoalPlan, PLAN_TIMEOUT_MS } from "./propose-plan";
export { resolveGoalModel, type GoalAiOptions, type ModelEnv } from "./goal-model";
export { detectCoachIntent, groundedCoachReply, type CoachInput, type CoachIntent } from "./coach-grounded";
export { coachSystemPrompt } from "./coach-prompt";
export {
  COACH_CUT_SHORT, COACH_UNAVAILABLE, streamCoachReply,
  type CoachMessage, type CoachReplyOutcome, type CoachStream, type StreamCoachInput,
} from "./coach-stream";
export { answerCopilotQuestion, validateCopilotQuestion, COPILOT_QUESTION_MAX, type CopilotAnswer, type CopilotInput } from "./copilot";
export { detectCopilotIntent, groundedCopilotAnswer, type CopilotGlucose, type CopilotJournalEntry } from "./copilot-grounded";
export {
  applicableChange, applyChangeToHabit, groundedAdjustment, proposePlanAdjustments,
  type ApplicableAdjustment, type ApplicableChange,
} from "./suggestions";
