import type { Viewer } from "@/db/queries/context";
import { CorrelationTable, TopCorrelationList } from "@/components/intelligence/pattern-views";
import { sortCorrelations } from "@/components/intelligence/pattern-data";
import { loadCorrelations } from "../_data/loaders";

/** Overview: the five strongest significant links in words. */
export async function TopCorrelationsPanel({ viewer, limit = 5 }: { viewer: Viewer; limit?: number }) {
  const rows = await loadCorrelations(viewer.userId, viewer.role);
  const top = sortCorrelations(rows.filter((r) => r.significant)).slice(0, limit);
  if (rows.length === 0) return <p className="text-sm text-slate-700">No links tested yet: they appear after the first analysis.</p>;
  if (top.length === 0) {
    return <p className="text-sm text-slate-700">{rows.length} links were tested; none is significant yet. More days of data make weaker links visible.</p>;
  }
  return <TopCorrelationList rows={top} />;
}

/** Patterns page: the table, significant only unless `showAll`. */
export async function CorrelationTablePanel({ viewer, showAll, toggleHref }: { viewer: Viewer; showAll: boolean; toggleHref: string }) {
  const rows = sortCorrelations(await loadCorrelations(viewer.userId, viewer.role));
  if (rows.length === 0) return <p className="text-sm text-slate-700">No links tested yet: they appear after the first analysis.</p>;
  const significant = rows.filter((r) => r.significant);
  return (
    <CorrelationTable
      rows={showAll ? rows : significant}
      showAll={showAll}
      totalCount={rows.length}
      significantCount={significant.length}
      toggleHref={toggleHref}
    />
  );
}
