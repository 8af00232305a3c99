import Link from "next/link";
import { redirect } from "next/navigation";
import { getViewer } from "@/lib/auth/session";
import { RegisterForm } from "./register-form";

export const metadata = { title: "Create an account" };

export default async function RegisterPage() {
  if (await getViewer()) redirect("/");
  return (
    <>
      <h1 className="mb-1 text-xl font-semibold">Create your account</h1>
      <p className="mb-5 text-sm text-slate-600">Bring your CGM, sleep, activity and meals; Proxima finds what moves your glucose.</p>
      <RegisterForm />
      <p className="mt-5 text-center text-sm text-slate-600">
        Already have an account? <Link href="/login" className="font-semibold text-brand-700 underline">Sign in</Link>
      </p>
    </>
  );
}
