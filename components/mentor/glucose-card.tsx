import type { MenteeDetail } from "@/db/queries/mentor-view";
import { formatGlucose } from "@/lib/glucose-format";

/** The 14-day glucose summary a mentee chose to share, or a plain statement that they did not. */
export function GlucoseCard({ glucose, unit }: { glucose: MenteeDetail["glucose"]; unit: "mg/dL" | "mmol/L" }) {
  if (!glucose.shared) {
    return <p className="text-sm text-slate-700" data-testid="glucose-not-shared">Not shared with you. The member decides in their settings whether you may see a glucose summary.</p>;
  }
  const s = glucose.summary;
  if (!s) return <p className="text-sm text-slate-700" data-testid="glucose-summary">No glucose readings in the last 14 days.</p>;
  const cells = [
    ["Mean glucose", `${formatGlucose(s.meanMgdl, unit)} ${unit}`],
    ["Time in range 70–180", `${Math.round(s.tirPercent)} %`],
    ["GMI", s.gmi === null ? "—" : `${s.gmi.toFixed(1)} %`],
    ["Days with data", `${s.days} of 14`],
  ] as const;
  return (
    <div className="space-y-2" data-testid="glucose-summary">
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {cells.map(([label, value]) => (
          <div key={label} className="rounded-lg bg-slate-50 p-3">
            <dt className="text-xs font-medium text-slate-600">{label}</dt>
            <dd className="text-lg font-bold text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>
      <p className="text-xs text-slate-600">
        {s.from} to {s.to}.{s.gmi === null && " GMI needs at least 10 days of readings."}
      </p>
    </div>
  );
}
