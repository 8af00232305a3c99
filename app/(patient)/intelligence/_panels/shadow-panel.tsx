import Link from "next/link";
import type { Viewer } from "@/db/queries/context";
import { ShadowPatternList } from "@/components/intelligence/shadow-pattern-list";
import { StaleBanner } from "@/components/intelligence/stale-banner";
import { ButtonLink } from "@/components/ui/primitives";
import { formatLocalDate, isStale } from "@/components/intelligence/intelligence-format";
import { loadShadowPatterns } from "../_data/loaders";

/** The latest weekly brief's shadow patterns, with the week they come from (and a banner when it is old). */
export async function ShadowPanel({ viewer, timezone, now, limit }: { viewer: Viewer; timezone: string; now: Date; limit?: number }) {
  const latest = await loadShadowPatterns(viewer.userId, viewer.role);
  if (!latest) {
    return (
      <p className="text-sm text-slate-700">
        Shadow patterns — habits that used to matter for you and have gone quiet — come with your weekly brief. The first one is made on
        Monday; you can also make it now on the <Link href="/weekly-brief" className="font-semibold text-brand-700 underline">weekly brief</Link> page.
      </p>
    );
  }
  const shown = limit ? latest.patterns.slice(0, limit) : latest.patterns;
  return (
    <div className="space-y-3">
      {isStale(latest.generatedAt, now) && (
        <StaleBanner
          what="shadow patterns"
          madeAt={latest.generatedAt}
          now={now}
          timezone={timezone}
          action={<ButtonLink href="/weekly-brief" variant="secondary">Open the weekly brief</ButtonLink>}
        />
      )}
      <p className="text-xs text-slate-600">
        From the <Link href={`/weekly-brief/${latest.weekOf}`} className="font-semibold text-brand-700 underline">brief for the week of {formatLocalDate(latest.weekOf)}</Link>.
      </p>
      {shown.length === 0 ? (
        <p className="text-sm text-slate-700">No habit has gone quiet: everything that mattered for you is still happening.</p>
      ) : (
        <ShadowPatternList patterns={shown} />
      )}
      {limit && latest.patterns.length > limit && (
        <Link href="/intelligence/patterns#shadow" className="text-sm font-semibold text-brand-700 underline">All {latest.patterns.length} shadow patterns</Link>
      )}
    </div>
  );
}
