import { ChartSkeleton, PanelSkeleton } from "@/components/intelligence/skeletons";
import { PageHeader } from "@/components/intelligence/page-header";

export default function Loading() {
  return (
    <div className="space-y-6">
      <PageHeader sub title="Patterns" intro="Loading your patterns…" />
      <PanelSkeleton label="correlations" lines={8} />
      <ChartSkeleton label="recurring days" height={360} />
    </div>
  );
}
