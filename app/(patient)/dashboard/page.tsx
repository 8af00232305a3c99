import { requirePageViewer } from "@/lib/auth/session";
import { getDashboardOverview } from "@/db/queries/dashboard";
import { Card } from "@/components/ui/primitives";
import { formatGlucose } from "@/lib/glucose-format";
import { DateTime } from "luxon";

export const metadata = { title: "Dashboard" };

function greeting(hour: number) {
  if (hour < 5) return "Good evening";
  if (hour < 12) return "Good morning";
  if (hour < 18) return "Good afternoon";
  return "Good evening";
}

export default async function DashboardPage() {
  const { viewer, profile } = await requirePageViewer("patient", "admin");
  const overview = await getDashboardOverview(viewer, { low: profile.targetLowMgdl, high: profile.targetHighMgdl });
  const now = DateTime.now().setZone(profile.timezone);
  const firstName = (profile.name ?? "").split(" ")[0] || "there";
  const unit = profile.glucoseUnit;
  const fmtTime = (d: Date) => DateTime.fromJSDate(d).setZone(profile.timezone).toFormat("ccc d LLL, HH:mm");

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">{greeting(now.hour)}, {firstName}</h1>
        <p className="text-sm text-slate-600">{now.toFormat("cccc d LLLL")} · times in {profile.timezone}</p>
      </div>

      {overview.readingCount === 0 ? (
        <Card title="No data yet">
          <p className="text-slate-700">
            Proxima has no glucose readings for you yet. Once your CGM data arrives — from a Dexcom, LibreView, Nightscout or
            Apple Health export, or from a device through the API — your time in range, patterns and weekly brief appear here.
          </p>
        </Card>
      ) : (
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <Card title="Latest reading">
            <p className="text-3xl font-bold">{formatGlucose(overview.lastReading?.mgdl, unit)} <span className="text-base font-medium text-slate-600">{unit}</span></p>
            <p className="text-sm text-slate-600">{overview.lastReading && fmtTime(overview.lastReading.time)}</p>
          </Card>
          <Card title="Last 24 hours">
            <p className="text-3xl font-bold">{overview.last24h.tirPercent === null ? "—" : `${Math.round(overview.last24h.tirPercent)} %`}</p>
            <p className="text-sm text-slate-600">in range · mean {formatGlucose(overview.last24h.mean, unit)} {unit}</p>
          </Card>
          <Card title="Last 14 days">
            <p className="text-3xl font-bold">{overview.last14d.tirPercent === null ? "—" : `${Math.round(overview.last14d.tirPercent)} %`}</p>
            <p className="text-sm text-slate-600">in range (target &gt; 70 %) · {overview.last14d.n.toLocaleString("en")} readings</p>
          </Card>
          <Card title="Latest sleep">
            {overview.latestSleep ? (
              <>
                <p className="text-3xl font-bold">
                  {overview.latestSleep.asleepMinutes === null ? "—" : `${Math.floor(overview.latestSleep.asleepMinutes / 60)} h ${overview.latestSleep.asleepMinutes % 60} min`}
                </p>
                <p className="text-sm text-slate-600">ended {fmtTime(overview.latestSleep.end)}</p>
              </>
            ) : (
              <p className="text-sm text-slate-600">No sleep recorded yet.</p>
            )}
          </Card>
          <Card title="This week" className="sm:col-span-2">
            <p className="text-slate-700">{overview.activitiesLast7d} activities and {overview.mealsLast7d} meals logged in the last 7 days.</p>
          </Card>
        </div>
      )}
    </div>
  );
}
