import { sql } from "drizzle-orm";
import { DateTime } from "luxon";
import type { Tx } from "@/db/client";
import { dailyAggregates } from "@/db/schema";
import { and, asc, eq, gte, lte } from "drizzle-orm";
import { withViewer, type Viewer } from "./context";

/**
 * Recomputes daily aggregates for the given local dates of one person, in their timezone, in the
 * caller's transaction. Days are local calendar days computed by PostgreSQL's `AT TIME ZONE`, so a
 * 23- or 25-hour DST day is one day. Time in ranges uses the consensus bands (70–180 mg/dL).
 * Sleep counts toward the day it ends on (the morning you wake up), like Apple Health and Oura.
 * A late dinner is a meal starting at or after 21:00 local time.
 */
export async function recomputeDailyAggregates(tx: Tx, userId: string, timezone: string, dates: Iterable<string>): Promise<number> {
  const days = [...new Set(dates)].sort();
  if (days.length === 0) return 0;
  // Bound the scans by instants (index-friendly), one day of slack on each side for any offset.
  const from = DateTime.fromISO(days[0], { zone: timezone }).minus({ days: 1 }).toJSDate();
  const to = DateTime.fromISO(days[days.length - 1], { zone: timezone }).plus({ days: 2 }).toJSDate();
  const dayList = sql.raw(`ARRAY[${days.map((d) => `'${/^\d{4}-\d{2}-\d{2}$/.test(d) ? d : "1970-01-01"}'`).join(",")}]::date[]`);
  const tz = timezone;

  await tx.execute(sql`
    with days as (select unnest(${dayList}) as d),
    g as (
      select (time at time zone ${tz})::date as d, count(*)::int as n, avg(mgdl) as mean, min(mgdl) as mn, max(mgdl) as mx,
             stddev_samp(mgdl) as sd,
             100.0 * avg(case when mgdl >= 70 and mgdl <= 180 then 1 else 0 end) as tir,
             100.0 * avg(case when mgdl > 180 then 1 else 0 end) as tar,
             100.0 * avg(case when mgdl < 70 then 1 else 0 end) as tbr,
             avg(mgdl) filter (where extract(hour from time at time zone ${tz}) < 6) as overnight
      from glucose_readings
      where user_id = ${userId} and time >= ${from} and time < ${to}
      group by 1),
    s as (
      select ("end" at time zone ${tz})::date as d, sum(asleep_minutes)::int as minutes, avg(quality_score) as quality,
             sum(deep_minutes)::int as deep, sum(rem_minutes)::int as rem
      from sleep_sessions where user_id = ${userId} and "end" >= ${from} and "end" < ${to} group by 1),
    a as (
      select (time at time zone ${tz})::date as d, sum(duration_min) as minutes, sum(steps)::int as steps,
             coalesce(sum(duration_min) filter (where extract(hour from time at time zone ${tz}) >= 17), 0) as evening
      from activities where user_id = ${userId} and time >= ${from} and time < ${to} group by 1),
    st as (select date as d, max(steps)::int as steps from daily_steps where user_id = ${userId} group by 1),
    m as (
      select (time at time zone ${tz})::date as d, sum(carbs_g) as carbs, sum(kcal) as kcal,
             bool_or(extract(hour from time at time zone ${tz}) >= 21) as late,
             max(extract(hour from time at time zone ${tz}) + extract(minute from time at time zone ${tz}) / 60.0) as last_meal
      from meals where user_id = ${userId} and time >= ${from} and time < ${to} group by 1)
    insert into daily_aggregates (user_id, date, readings, mean_mgdl, min_mgdl, max_mgdl, sd_mgdl, tir_percent, tar_percent, tbr_percent,
      overnight_mean_mgdl, sleep_minutes, sleep_quality, deep_sleep_minutes, rem_sleep_minutes, exercise_minutes, evening_exercise_minutes,
      steps, carbs_g, kcal, late_dinner, last_meal_hour, computed_at)
    select ${userId}, days.d, coalesce(g.n, 0), g.mean, g.mn, g.mx, g.sd, g.tir, g.tar, g.tbr, g.overnight,
           s.minutes, s.quality, s.deep, s.rem, a.minutes, a.evening, coalesce(st.steps, a.steps), m.carbs, m.kcal, m.late, m.last_meal, now()
    from days
    left join g on g.d = days.d left join s on s.d = days.d left join a on a.d = days.d
    left join st on st.d = days.d left join m on m.d = days.d
    where g.d is not null or s.d is not null or a.d is not null or st.d is not null or m.d is not null
    on conflict (user_id, date) do update set
      readings = excluded.readings, mean_mgdl = excluded.mean_mgdl, min_mgdl = excluded.min_mgdl, max_mgdl = excluded.max_mgdl,
      sd_mgdl = excluded.sd_mgdl, tir_percent = excluded.tir_percent, tar_percent = excluded.tar_percent, tbr_percent = excluded.tbr_percent,
      overnight_mean_mgdl = excluded.overnight_mean_mgdl, sleep_minutes = excluded.sleep_minutes, sleep_quality = excluded.sleep_quality,
      deep_sleep_minutes = excluded.deep_sleep_minutes, rem_sleep_minutes = excluded.rem_sleep_minutes,
      evening_exercise_minutes = excluded.evening_exercise_minutes,
      exercise_minutes = excluded.exercise_minutes, steps = excluded.steps, carbs_g = excluded.carbs_g, kcal = excluded.kcal,
      late_dinner = excluded.late_dinner, last_meal_hour = excluded.last_meal_hour, computed_at = now()
  `);
  return days.length;
}

export type DailyAggregate = typeof dailyAggregates.$inferSelect;

export async function listDailyAggregates(viewer: Viewer, range: { from: string; to: string }): Promise<DailyAggregate[]> {
  return withViewer(viewer, (tx) =>
    tx
      .select()
      .from(dailyAggregates)
      .where(and(eq(dailyAggregates.userId, viewer.userId), gte(dailyAggregates.date, range.from), lte(dailyAggregates.date, range.to)))
      .orderBy(asc(dailyAggregates.date)),
  );
}

/** All local dates a person has any data on (for a full recompute, e.g. after a timezone change). */
export async function recomputeAllDailyAggregates(viewer: Viewer, timezone: string): Promise<number> {
  return withViewer(viewer, async (tx) => {
    const rows = await tx.execute(sql`
      select distinct (time at time zone ${timezone})::date::text as d from glucose_readings where user_id = ${viewer.userId}
      union select distinct ("end" at time zone ${timezone})::date::text from sleep_sessions where user_id = ${viewer.userId}
      union select distinct (time at time zone ${timezone})::date::text from activities where user_id = ${viewer.userId}
      union select distinct (time at time zone ${timezone})::date::text from meals where user_id = ${viewer.userId}`);
    const dates = (rows as unknown as { rows: { d: string }[] }).rows.map((r) => r.d);
    await tx.delete(dailyAggregates).where(eq(dailyAggregates.userId, viewer.userId));
    return recomputeDailyAggregates(tx, viewer.userId, timezone, dates);
  });
}
