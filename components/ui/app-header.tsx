import Link from "next/link";
import { signOutAction } from "@/app/actions";

export type NavItem = { href: string; label: string };

export function AppHeader({ name, nav }: { name: string; nav: NavItem[] }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" className="text-lg font-bold tracking-tight text-brand-700">Proxima</Link>
        <nav aria-label="Main" className="flex flex-1 flex-wrap gap-x-4 gap-y-1 text-sm">
          {nav.map((item) => (
            <Link key={item.href} href={item.href} className="rounded px-1 py-1 font-medium text-slate-700 hover:text-brand-700">
              {item.label}
            </Link>
          ))}
        </nav>
        <div className="flex items-center gap-3 text-sm">
          <span className="hidden text-slate-600 sm:inline">{name}</span>
          <form action={signOutAction}>
            <button type="submit" className="rounded-lg px-3 py-1.5 font-semibold text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50">Sign out</button>
          </form>
        </div>
      </div>
    </header>
  );
}
