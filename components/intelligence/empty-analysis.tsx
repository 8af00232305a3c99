import type { ReactNode } from "react";
import { ButtonLink } from "@/components/ui/primitives";

/**
 * The first visit: nothing has been analyzed yet. With glucose data, the next step is to run the
 * analysis (`action`); without any, it is to bring data in.
 */
export function EmptyAnalysis({ glucoseDays, action }: { glucoseDays: number; action: ReactNode }) {
  return (
    <section aria-labelledby="empty-analysis-heading" className="rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
      <h2 id="empty-analysis-heading" className="text-base font-semibold text-slate-900">Nothing discovered yet</h2>
      {glucoseDays === 0 ? (
        <>
          <p className="mt-2 text-sm text-slate-700">
            Proxima looks for patterns in your own glucose, sleep, activity and meals. It has no glucose readings for you yet: import an
            export from your CGM (Dexcom, LibreView, Nightscout, Apple Health) or connect a device, and come back here.
          </p>
          <ButtonLink href="/data/import" className="mt-4">Import data</ButtonLink>
        </>
      ) : (
        <>
          <p className="mt-2 text-sm text-slate-700">
            You have {glucoseDays} {glucoseDays === 1 ? "day" : "days"} of glucose data. An analysis looks for links between your habits and
            your glucose (with false-discovery control), recurring days and unusual ones. It runs every night and week on its own, or now:
            it usually takes under a minute.
          </p>
          {glucoseDays < 14 && (
            <p className="mt-2 text-sm text-slate-700">Links need at least 14 days with data; with fewer, the analysis finds shapes but no links yet.</p>
          )}
          <div className="mt-4">{action}</div>
        </>
      )}
    </section>
  );
}
