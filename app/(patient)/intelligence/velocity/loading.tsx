import { PageHeader } from "@/components/intelligence/page-header";
import { CardsSkeleton, PanelSkeleton } from "@/components/intelligence/skeletons";

export default function Loading() {
  return (
    <div className="space-y-6">
      <PageHeader sub title="Velocity" intro="Loading the last 8 weeks…" />
      <CardsSkeleton label="velocity" />
      <PanelSkeleton label="weekly figures" lines={8} />
    </div>
  );
}
