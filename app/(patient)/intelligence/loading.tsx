import { PageHeader } from "@/components/intelligence/page-header";
import { CardsSkeleton, PanelSkeleton } from "@/components/intelligence/skeletons";

/** Route transition into /intelligence: the page's shape at once. */
export default function Loading() {
  return (
    <div className="space-y-6">
      <PageHeader title="Intelligence" intro="Loading your intelligence…" />
      <CardsSkeleton label="velocity" />
      <div className="grid gap-6 lg:grid-cols-2">
        <PanelSkeleton label="top patterns" lines={6} />
        <PanelSkeleton label="shadow patterns" lines={5} />
      </div>
    </div>
  );
}
