import { requirePageViewer } from "@/lib/auth/session";
import { listMyMentors } from "@/db/queries/mentoring";
import { Card } from "@/components/ui/primitives";
import { AcceptInviteForm, BriefFrequencyForm, CreateTokenForm, ProfileForm } from "./settings-forms";
import { getBriefPreferences } from "@/db/queries/brief-state";
import { changeMentorConsentAction, revokeTokenAction } from "./actions";
import { listAccessTokens } from "@/db/queries/tokens";
import Link from "next/link";

export const metadata = { title: "Settings" };

function ConsentButton({ linkId, change, label, danger }: { linkId: string; change: string; label: string; danger?: boolean }) {
  return (
    <form action={changeMentorConsentAction}>
      <input type="hidden" name="linkId" value={linkId} />
      <input type="hidden" name="change" value={change} />
      <button type="submit" className={`rounded-lg px-3 py-1.5 text-sm font-semibold ring-1 ${danger ? "text-red-700 ring-red-300 hover:bg-red-50" : "text-slate-800 ring-slate-300 hover:bg-slate-50"}`}>
        {label}
      </button>
    </form>
  );
}

export default async function SettingsPage() {
  const { viewer, profile } = await requirePageViewer("patient", "admin");
  const mentors = viewer.role === "patient" ? await listMyMentors(viewer) : [];
  const tokens = await listAccessTokens(viewer);
  const briefPrefs = await getBriefPreferences(viewer);
  const timezones = Intl.supportedValuesOf("timeZone");
  if (!timezones.includes(profile.timezone)) timezones.unshift(profile.timezone);
  const active = mentors.filter((m) => m.status === "active");
  const past = mentors.filter((m) => m.status === "revoked");

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">Settings</h1>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Profile">
          <ProfileForm name={profile.name ?? ""} timezone={profile.timezone} glucoseUnit={profile.glucoseUnit} timezones={timezones} />
        </Card>
        <Card title="Weekly brief">
          <BriefFrequencyForm frequency={briefPrefs.frequency} overlayEnabled={briefPrefs.enabled} />
        </Card>
        {viewer.role === "patient" && (
          <Card title="Mentors" action={<Link href="/mentor-activity" className="text-sm font-semibold text-brand-700 underline">What mentors asked about you</Link>}>
            <p className="mb-4 text-sm text-slate-700">
              A mentor sees your goals and check-ins once you accept their code. You decide whether they also see a glucose
              summary or your journal, and you can revoke access at any time — it stops at once.
            </p>
            <AcceptInviteForm />
            <ul className="mt-5 divide-y divide-slate-200" aria-label="Your mentors">
              {active.map((m) => (
                <li key={m.id} className="space-y-2 py-3">
                  <p className="font-medium">{m.mentorName ?? m.mentorEmail} <span className="text-sm font-normal text-slate-600">since {m.consentedAt.toISOString().slice(0, 10)}</span></p>
                  <p className="text-sm text-slate-700">
                    Sees goals and check-ins{m.shareGlucose ? ", a glucose summary" : ""}{m.shareJournal ? ", your journal" : ""}.
                  </p>
                  <div className="flex flex-wrap gap-2">
                    <ConsentButton linkId={m.id} change={m.shareGlucose ? "hide-glucose" : "share-glucose"} label={m.shareGlucose ? "Stop sharing glucose" : "Share glucose summary"} />
                    <ConsentButton linkId={m.id} change={m.shareJournal ? "hide-journal" : "share-journal"} label={m.shareJournal ? "Stop sharing journal" : "Share journal"} />
                    <ConsentButton linkId={m.id} change="revoke" label="Revoke access" danger />
                  </div>
                </li>
              ))}
              {past.map((m) => (
                <li key={m.id} className="py-3 text-sm text-slate-600">
                  {m.mentorName ?? m.mentorEmail} — access revoked {m.revokedAt?.toISOString().slice(0, 10)}
                </li>
              ))}
              {mentors.length === 0 && <li className="py-3 text-sm text-slate-600">No mentors yet.</li>}
            </ul>
          </Card>
        )}
        <Card title="API tokens" className="lg:col-span-2">
          <p className="mb-4 text-sm text-slate-700">
            Devices and apps send data to Proxima with a personal access token (<Link href="/docs/api" className="font-semibold text-brand-700 underline">API documentation</Link>).
            Only a fingerprint of each token is stored; revoke one the moment a device is lost.
          </p>
          <CreateTokenForm />
          <ul className="mt-5 divide-y divide-slate-200" aria-label="Your API tokens">
            {tokens.map((t) => (
              <li key={t.id} className="flex flex-wrap items-center justify-between gap-2 py-3 text-sm">
                <div>
                  <p className="font-medium">{t.name} <span className="font-mono text-slate-600">{t.prefix}…</span></p>
                  <p className="text-slate-600">
                    {t.scope === "write" ? "Read and write" : "Read only"} · created {t.createdAt.toISOString().slice(0, 10)}
                    {t.lastUsedAt ? ` · last used ${t.lastUsedAt.toISOString().slice(0, 16).replace("T", " ")} UTC` : " · never used"}
                    {t.revokedAt ? ` · revoked ${t.revokedAt.toISOString().slice(0, 10)}` : ""}
                  </p>
                </div>
                {!t.revokedAt && (
                  <form action={revokeTokenAction}>
                    <input type="hidden" name="id" value={t.id} />
                    <button type="submit" className="rounded-lg px-3 py-1.5 font-semibold text-red-700 ring-1 ring-red-300 hover:bg-red-50">Revoke</button>
                  </form>
                )}
              </li>
            ))}
            {tokens.length === 0 && <li className="py-3 text-sm text-slate-600">No tokens yet.</li>}
          </ul>
        </Card>
      </div>
    </div>
  );
}
