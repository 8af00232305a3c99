/**
 * Habit strength, the score of Loop Habit Tracker (iSoron/uhabits, GPL; formula re-implemented, not
 * copied): `Score.compute` in uhabits-core/.../models/Score.kt and `ScoreList.recompute`:
 *
 *   multiplier m = 0.5 ^ (sqrt(f) / 13)      f = expected check-ins per day (1 daily, N/7 weekly)
 *   score ← score · m + v · (1 − m)           once per evaluated day, starting from 0
 *
 * For a daily habit v is 1 on a done day and 0 on a missed one: a long run decays slowly, so one
 * miss after 60 done days still leaves the score above 0.9. For habits done less than daily, Loop
 * evaluates every calendar day with v = min(1, done in the last 14 days / 2N) (it doubles the
 * window "to smooth out irregular repetition schedules"); we do the same, so a weekly habit's
 * score follows its pace rather than jumping on the days it happens to be done.
 * A forgiven skip leaves the score unchanged (Loop's SKIP), and so does today until checked in.
 */
import type { ResolvedHabit } from "./check-ins";
import { frequencyOf } from "./due-days";

export function strengthMultiplier(frequency: number): number {
  return 0.5 ** (Math.sqrt(frequency) / 13);
}

export function computeStrength(habit: ResolvedHabit): number {
  const frequency = frequencyOf(habit.cadence);
  const m = strengthMultiplier(frequency);
  const daily = frequency >= 1;
  const window = daily ? 1 : 14;
  const needed = daily ? 1 : 2 * habit.cadence.perWeek;

  let score = 0;
  let doneInWindow = 0;
  for (let n = habit.start; n <= habit.today; n++) {
    if (habit.statuses.get(n) === "done") doneInWindow += 1;
    if (habit.statuses.get(n - window) === "done") doneInWindow -= 1;
    const status = habit.statuses.get(n);
    if (status === "skipped" || (status === undefined && n === habit.today)) continue;
    // A fixed-weekday habit's off days are evaluated too (as Loop does), carried by the rolling window.
    const v = Math.min(1, doneInWindow / needed);
    score = score * m + v * (1 - m);
  }
  return score;
}
