import Link from "next/link";
import type { ReactNode } from "react";

/**
 * The h1 of an intelligence page (stable words: "Intelligence", "Velocity", "Patterns", "Timeline")
 * with a way back up for the sub-pages.
 */
export function PageHeader({ title, intro, sub = false, children }: { title: string; intro: string; sub?: boolean; children?: ReactNode }) {
  return (
    <div className="flex flex-wrap items-end justify-between gap-3">
      <div className="min-w-0">
        {sub && (
          <nav aria-label="Breadcrumb" className="text-sm">
            <Link href="/intelligence" className="font-semibold text-brand-700 underline">Intelligence</Link>
            <span aria-hidden="true" className="text-slate-500"> / </span>
          </nav>
        )}
        <h1 className="text-2xl font-bold tracking-tight">{title}</h1>
        <p className="text-sm text-slate-600">{intro}</p>
      </div>
      {children}
    </div>
  );
}
