import { DateTime } from "luxon";
import type { Viewer } from "@/db/queries/context";
import { loadGlucoseSeries } from "@/db/queries/glucose";
import { listTimelineEvents } from "@/db/queries/intelligence-views";
import { GlucoseTraceChart } from "@/components/charts";
import { ExcursionSummary } from "@/components/intelligence/excursion-summary";
import { toChartEvents } from "@/components/intelligence/timeline-events";
import { computeEpisodes, type EpisodeSummary } from "@/lib/analytics/glucose";
import { isAppError } from "@/lib/errors";
import type { GlucoseUnit } from "@/lib/ingest/units";

/**
 * The last `days` local days (today included) on one time axis: the glucose trace, meals, workouts
 * and nights as marks and spans, and the period's excursions counted below.
 */
export async function TimelinePanel({ viewer, timezone, unit, low, high, days, now }: {
  viewer: Viewer;
  timezone: string;
  unit: GlucoseUnit;
  low: number;
  high: number;
  days: number;
  now: Date;
}) {
  const end = DateTime.fromJSDate(now, { zone: timezone }).startOf("day").plus({ days: 1 });
  const range = { start: end.minus({ days }).toJSDate(), end: end.toJSDate() };
  const [series, events] = await Promise.all([loadGlucoseSeries(viewer, range), listTimelineEvents(viewer, range)]);

  let episodes: EpisodeSummary[] | null = null;
  if (series.values.length >= 2) {
    try {
      episodes = computeEpisodes(series, { timezone });
    } catch (e) {
      if (!isAppError(e)) throw e;
    }
  }
  const counts = [
    [events.meals.length, "meal", "meals"],
    [events.activities.length, "workout", "workouts"],
    [events.sleep.length, "night", "nights"],
  ] as const;

  return (
    <div className="space-y-5">
      <section aria-labelledby="timeline-chart-heading" className="rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:p-5">
        <h2 id="timeline-chart-heading" className="text-base font-semibold text-slate-900">Glucose and events</h2>
        <p className="mt-1 text-sm text-slate-700">
          {counts.map(([n, one, many]) => `${n.toLocaleString("en")} ${n === 1 ? one : many}`).join(" · ")} · {series.values.length.toLocaleString("en")} readings
        </p>
        <GlucoseTraceChart
          times={Array.from(series.times)}
          values={Array.from(series.values)}
          unit={unit}
          timezone={timezone}
          low={low}
          high={high}
          events={toChartEvents(events)}
          title={`Glucose over the last ${days} days`}
          height={300}
          className="mt-2"
        />
      </section>
      <section aria-labelledby="excursions-heading" className="rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:p-5">
        <h2 id="excursions-heading" className="text-base font-semibold text-slate-900">Glucose excursions</h2>
        {episodes ? (
          <>
            <p className="mb-2 mt-1 text-sm text-slate-700">Episodes of at least 15 minutes beyond a threshold (international consensus 2023, as iglu counts them).</p>
            <ExcursionSummary episodes={episodes} days={days} unit={unit} />
          </>
        ) : (
          <p className="mt-1 text-sm text-slate-700">No glucose readings in this period.</p>
        )}
      </section>
    </div>
  );
}
