/**
 * The effects planted in the demo patient's data, and how often their causes occur.
 *
 * The demo is an answer key for Proxima's analytics: lagged correlations, PCMCI and association
 * rules run on this data must find these effects, with about these sizes, and nothing else.
 *
 * 1. Short sleep → next day higher. A night with less than 6 h asleep raises the glucose of the
 *    local day that follows it (the day the person wakes into, 00:00–24:00) by +15 mg/dL on
 *    average over that day. The offset ramps in over the first 90 minutes after midnight and out
 *    over the last 90, so the day holds no step; its amplitude is scaled so the day's mean moves
 *    by exactly +15 (23- and 25-hour days included). Sleep is attributed to its wake-up date, so
 *    in `dailyTruth` the short night and the raised day share a row: as a daily series,
 *    "sleep of the night ending on day d" → "mean glucose of day d".
 * 2. Evening walk → lower night. A walk after dinner on day d lowers the overnight glucose
 *    (00:00–06:00 local of day d+1) by −12 mg/dL on average over that window. The offset ramps in
 *    from 22:45 and out until 07:30, outside the window, so the window mean moves by exactly −12.
 *    An evening walk is a `walking` activity that starts at or after 18:00 local; other walks
 *    happen around lunch.
 * 3. High-carb days → more time above 180. Meal excursions grow with carbs (peak rise ≈ 6.6 ×
 *    carbs^0.65 mg/dL), and about 15 % of days carry 260–330 g of carbs instead of 140–235 g. On
 *    those days every excursion is also 35 % taller than its carbs alone predict, so they spend
 *    about +9 percentage points more time above 180 mg/dL (and their mean is ~15 mg/dL higher);
 *    measured over 200 seeds in `bench/seed-generator.ts`.
 *
 * Everything else is drawn independently of glucose: weekday, background steps, late dinners,
 * sleep timing, hypoglycaemia days, sensor changes and gaps (nothing the person does starts before
 * 06:00, so the overnight window holds only the night). Workouts other than the evening walk
 * lower glucose while they last and for about 2 hours after, as exercise does: about −1 mg/dL
 * on that day's mean, far below the planted effects; strength sessions are close to neutral.
 * The random draws depend on the seed only: another end date moves the same story in time.
 *
 * Measured over 200 seeds (bench/seed-generator.ts): short sleep +15.1 mg/dL (SD 2.1 between
 * seeds), evening walk −11.7 (SD 1.5), high-carb +9.1 points (SD 1.2), each significant at
 * p < 0.001 in every seed; weekday parity, weekend, background steps and late dinners reach
 * p < 0.05 in 1.5–7.5 % of seeds, as chance alone would.
 */
export const PLANTED_EFFECTS = {
  shortSleep: {
    cause: "asleep < 6 h the night before (dailyTruth.shortSleep)",
    effect: "mean glucose of that local day, 00:00–24:00",
    thresholdHours: 6,
    deltaMgdl: 15,
    /** Ramp-in after midnight and ramp-out before the next midnight, minutes. */
    rampMinutes: 90,
  },
  eveningWalk: {
    cause: "a walk after dinner (dailyTruth.eveningWalk, walking activity starting ≥ 18:00 local)",
    effect: "mean glucose 00:00–06:00 local of the next date",
    deltaMgdl: -12,
    windowStartMinute: 0,
    windowEndMinute: 6 * 60,
    /** The offset starts ramping in at 22:45 the evening before and is gone at 07:30. */
    rampInFromMinute: -75,
    rampOutUntilMinute: 7 * 60 + 30,
  },
  highCarb: {
    cause: "total carbohydrate of the day > 250 g (dailyTruth.highCarb)",
    effect: "time above 180 mg/dL of that local day",
    thresholdG: 250,
    /** Every meal excursion of a high-carb day is this much taller than its carbs alone predict. */
    excursionGain: 1.35,
    /** Expected rise of the day's time above 180, in percentage points. */
    deltaTimeAbove180Points: 9,
  },
} as const;

/** How often each driver occurs; counts are exact (rounded), placed on random days. */
export const DRIVER_PREVALENCE = {
  shortSleepNights: 0.22,
  eveningWalkDays: 0.4,
  highCarbDays: 0.15,
  lateDinnerDays: 0.15,
  /** Probability of a workout (lunch walk, run, ride or strength session) on a given day. */
  otherActivityPerDay: 0.45,
  /** One hypoglycaemia episode per this many days (at least one per person). */
  daysPerHypoEvent: 10,
  /** One signal-loss gap per this many days (at least one). */
  daysPerSignalLoss: 22,
  sensorLifeDays: 10,
  sensorWarmupMinutes: 120,
} as const;
