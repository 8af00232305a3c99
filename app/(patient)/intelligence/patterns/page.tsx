import { Suspense } from "react";
import { requirePageViewer } from "@/lib/auth/session";
import { Card } from "@/components/ui/primitives";
import { ChartSkeleton, LinesSkeleton } from "@/components/intelligence/skeletons";
import { SectionLinks } from "@/components/intelligence/section-links";
import { PageHeader } from "@/components/intelligence/page-header";
import { parseMotifIndex, parseShowAll } from "@/components/intelligence/pattern-data";
import { PanelBoundary } from "../panel-boundary";
import { AnalysisStatus } from "../_panels/analysis-status";
import { CorrelationTablePanel } from "../_panels/correlation-panels";
import { AnomalyPanel, CausalPanel, MotifPanel, RulesPanel } from "../_panels/pattern-panels";
import { ShadowPanel } from "../_panels/shadow-panel";

export const metadata = { title: "Patterns" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The address of this page with some parameters changed (the others kept), and an anchor. */
function hrefWith(current: { all: boolean; motif: number }, change: Partial<{ all: boolean; motif: number }>, anchor: string) {
  const next = { ...current, ...change };
  const params = new URLSearchParams();
  if (next.all) params.set("all", "1");
  if (next.motif > 1) params.set("motif", String(next.motif));
  const query = params.toString();
  return `/intelligence/patterns${query ? `?${query}` : ""}#${anchor}`;
}

export default async function PatternsPage({ searchParams }: { searchParams: SearchParams }) {
  const { viewer, profile } = await requirePageViewer("patient", "admin");
  const params = await searchParams;
  const showAll = parseShowAll(params.all);
  // The motif list is only known inside its panel; out-of-range indexes fall back to the first there.
  const motifIndex = parseMotifIndex(params.motif, 50);
  const current = { all: showAll, motif: motifIndex + 1 };
  const now = new Date();
  const tz = profile.timezone;

  return (
    <div className="space-y-6">
      <PageHeader sub title="Patterns" intro="What goes with what in your data, what recurs, and what has gone quiet." />

      <PanelBoundary label="The analysis status">
        <Suspense fallback={null}>
          <AnalysisStatus viewer={viewer} timezone={tz} now={now} />
        </Suspense>
      </PanelBoundary>

      <div id="correlations" className="scroll-mt-4">
        <Card title="Lagged correlations">
          <p className="mb-3 text-sm text-slate-600">
            Each habit is compared with each glucose outcome on the same day and up to 3 days later (Spearman’s ρ). With so many comparisons
            some would look strong by chance: q is the false-discovery-adjusted p-value, and only q &lt; 0.05 counts as significant.
          </p>
          <PanelBoundary label="The correlations">
            <Suspense fallback={<LinesSkeleton label="correlations" lines={8} />}>
              <CorrelationTablePanel viewer={viewer} showAll={showAll} toggleHref={hrefWith(current, { all: !showAll }, "correlations")} />
            </Suspense>
          </PanelBoundary>
        </Card>
      </div>

      <div id="motifs" className="scroll-mt-4">
        <Card title="Recurring days">
          <p className="mb-3 text-sm text-slate-600">Day-long glucose shapes that come back (matrix-profile motifs), drawn on the days they occur.</p>
          <PanelBoundary label="The recurring days">
            <Suspense key={motifIndex} fallback={<ChartSkeleton label="recurring days" height={360} />}>
              <MotifPanel
                viewer={viewer}
                timezone={tz}
                unit={profile.glucoseUnit}
                low={profile.targetLowMgdl}
                high={profile.targetHighMgdl}
                motifIndex={motifIndex}
                hrefFor={(n) => hrefWith(current, { motif: n }, "motifs")}
              />
            </Suspense>
          </PanelBoundary>
        </Card>
      </div>

      <div className="grid items-start gap-6 lg:grid-cols-2">
        <Card title="Unusual days">
          <p className="mb-3 text-sm text-slate-600">The stretches least like any other (matrix-profile discords).</p>
          <PanelBoundary label="The unusual days">
            <Suspense fallback={<LinesSkeleton label="unusual days" />}>
              <AnomalyPanel viewer={viewer} />
            </Suspense>
          </PanelBoundary>
        </Card>
        <Card title="Association rules">
          <p className="mb-3 text-sm text-slate-600">Combinations of habits that go with good or bad glucose days more often than usual (apriori).</p>
          <PanelBoundary label="The association rules">
            <Suspense fallback={<LinesSkeleton label="association rules" lines={5} />}>
              <RulesPanel viewer={viewer} />
            </Suspense>
          </PanelBoundary>
        </Card>
        <Card title="Causal links">
          <p className="mb-3 text-sm text-slate-600">
            Links that survive conditioning on your other habits and on the past (PCMCI with partial correlation): stronger evidence than a
            correlation, still not a controlled experiment.
          </p>
          <PanelBoundary label="The causal links">
            <Suspense fallback={<LinesSkeleton label="causal links" />}>
              <CausalPanel viewer={viewer} />
            </Suspense>
          </PanelBoundary>
        </Card>
        <div id="shadow" className="scroll-mt-4">
          <Card title="Shadow patterns">
            <p className="mb-3 text-sm text-slate-600">Habits that used to matter for you and have gone quiet, from your latest weekly brief.</p>
            <PanelBoundary label="The shadow patterns">
              <Suspense fallback={<LinesSkeleton label="shadow patterns" lines={5} />}>
                <ShadowPanel viewer={viewer} timezone={tz} now={now} />
              </Suspense>
            </PanelBoundary>
          </Card>
        </div>
      </div>

      <SectionLinks current="/intelligence/patterns" />
    </div>
  );
}
