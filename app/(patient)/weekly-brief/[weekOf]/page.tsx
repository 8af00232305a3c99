import Link from "next/link";
import { DateTime } from "luxon";
import { requirePageViewer } from "@/lib/auth/session";
import { WeeklyBriefPage } from "@/components/brief/weekly-brief-page";
import { Card } from "@/components/ui/primitives";

export const metadata = { title: "Weekly brief" };

export default async function WeekBriefPage({ params }: { params: Promise<{ weekOf: string }> }) {
  const { viewer, profile } = await requirePageViewer("patient", "admin");
  const { weekOf: raw } = await params;
  const day = /^\d{4}-\d{2}-\d{2}$/.test(raw) ? DateTime.fromISO(raw, { zone: profile.timezone }) : null;
  if (!day?.isValid) {
    return (
      <Card title="That is not a week">
        <p className="text-slate-700">
          &ldquo;{raw.slice(0, 40)}&rdquo; is not a date. Weeks are named by their Monday, like 2026-11-16.{" "}
          <Link href="/weekly-brief" className="font-semibold text-brand-700 underline">Go to this week&apos;s brief.</Link>
        </p>
      </Card>
    );
  }
  const weekOf = day.startOf("week").toISODate()!;
  const current = DateTime.now().setZone(profile.timezone).startOf("week").toISODate()!;
  return <WeeklyBriefPage viewer={viewer} profile={profile} weekOf={weekOf} isCurrentWeek={weekOf === current} />;
}
