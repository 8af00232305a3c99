import { Suspense } from "react";
import Link from "next/link";
import { requirePageViewer } from "@/lib/auth/session";
import { Card } from "@/components/ui/primitives";
import { CardsSkeleton, LinesSkeleton } from "@/components/intelligence/skeletons";
import { SectionLinks } from "@/components/intelligence/section-links";
import { PageHeader } from "@/components/intelligence/page-header";
import { PanelBoundary } from "./panel-boundary";
import { todayIn } from "./_data/loaders";
import { AnalysisStatus } from "./_panels/analysis-status";
import { VelocitySummaryPanel } from "./_panels/velocity-panels";
import { TopCorrelationsPanel } from "./_panels/correlation-panels";
import { ShadowPanel } from "./_panels/shadow-panel";

export const metadata = { title: "Intelligence" };

/**
 * Everything at a glance. The heading and the panels' frames render at once; each panel streams in
 * on its own (Suspense) and fails on its own (PanelBoundary), so a slow query delays one box only.
 */
export default async function IntelligencePage() {
  const { viewer, profile } = await requirePageViewer("patient", "admin");
  const now = new Date();
  const tz = profile.timezone;

  return (
    <div className="space-y-6">
      <PageHeader title="Intelligence" intro="What your own data says: how fast things move, what goes with what, and what has gone quiet." />

      <PanelBoundary label="The analysis status">
        <Suspense fallback={null}>
          <AnalysisStatus viewer={viewer} timezone={tz} now={now} />
        </Suspense>
      </PanelBoundary>

      <Card title="Velocity" action={<Link href="/intelligence/velocity" className="text-sm font-semibold text-brand-700 underline">Details</Link>}>
        <p className="mb-3 text-sm text-slate-600">The last 8 weeks, and how fast each metric moves.</p>
        <PanelBoundary label="Velocity">
          <Suspense fallback={<CardsSkeleton label="velocity" />}>
            <VelocitySummaryPanel viewer={viewer} endDate={todayIn(tz, now)} unit={profile.glucoseUnit} />
          </Suspense>
        </PanelBoundary>
      </Card>

      <div className="grid items-start gap-6 lg:grid-cols-2">
        <Card title="Top patterns" action={<Link href="/intelligence/patterns" className="text-sm font-semibold text-brand-700 underline">All patterns</Link>}>
          <p className="mb-3 text-sm text-slate-600">Significant links between your habits and your glucose, strongest evidence first. They show what goes together, not proof of cause.</p>
          <PanelBoundary label="Top patterns">
            <Suspense fallback={<LinesSkeleton label="top patterns" lines={6} />}>
              <TopCorrelationsPanel viewer={viewer} />
            </Suspense>
          </PanelBoundary>
        </Card>
        <Card title="Shadow patterns">
          <p className="mb-3 text-sm text-slate-600">Habits that used to matter for you and have gone quiet.</p>
          <PanelBoundary label="Shadow patterns">
            <Suspense fallback={<LinesSkeleton label="shadow patterns" lines={5} />}>
              <ShadowPanel viewer={viewer} timezone={tz} now={now} limit={3} />
            </Suspense>
          </PanelBoundary>
        </Card>
      </div>

      <SectionLinks />
    </div>
  );
}
