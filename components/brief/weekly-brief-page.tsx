import Link from "next/link";
import { getWeeklyBrief, listBriefWeeks } from "@/db/queries/weekly-brief";
import { getBriefRefreshUsage } from "@/db/queries/brief-refresh";
import type { Viewer } from "@/db/queries/context";
import type { Profile } from "@/db/queries/users";
import { Card } from "@/components/ui/primitives";
import { BriefView, WeekNav } from "./brief-view";
import { PersonalNoteForm, RefreshButton } from "./brief-controls";

/** /weekly-brief and /weekly-brief/[weekOf] share this: one week's brief, its note, navigation and refresh. */
export async function WeeklyBriefPage({ viewer, profile, weekOf, isCurrentWeek }: { viewer: Viewer; profile: Profile; weekOf: string; isCurrentWeek: boolean }) {
  const [brief, weeks, usage] = await Promise.all([getWeeklyBrief(viewer, weekOf), listBriefWeeks(viewer), getBriefRefreshUsage(viewer, weekOf)]);
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold tracking-tight">Weekly brief</h1>
          <p className="text-sm text-slate-600">Week of {weekOf}{isCurrentWeek ? " (this week)" : ""}</p>
        </div>
        {isCurrentWeek && <RefreshButton remaining={usage.remaining} />}
      </div>
      <WeekNav weekOf={weekOf} weeks={weeks.map((w) => w.weekOf).concat(weekOf)} />
      {brief ? (
        <>
          <BriefView brief={brief} timezone={profile.timezone} />
          <Card title="Your note">
            <PersonalNoteForm weekOf={weekOf} note={brief.story.personalNote} />
          </Card>
        </>
      ) : (
        <Card title="No brief for this week yet">
          <p className="text-slate-700">
            Briefs are written every Monday from the week&apos;s data.{" "}
            {isCurrentWeek ? "You can ask for this week's now with the refresh button above." : "There was no brief for this week."}{" "}
            {weeks[0] ? <Link href={`/weekly-brief/${weeks[0].weekOf}`} className="font-semibold text-brand-700 underline">Read the latest one (week of {weeks[0].weekOf}).</Link> : "Import some data first: the brief needs a few days of readings."}
          </p>
        </Card>
      )}
    </div>
  );
}
