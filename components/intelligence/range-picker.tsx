import Link from "next/link";
import { TIMELINE_RANGES, type TimelineDays } from "./timeline-events";

/** 7 / 14 / 30 / 90 days as links (the address keeps the choice; works without JavaScript). */
export function RangePicker({ current, basePath }: { current: TimelineDays; basePath: string }) {
  return (
    <nav aria-label="Time range">
      <ul className="inline-flex overflow-hidden rounded-lg ring-1 ring-slate-300">
        {TIMELINE_RANGES.map((days) => {
          const active = days === current;
          return (
            <li key={days} className="border-l border-slate-300 first:border-l-0">
              <Link
                href={`${basePath}?days=${days}`}
                aria-current={active ? "page" : undefined}
                scroll={false}
                className={`block px-3 py-2 text-sm font-semibold ${active ? "bg-brand-600 text-white" : "bg-white text-slate-800 hover:bg-slate-50"}`}
              >
                {days}<span className="sr-only"> days</span><span aria-hidden="true"> d</span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
