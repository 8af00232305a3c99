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
 * 3. High-carb days → more time above 180. Meal excursions scale with carbs (about 1.3 mg/dL per
 *    gram at the peak, 1.6 at breakfast), and about 15 % of days carry 260–330 g of carbs instead
 *    of 140–235 g; those days spend about +17 percentage points more time above 180 mg/dL
 *    (measured over 200 seeds, see `planted-effects.test.ts`).
 *
 * Everything else is drawn independently of glucose: weekday, background steps, late dinners,
 * sleep timing, hypoglycaemia days, sensor changes and gaps. Workouts other than the evening walk
 * lower glucose only while they last and for about 2 hours after (a few mg/dL on the daily mean,
 * far below the planted effects); strength sessions are close to neutral.
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
    /** Expected rise of the day's time above 180, in percentage points. */
    deltaTimeAbove180Points: 17,
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
  daysPerHypoEvent: 15,
  /** One signal-loss gap per this many days (at least one). */
  daysPerSignalLoss: 22,
  sensorLifeDays: 10,
  sensorWarmupMinutes: 120,
} as const;
