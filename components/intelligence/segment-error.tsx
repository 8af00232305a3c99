import Link from "next/link";

/**
 * The body of an error.tsx: the page keeps its heading, says in plain words what failed and that the
 * data is safe, and offers a retry. The error's message is never shown (it may hold internals); the
 * digest is a reference that matches the server log.
 */
export function SegmentError({ heading, what, digest, retry, back }: { heading: string; what: string; digest?: string; retry: () => void; back?: { href: string; label: string } }) {
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold tracking-tight">{heading}</h1>
      <div role="alert" className="space-y-3 rounded-2xl bg-white p-5 shadow-sm ring-1 ring-red-200">
        <h2 className="text-base font-semibold text-red-800">{what} could not be loaded</h2>
        <p className="text-sm text-slate-700">
          Something went wrong on our side while preparing this page. Your data is safe. Trying again usually works; if it keeps
          failing, come back in a few minutes.
        </p>
        {digest && <p className="text-xs text-slate-600">Reference: {digest}</p>}
        <div className="flex flex-wrap gap-3">
          <button
            type="button"
            onClick={retry}
            className="inline-flex items-center justify-center rounded-lg bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700"
          >
            Try again
          </button>
          {back && (
            <Link href={back.href} className="inline-flex items-center rounded-lg px-4 py-2 text-sm font-semibold text-slate-800 ring-1 ring-slate-300 hover:bg-slate-50">
              {back.label}
            </Link>
          )}
        </div>
      </div>
    </div>
  );
}
