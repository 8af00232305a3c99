import Link from "next/link";
import { redirect } from "next/navigation";
import { getViewer } from "@/lib/auth/session";
import { LoginForm } from "./login-form";

export const metadata = { title: "Sign in" };

export default async function LoginPage() {
  if (await getViewer()) redirect("/");
  return (
    <>
      <h1 className="mb-1 text-xl font-semibold">Sign in</h1>
      <p className="mb-5 text-sm text-slate-600">Welcome back.</p>
      <LoginForm />
      <p className="mt-5 text-center text-sm text-slate-600">
        New to Proxima? <Link href="/register" className="font-semibold text-brand-700 underline">Create an account</Link>
      </p>
    </>
  );
}
