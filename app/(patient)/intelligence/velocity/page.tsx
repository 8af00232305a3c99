import { Suspense } from "react";
import { requirePageViewer } from "@/lib/auth/session";
import { Card } from "@/components/ui/primitives";
import { CardsSkeleton, LinesSkeleton } from "@/components/intelligence/skeletons";
import { SectionLinks } from "@/components/intelligence/section-links";
import { PageHeader } from "@/components/intelligence/page-header";
import { MIN_TREND_WEEKS } from "@/lib/analytics/velocity";
import { PanelBoundary } from "../panel-boundary";
import { todayIn } from "../_data/loaders";
import { VelocityCardsPanel, VelocityTablePanel } from "../_panels/velocity-panels";

export const metadata = { title: "Velocity" };

const VELOCITY_INTRO = "How fast time in range, mean glucose and variability move, over the last 8 weeks up to today.";

export default async function VelocityPage() {
  const { viewer, profile } = await requirePageViewer("patient", "admin");
  const endDate = todayIn(profile.timezone);
  const unit = profile.glucoseUnit;

  return (
    <div className="space-y-6">
      <PageHeader sub title="Velocity" intro={VELOCITY_INTRO} />

      <PanelBoundary label="The velocity cards">
        <Suspense fallback={<CardsSkeleton label="velocity" />}>
          <VelocityCardsPanel viewer={viewer} endDate={endDate} unit={unit} />
        </Suspense>
      </PanelBoundary>

      <Card title="Week by week">
        <PanelBoundary label="The weekly table">
          <Suspense fallback={<LinesSkeleton label="weekly figures" lines={8} />}>
            <VelocityTablePanel viewer={viewer} endDate={endDate} unit={unit} />
          </Suspense>
        </PanelBoundary>
      </Card>

      <Card title="How these numbers are made">
        <div className="space-y-2 text-sm text-slate-700">
          <p>
            Each week is 7 days ending on today’s date, so the last week is the most recent one. A week’s figures come from all its readings at
            once (days with more readings weigh more); a week with readings on fewer than 3 days is left out.
          </p>
          <p>
            The speed is the slope of a straight line fitted through the weekly values (least squares), per week. Its 95&nbsp;% interval and
            p-value come from Student’s t-test on the slope with n&nbsp;−&nbsp;2 degrees of freedom. Confidence is high when p&nbsp;&lt;&nbsp;0.01,
            medium when p&nbsp;&lt;&nbsp;0.05, low when p&nbsp;&lt;&nbsp;0.10; otherwise there is no clear trend. A trend needs {MIN_TREND_WEEKS} weeks with data.
          </p>
          <p>Time in range uses the consensus range 70–180&nbsp;mg/dL; CV is the standard deviation divided by the mean (target ≤&nbsp;36&nbsp;%).</p>
        </div>
      </Card>

      <SectionLinks current="/intelligence/velocity" />
    </div>
  );
}
