import { DateTime } from "luxon";
import { requirePageViewer } from "@/lib/auth/session";
import { listExportHistory, listShareLinks, listShareViewsByLink, SHARE_EXPIRY_DAYS, type ShareLinkSummary, type ShareViewRow } from "@/db/queries/sharing";
import { Card } from "@/components/ui/primitives";
import { revokeShareLinkAction } from "./actions";
import { SharingForm } from "./sharing-form";
import { listBriefWeeks } from "@/db/queries/weekly-brief";
import { describeExport, describeView } from "./view-log";

/** Openings listed per link (the count above them is the whole number). */
const VIEWS_LISTED = 20;
/** Exports listed, newest first. */
const EXPORTS_LISTED = 30;

export const metadata = { title: "Share with your doctor" };

const STATUS_LABEL: Record<ShareLinkSummary["status"], string> = { active: "Active", expired: "Expired", revoked: "Revoked" };

function formatDay(d: Date, timezone: string): string {
  return DateTime.fromJSDate(d, { zone: timezone }).toFormat("d LLL yyyy", { locale: "en-GB" });
}

function LinkRow({ link, views, timezone }: { link: ShareLinkSummary; views: ShareViewRow[]; timezone: string }) {
  return (
    <li className="flex flex-wrap items-start justify-between gap-3 py-3" data-testid="share-link-row" data-status={link.status}>
      <div className="min-w-0 text-sm">
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
        {views.length > 0 && <ViewLog views={views} total={link.views} timezone={timezone} />}
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

function ViewLog({ views, total, timezone }: { views: ShareViewRow[]; total: number; timezone: string }) {
  return (
    <details className="mt-1" data-testid="share-view-log">
      <summary className="cursor-pointer text-brand-700">Who opened it</summary>
      <ul className="mt-1 space-y-0.5 text-slate-700">
        {views.map((v, i) => {
          const line = describeView(v, timezone);
          return (
            <li key={i}>
              {line.when} · {line.what} · {line.browser} · <span title="A fingerprint of the network address, not the address itself">{line.network}</span>
            </li>
          );
        })}
      </ul>
      {total > views.length && <p className="mt-1 text-xs text-slate-600">The latest {views.length} of {total} openings.</p>}
    </details>
  );
}

export default async function SharingPage() {
  const { viewer, profile } = await requirePageViewer("patient");
  const links = await listShareLinks(viewer);
  const [views, exports, weeks] = await Promise.all([
    listShareViewsByLink(viewer, links.filter((l) => l.views > 0).map((l) => l.id), VIEWS_LISTED),
    listExportHistory(viewer, EXPORTS_LISTED),
    listBriefWeeks(viewer),
  ]);
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
        <SharingForm defaultFrom={today.minus({ days: 13 }).toISODate()!} defaultTo={today.toISODate()!} defaultExpiry={SHARE_EXPIRY_DAYS.default} weeks={weeks.map((w) => ({ weekOf: w.weekOf, title: w.title }))} defaultUnit={profile.glucoseUnit} />
      </Card>
      <Card title="Active links">
        {active.length === 0 ? <p className="text-sm text-slate-600">No active links.</p> : <ul className="divide-y divide-slate-200">{active.map((l) => <LinkRow key={l.id} link={l} views={views.get(l.id) ?? []} timezone={profile.timezone} />)}</ul>}
      </Card>
      {past.length > 0 && (
        <Card title="Past links">
          <ul className="divide-y divide-slate-200">{past.map((l) => <LinkRow key={l.id} link={l} views={views.get(l.id) ?? []} timezone={profile.timezone} />)}</ul>
        </Card>
      )}
      {exports.length > 0 && (
        <Card title="Export history">
          <ul className="divide-y divide-slate-200 text-sm" data-testid="export-history">
            {exports.map((e) => {
              const line = describeExport(e, profile.timezone);
              return (
                <li key={e.id} className="flex flex-wrap justify-between gap-x-3 py-2">
                  <span className="text-slate-900">
                    {line.what}
                    {line.period && <span className="text-slate-600"> · {line.period}</span>}
                  </span>
                  <span className="text-slate-600">{line.when}</span>
                </li>
              );
            })}
          </ul>
        </Card>
      )}
    </div>
  );
}
