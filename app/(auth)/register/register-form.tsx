"use client";

import { useActionState, useSyncExternalStore } from "react";
import { Button, Field, Notice } from "@/components/ui/primitives";
import { idle } from "@/lib/action-result";
import { registerAction } from "./actions";

const noSubscription = () => () => {};

export function RegisterForm() {
  const [state, action, pending] = useActionState(registerAction, idle);
  // The browser knows the person's timezone (days and weekly briefs follow it); the server renders UTC.
  const timezone = useSyncExternalStore(
    noSubscription,
    () => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC",
    () => "UTC",
  );
  const fieldErrors = state.ok ? {} : (state.fieldErrors ?? {});
  return (
    <form action={action} className="space-y-4" noValidate>
      {!state.ok && <Notice tone="error">{state.error}</Notice>}
      <Field label="Name" name="name" autoComplete="name" required error={fieldErrors.name} />
      <Field label="Email" name="email" type="email" autoComplete="email" required error={fieldErrors.email} />
      <Field
        label="Password" name="password" type="password" autoComplete="new-password" required error={fieldErrors.password}
        hint="At least 10 characters, mixing letters with numbers or symbols — or a passphrase of 16+."
      />
      <input type="hidden" name="timezone" value={timezone} />
      <Button type="submit" className="w-full" disabled={pending}>{pending ? "Creating your account…" : "Create account"}</Button>
    </form>
  );
}
