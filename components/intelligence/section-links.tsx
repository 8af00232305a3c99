import Link from "next/link";

const SECTIONS = [
  { href: "/intelligence/velocity", title: "Velocity", text: "How fast time in range, mean glucose and variability move, week by week, and how sure that trend is." },
  { href: "/intelligence/patterns", title: "Patterns", text: "Lagged correlations with false-discovery control, recurring days, rules, causal links and shadow patterns." },
  { href: "/intelligence/timeline", title: "Timeline", text: "Meals, workouts, sleep and glucose excursions on one zoomable time axis." },
] as const;

/** Where to go deeper: one link per intelligence page, each with what it holds. */
export function SectionLinks({ current }: { current?: string }) {
  return (
    <nav aria-label="Intelligence pages">
      <ul className="grid gap-3 sm:grid-cols-3">
        {SECTIONS.filter((s) => s.href !== current).map((s) => (
          <li key={s.href}>
            <Link href={s.href} className="block h-full rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200 hover:ring-brand-600">
              <span className="font-semibold text-brand-700">{s.title} →</span>
              <span className="mt-1 block text-sm text-slate-700">{s.text}</span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
