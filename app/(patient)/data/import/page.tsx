import Link from "next/link";
import { requirePageViewer } from "@/lib/auth/session";
import { Card } from "@/components/ui/primitives";
import { ImportUploader } from "./import-uploader";

export const metadata = { title: "Import data" };

export default async function ImportPage() {
  const { profile } = await requirePageViewer("patient", "admin");
  const timezones = Intl.supportedValuesOf("timeZone");
  if (!timezones.includes(profile.timezone)) timezones.unshift(profile.timezone);
  return (
    <div className="space-y-6">
      <div>
        <Link href="/data" className="text-sm font-semibold text-brand-700">← Your data</Link>
        <h1 className="mt-1 text-2xl font-bold tracking-tight">Import a file</h1>
        <p className="text-sm text-slate-600">Re-importing the same file is safe: records already stored are recognized and skipped.</p>
      </div>
      <Card>
        <ImportUploader timezone={profile.timezone} timezones={timezones} />
      </Card>
    </div>
  );
}
