import Link from "next/link";
import { signOutAction } from "@/app/actions";

export type NavItem = { href: string; label: string };

export function AppHeader({ name, nav }: { name: string; nav: NavItem[] }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" className="text-lg font-bold tracking-tight text-brand-700">Proxima</Link>
        {/* On a phone the links take their own row and scroll sideways instead of wrapping. */}
        <nav aria-label="Main" className="order-last -mx-1 flex w-full gap-x-4 overflow-x-auto whitespace-nowrap px-1 text-sm md:order-none md:w-auto md:flex-1">
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
