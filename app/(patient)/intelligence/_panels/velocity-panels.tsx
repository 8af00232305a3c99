import type { Viewer } from "@/db/queries/context";
import type { GlucoseUnit } from "@/lib/ingest/units";
import { VelocityCards, VelocitySummary, VelocityTable } from "@/components/intelligence/velocity-views";
import { loadVelocity } from "../_data/loaders";

type Props = { viewer: Viewer; endDate: string; unit: GlucoseUnit };

function NoGlucose() {
  return <p className="text-sm text-slate-700">No glucose readings in the last 8 weeks: velocity appears once data arrives.</p>;
}

/** Overview: the three metrics, compact. */
export async function VelocitySummaryPanel({ viewer, endDate, unit }: Props) {
  const velocity = await loadVelocity(viewer.userId, viewer.role, endDate);
  if (velocity.weeks.every((w) => w.readings === 0)) return <NoGlucose />;
  return <VelocitySummary velocity={velocity} unit={unit} />;
}

/** Velocity page: one card per metric. */
export async function VelocityCardsPanel({ viewer, endDate, unit }: Props) {
  const velocity = await loadVelocity(viewer.userId, viewer.role, endDate);
  if (velocity.weeks.every((w) => w.readings === 0)) {
    return (
      <div className="rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
        <NoGlucose />
      </div>
    );
  }
  return <VelocityCards velocity={velocity} unit={unit} />;
}

/** Velocity page: week by week. */
export async function VelocityTablePanel({ viewer, endDate, unit }: Props) {
  const velocity = await loadVelocity(viewer.userId, viewer.role, endDate);
  if (velocity.weeks.every((w) => w.readings === 0)) return <NoGlucose />;
  return <VelocityTable velocity={velocity} unit={unit} />;
}
