import type { ReactNode } from "react";
import { describeAge, formatDay } from "./intelligence-format";

/**
 * Says plainly that what follows was computed a while ago, and when: old results are still worth
 * reading, but a person should know they may not describe this week. `action` is usually the
 * "run analysis" button.
 */
export function StaleBanner({ what, madeAt, now, timezone, action }: { what: string; madeAt: Date; now: Date; timezone: string; action?: ReactNode }) {
  return (
    <div role="status" className="flex flex-wrap items-center justify-between gap-3 rounded-lg bg-amber-50 px-4 py-3 text-sm text-amber-950 ring-1 ring-amber-300">
      <p>
        <span className="font-semibold">These {what} may be out of date.</span> They were made on{" "}
        <time dateTime={madeAt.toISOString()}>{formatDay(madeAt, timezone)}</time> ({describeAge(madeAt, now, timezone)}).
      </p>
      {action}
    </div>
  );
}
