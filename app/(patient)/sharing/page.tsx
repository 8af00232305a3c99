import { DateTime } from "luxon";
import { requirePageViewer } from "@/lib/auth/session";
import { listShareLinks, SHARE_EXPIRY_DAYS, type ShareLinkSummary } from "@/db/queries/sharing";
import { Card } from "@/components/ui/primitives";
import { revokeShareLinkAction } from "./actions";
import { SharingForm } from "./sharing-form";
import { listBriefWeeks } from "@/db/queries/weekly-brief";

export const metadata = { title: "Share with your doctor" };

const STATUS_LABEL: Record<ShareLinkSummary["status"], string> = { active: "Active", expired: "Expired", revoked: "Revoked" };

function formatDay(d: Date, timezone: string): string {
  return DateTime.fromJSDate(d, { zone: timezone }).toFormat("d LLL yyyy", { locale: "en-GB" });
}

function LinkRow({ link, timezone }: { link: ShareLinkSummary; timezone: string }) {
  return (
    <li className="flex flex-wrap items-center justify-between gap-3 py-3" data-testid="share-link-row" data-status={link.status}>
      <div className="text-sm">
        <p className="font-medium text-slate-900">
          {link.periodStart} → {link.periodEnd}
          {link.recipientEmail && <span className="font-normal text-slate-600"> · sent to {link.recipientEmail}</span>}
        </p>
        <p className="text-slate-600">
          {STATUS_LABEL[link.status]} · created {formatDay(link.createdAt, timezone)} ·{" "}
          {link.status === "revoked" && link.revokedAt ? `revoked ${formatDay(link.revokedAt, timezone)}` : `${link.status === "expired" ? "expired" : "expires"} ${formatDay(link.expiresAt, timezone)}`} ·{" "}
          <span data-testid="share-views">{link.views} view{link.views === 1 ? "" : "s"}</span>
          {link.lastViewedAt && <> (last {formatDay(link.lastViewedAt, timezone)})</>}
        </p>
      </div>
      {link.status === "active" && (
        <form action={revokeShareLinkAction}>
          <input type="hidden" name="linkId" value={link.id} />
          <button type="submit" className="rounded-lg px-3 py-1.5 text-sm font-semibold text-red-700 ring-1 ring-red-300 hover:bg-red-50">
            Revoke
          </button>
        </form>
      )}
    </li>
  );
}

export default async function SharingPage() {
  const { viewer, profile } = await requirePageViewer("patient");
  const links = await listShareLinks(viewer);
  const today = DateTime.now().setZone(profile.timezone).startOf("day");
  const active = links.filter((l) => l.status === "active");
  const past = links.filter((l) => l.status !== "active");

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">Share with your doctor</h1>
      <Card title="New report link">
        <p className="mb-4 text-sm text-slate-700">
          Your doctor opens the link without an account and sees the same report as the PDF. Only you can revoke it; it stops
          working at once. Every opening is logged below.
        </p>
        <SharingForm defaultFrom={today.minus({ days: 13 }).toISODate()!} defaultTo={today.toISODate()!} defaultExpiry={SHARE_EXPIRY_DAYS.default} weeks={(await listBriefWeeks(viewer)).map((w) => ({ weekOf: w.weekOf, title: w.title }))} />
      </Card>
      <Card title="Active links">
        {active.length === 0 ? <p className="text-sm text-slate-600">No active links.</p> : <ul className="divide-y divide-slate-200">{active.map((l) => <LinkRow key={l.id} link={l} timezone={profile.timezone} />)}</ul>}
      </Card>
      {past.length > 0 && (
        <Card title="Past links">
          <ul className="divide-y divide-slate-200">{past.map((l) => <LinkRow key={l.id} link={l} timezone={profile.timezone} />)}</ul>
        </Card>
      )}
    </div>
  );
}
