/**
 * The deterministic demo-data generator: pure functions from options to plain typed records.
 * The seeding code (db/seed) inserts them; nothing here touches a database.
 */
export { generateDemoPatient, DEFAULT_BASELINE_MGDL, DEFAULT_DAYS, DEFAULT_TIMEZONE } from "./demo-patient";
export { generateCohort, GOAL_HISTORY_DAYS, MENTEE_HEALTH_DAYS } from "./cohort";
export { DEMO_PATIENT_KEY, MENTOR_KEY, LOW_ADHERENCE_SILENT_DAYS } from "./cohort-content";
export { PLANTED_EFFECTS, DRIVER_PREVALENCE } from "./planted-effects";
export { createRng, deriveRng, type Rng } from "./prng";
export type * from "./types";
