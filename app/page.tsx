import { redirect } from "next/navigation";
import { getViewer } from "@/lib/auth/session";
import { ButtonLink } from "@/components/ui/primitives";

export default async function HomePage() {
  const current = await getViewer();
  if (current) redirect(current.viewer.role === "mentor" ? "/mentor" : "/dashboard");
  return (
    <main className="mx-auto flex min-h-screen max-w-3xl flex-col justify-center px-6 py-16">
      <p className="text-sm font-semibold uppercase tracking-wider text-brand-700">Proxima</p>
      <h1 className="mt-3 text-4xl font-bold tracking-tight text-slate-900 sm:text-5xl">Know what moves your glucose.</h1>
      <p className="mt-5 text-lg leading-relaxed text-slate-700">
        Bring your CGM, sleep, activity and meals. Proxima computes the consensus metrics your doctor uses, finds the
        patterns in your own data, and every Monday writes you a brief you can act on — and share.
      </p>
      <div className="mt-8 flex flex-wrap gap-3">
        <ButtonLink href="/register">Create an account</ButtonLink>
        <ButtonLink href="/login" variant="secondary">Sign in</ButtonLink>
      </div>
    </main>
  );
}
