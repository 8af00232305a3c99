import { Suspense } from "react";
import Link from "next/link";
import { DateTime } from "luxon";
import { requirePageViewer } from "@/lib/auth/session";
import { getDashboardData } from "@/lib/dashboard-data";
import { getOverlayDecision } from "@/db/queries/brief-state";
import { getWeeklyBrief } from "@/db/queries/weekly-brief";
import type { Viewer } from "@/db/queries/context";
import type { Profile } from "@/db/queries/users";
import { formatGlucose } from "@/lib/glucose-format";
import { AgpChart, GlucoseTraceChart, TimeInRangesBar } from "@/components/charts";
import { BriefOverlay } from "@/components/brief/brief-overlay";
import { Card, Notice } from "@/components/ui/primitives";
import { PanelSkeleton } from "@/components/ui/panel-skeleton";
import { TodayHabits } from "@/components/goals/today-habits";
import { loadMemberGoalSummary } from "@/db/queries/goals";

export const metadata = { title: "Dashboard" };

function greeting(hour: number) {
  if (hour < 5) return "Good evening";
  if (hour < 12) return "Good morning";
  if (hour < 18) return "Good afternoon";
  return "Good evening";
}

export default async function DashboardPage() {
  const { viewer, profile } = await requirePageViewer("patient", "admin");
  const now = DateTime.now().setZone(profile.timezone);
  const firstName = (profile.name ?? "").split(" ")[0] || "there";
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">{greeting(now.hour)}, {firstName}</h1>
        <p className="text-sm text-slate-600">{now.toFormat("cccc d LLLL")} · times in {profile.timezone}</p>
      </div>
      <Suspense fallback={null}>
        <WeeklyOverlay viewer={viewer} weekOf={now.startOf("week").toISODate()!} />
      </Suspense>
      <Suspense fallback={<PanelSkeleton rows={2} />}>
        <HabitsToday viewer={viewer} />
      </Suspense>
      <Suspense fallback={<PanelSkeleton rows={6} />}>
        <GlucosePanels viewer={viewer} profile={profile} />
      </Suspense>
    </div>
  );
}

async function WeeklyOverlay({ viewer, weekOf }: { viewer: Viewer; weekOf: string }) {
  const decision = await getOverlayDecision(viewer, weekOf);
  if (!decision.show) return null;
  const brief = await getWeeklyBrief(viewer, weekOf);
  if (!brief) return null;
  return (
    <BriefOverlay
      weekOf={weekOf}
      title={brief.story.title}
      narrative={brief.story.narrative}
      highlights={brief.insights.slice(0, 3).map((i) => ({ title: i.title, description: i.description, tone: i.insightType }))}
    />
  );
}

/** Today's due habits with one-tap check-ins; nothing at all for someone without goals. */
async function HabitsToday({ viewer }: { viewer: Viewer }) {
  if (viewer.role !== "patient") return null;
  const summary = await loadMemberGoalSummary(viewer);
  if (summary.goals.every((g) => g.status !== "active")) return null;
  return (
    <Card title="Today's habits" action={<Link href="/goals" className="text-sm font-semibold text-brand-700 underline">All goals</Link>}>
      <TodayHabits summary={summary} limit={5} />
    </Card>
  );
}

async function GlucosePanels({ viewer, profile }: { viewer: Viewer; profile: Profile }) {
  const unit = profile.glucoseUnit;
  const range = { low: profile.targetLowMgdl, high: profile.targetHighMgdl };
  const data = await getDashboardData(viewer, profile.timezone);
  if (!data.lastReading) {
    return (
      <Card title="No data yet">
        <p className="text-slate-700">
          Proxima has no glucose readings for you yet. <Link href="/data/import" className="font-semibold text-brand-700 underline">Import an export</Link> from
          Dexcom, LibreView, Nightscout or Apple Health, or connect a device through the API — your time in range, AGP and weekly brief then appear here.
        </p>
      </Card>
    );
  }
  const last = new Date(data.lastReading.time);
  const hoursSince = (DateTime.now().toMillis() - data.lastReading.time) / 3_600_000;
  const { metrics, agp, day } = data;
  const overview = { lastReading: data.lastReading, latestSleep: data.latestSleep && { ...data.latestSleep, end: new Date(data.latestSleep.end) }, activitiesLast7d: data.activitiesLast7d, mealsLast7d: data.mealsLast7d };
  const fmtTime = (d: Date) => DateTime.fromJSDate(d).setZone(profile.timezone).toFormat("ccc d LLL, HH:mm");
  const target = (id: string) => metrics?.consensus.find((c) => c.id === id);
  const tiles = metrics
    ? [
        { label: "Mean glucose", value: `${formatGlucose(metrics.mean, unit)} ${unit}`, note: "14 days", met: null },
        { label: "GMI", value: `${metrics.gmi.toFixed(1)} %`, note: "estimated A1c, target < 7 %", met: metrics.gmi < 7 },
        { label: "Variability (CV)", value: `${metrics.cv.toFixed(1)} %`, note: "target ≤ 36 %", met: target("cv")?.met ?? null },
        { label: "Sensor active", value: `${metrics.activePercent.toFixed(0)} %`, note: "target ≥ 70 %", met: target("active")?.met ?? null },
      ]
    : [];

  return (
    <div className="space-y-6">
      <p className="text-sm text-slate-600">
        Latest reading <strong className="text-slate-900">{formatGlucose(overview.lastReading.mgdl, unit)} {unit}</strong> at {fmtTime(last)}.
      </p>
      {hoursSince > 24 && (
        <Notice tone="info">
          Your most recent data is from {fmtTime(last)}, {Math.round(hoursSince / 24)} day{hoursSince >= 48 ? "s" : ""} ago: the charts show the last data we have. <Link href="/data/import" className="font-semibold underline">Import newer data</Link>.
        </Notice>
      )}
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {tiles.map((t) => (
          <Card key={t.label}>
            <p className="text-sm font-medium text-slate-600">{t.label}</p>
            <p className="mt-1 text-2xl font-bold text-slate-900">{t.value}</p>
            <p className={`text-xs ${t.met === null ? "text-slate-600" : t.met ? "text-green-800" : "text-red-700"}`}>
              {t.met === null ? "" : t.met ? "✓ " : "✗ "}{t.note}
            </p>
          </Card>
        ))}
      </div>
      <div className="grid gap-6 lg:grid-cols-3">
        <Card title="Last 24 hours" className="lg:col-span-2">
          <GlucoseTraceChart times={day.times} values={day.values} unit={unit} timezone={profile.timezone} low={range.low} high={range.high} zoomable={false} />
        </Card>
        <Card title="Time in ranges · 14 days">
          {metrics ? <TimeInRangesBar ranges={metrics.timeInRanges} unit={unit} /> : <p className="text-sm text-slate-600">Not enough readings yet.</p>}
        </Card>
      </div>
      <Card title="Ambulatory glucose profile · 14 days">
        {agp ? <AgpChart agp={agp} unit={unit} low={range.low} high={range.high} /> : <p className="text-sm text-slate-600">The AGP needs a few days of readings.</p>}
      </Card>
      <div className="grid gap-4 sm:grid-cols-3">
        <Card title="Latest sleep">
          {overview.latestSleep ? (
            <>
              <p className="text-2xl font-bold">{overview.latestSleep.asleepMinutes === null ? "—" : `${Math.floor(overview.latestSleep.asleepMinutes / 60)} h ${overview.latestSleep.asleepMinutes % 60} min`}</p>
              <p className="text-sm text-slate-600">ended {fmtTime(overview.latestSleep.end)}</p>
            </>
          ) : (
            <p className="text-sm text-slate-600">No sleep recorded yet.</p>
          )}
        </Card>
        <Card title="Activity">
          <p className="text-2xl font-bold">{overview.activitiesLast7d}</p>
          <p className="text-sm text-slate-600">activities in the last 7 days</p>
        </Card>
        <Card title="Meals">
          <p className="text-2xl font-bold">{overview.mealsLast7d}</p>
          <p className="text-sm text-slate-600">meals logged in the last 7 days</p>
        </Card>
      </div>
    </div>
  );
}
