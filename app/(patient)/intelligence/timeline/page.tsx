import { Suspense } from "react";
import { requirePageViewer } from "@/lib/auth/session";
import { ChartSkeleton, PanelSkeleton } from "@/components/intelligence/skeletons";
import { SectionLinks } from "@/components/intelligence/section-links";
import { PageHeader } from "@/components/intelligence/page-header";
import { RangePicker } from "@/components/intelligence/range-picker";
import { parseTimelineDays } from "@/components/intelligence/timeline-events";
import { PanelBoundary } from "../panel-boundary";
import { TimelinePanel } from "../_panels/timeline-panel";

export const metadata = { title: "Timeline" };

export default async function TimelinePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { viewer, profile } = await requirePageViewer("patient", "admin");
  const days = parseTimelineDays((await searchParams).days);

  return (
    <div className="space-y-6">
      <PageHeader sub title="Timeline" intro={`Meals, workouts, sleep and glucose on one time axis: the last ${days} days.`}>
        <RangePicker current={days} basePath="/intelligence/timeline" />
      </PageHeader>

      <PanelBoundary label="The timeline">
        {/* A new range shows the skeleton again instead of the old chart under new words. */}
        <Suspense key={days} fallback={<div className="space-y-5"><ChartSkeleton label="the timeline" height={340} /><PanelSkeleton label="excursions" lines={4} /></div>}>
          <TimelinePanel
            viewer={viewer}
            timezone={profile.timezone}
            unit={profile.glucoseUnit}
            low={profile.targetLowMgdl}
            high={profile.targetHighMgdl}
            days={days}
            now={new Date()}
          />
        </Suspense>
      </PanelBoundary>

      <SectionLinks current="/intelligence/timeline" />
    </div>
  );
}
