import { DateTime } from "luxon";
import { requirePageViewer } from "@/lib/auth/session";
import { enableBriefOverlay } from "@/db/queries/brief-state";
import { WeeklyBriefPage } from "@/components/brief/weekly-brief-page";

export const metadata = { title: "Weekly brief" };

export default async function CurrentWeeklyBriefPage() {
  const { viewer, profile } = await requirePageViewer("patient", "admin");
  // Coming here on purpose turns the dashboard's weekly pop-up back on.
  await enableBriefOverlay(viewer);
  const weekOf = DateTime.now().setZone(profile.timezone).startOf("week").toISODate()!;
  return <WeeklyBriefPage viewer={viewer} profile={profile} weekOf={weekOf} isCurrentWeek />;
}
