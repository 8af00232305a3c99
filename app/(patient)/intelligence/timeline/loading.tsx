import { ChartSkeleton, PanelSkeleton } from "@/components/intelligence/skeletons";
import { PageHeader } from "@/components/intelligence/page-header";

export default function Loading() {
  return (
    <div className="space-y-6">
      <PageHeader sub title="Timeline" intro="Loading your timeline…" />
      <ChartSkeleton label="the timeline" height={340} />
      <PanelSkeleton label="excursions" lines={4} />
    </div>
  );
}
