/**
 * What a panel shows while its data loads: the panel's shape in grey, so the page does not jump when
 * the data arrives. `aria-busy` and a hidden sentence tell a screen reader what is coming; the pulse
 * runs only for people who have not asked for reduced motion.
 */
export function PanelSkeleton({ label, lines = 3, className = "" }: { label: string; lines?: number; className?: string }) {
  return (
    <div aria-busy="true" className={`rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200 ${className}`}>
      <span className="sr-only">Loading {label}…</span>
      <div aria-hidden="true" className="space-y-3 motion-safe:animate-pulse">
        <div className="h-4 w-1/3 rounded bg-slate-200" />
        {Array.from({ length: lines }, (_, i) => (
          <div key={i} className="h-3 rounded bg-slate-100" style={{ width: `${90 - ((i * 17) % 35)}%` }} />
        ))}
      </div>
    </div>
  );
}

/** A row of card-shaped placeholders (velocity cards). */
export function CardsSkeleton({ label, count = 3 }: { label: string; count?: number }) {
  return (
    <div aria-busy="true" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      <span className="sr-only">Loading {label}…</span>
      {Array.from({ length: count }, (_, i) => (
        <div key={i} aria-hidden="true" className="rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
          <div className="space-y-3 motion-safe:animate-pulse">
            <div className="h-4 w-1/2 rounded bg-slate-200" />
            <div className="h-8 w-1/3 rounded bg-slate-200" />
            <div className="h-8 w-full rounded bg-slate-100" />
            <div className="h-3 w-5/6 rounded bg-slate-100" />
          </div>
        </div>
      ))}
    </div>
  );
}

/** A chart-sized placeholder (timeline, daily profiles). */
export function ChartSkeleton({ label, height = 300 }: { label: string; height?: number }) {
  return (
    <div aria-busy="true" className="rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
      <span className="sr-only">Loading {label}…</span>
      <div aria-hidden="true" className="rounded-lg bg-slate-100 motion-safe:animate-pulse" style={{ height }} />
    </div>
  );
}

/** Lines of text to come, inside a card that is already on screen. */
export function LinesSkeleton({ label, lines = 3 }: { label: string; lines?: number }) {
  return (
    <div aria-busy="true">
      <span className="sr-only">Loading {label}…</span>
      <div aria-hidden="true" className="space-y-3 motion-safe:animate-pulse">
        {Array.from({ length: lines }, (_, i) => (
          <div key={i} className="h-3 rounded bg-slate-100" style={{ width: `${92 - ((i * 17) % 35)}%` }} />
        ))}
      </div>
    </div>
  );
}
