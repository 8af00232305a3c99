"use client";

import { useActionState } from "react";
import { Button, Field, Notice } from "@/components/ui/primitives";
import { idle } from "@/lib/action-result";
import { acceptInviteAction, createTokenAction, setBriefFrequencyAction, updateProfileAction } from "./actions";
import type { ActionResult } from "@/lib/action-result";

export function ProfileForm({ name, timezone, glucoseUnit, timezones }: { name: string; timezone: string; glucoseUnit: string; timezones: string[] }) {
  const [state, action, pending] = useActionState(updateProfileAction, idle);
  const errors = state.ok ? {} : (state.fieldErrors ?? {});
  return (
    <form action={action} className="space-y-4">
      {!state.ok && <Notice tone="error">{state.error}</Notice>}
      {state.ok && state.message && <Notice tone="success">{state.message}</Notice>}
      <Field label="Name" name="name" defaultValue={name} required error={errors.name} />
      <div className="space-y-1">
        <label htmlFor="field-timezone" className="block text-sm font-medium text-slate-800">Timezone</label>
        <select id="field-timezone" name="timezone" defaultValue={timezone} className="block w-full rounded-lg border border-slate-300 bg-white px-3 py-2">
          {timezones.map((tz) => <option key={tz} value={tz}>{tz}</option>)}
        </select>
        {errors.timezone && <p className="text-sm text-red-700">{errors.timezone}</p>}
      </div>
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium text-slate-800">Glucose unit</legend>
        <div className="flex gap-4">
          {["mg/dL", "mmol/L"].map((u) => (
            <label key={u} className="flex items-center gap-2 text-sm">
              <input type="radio" name="glucoseUnit" value={u} defaultChecked={glucoseUnit === u} /> {u}
            </label>
          ))}
        </div>
      </fieldset>
      <Button type="submit" disabled={pending}>{pending ? "Saving…" : "Save"}</Button>
    </form>
  );
}

export function AcceptInviteForm() {
  const [state, action, pending] = useActionState(acceptInviteAction, idle);
  return (
    <form action={action} className="flex flex-col gap-3 sm:flex-row sm:items-end">
      <div className="flex-1">
        <Field label="Mentor invite code" name="code" placeholder="ABCDE-FGHJK" autoComplete="off" />
      </div>
      <Button type="submit" disabled={pending}>Accept</Button>
      <div className="sm:basis-full">
        {!state.ok && <Notice tone="error">{state.error}</Notice>}
        {state.ok && state.message && <Notice tone="success">{state.message}</Notice>}
      </div>
    </form>
  );
}

export function CreateTokenForm() {
  const [state, action, pending] = useActionState(createTokenAction, { ok: true } as ActionResult<{ token: string }>);
  const errors = state.ok ? {} : (state.fieldErrors ?? {});
  return (
    <form action={action} className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-[1fr_auto_auto] sm:items-end">
        <Field label="Token name" name="name" placeholder="My CGM uploader" error={errors.name} />
        <div className="space-y-1">
          <label htmlFor="field-scope" className="block text-sm font-medium text-slate-800">Access</label>
          <select id="field-scope" name="scope" defaultValue="write" className="block rounded-lg border border-slate-300 bg-white px-3 py-2">
            <option value="write">Read and write</option>
            <option value="read">Read only</option>
          </select>
        </div>
        <Button type="submit" disabled={pending}>Create token</Button>
      </div>
      {!state.ok && <Notice tone="error">{state.error}</Notice>}
      {state.ok && state.data && (
        <Notice tone="success">
          Copy this token now — it is shown only once:{" "}
          <code className="break-all rounded bg-white px-1 font-mono text-xs" data-testid="new-token">{state.data.token}</code>
        </Notice>
      )}
    </form>
  );
}

const FREQUENCIES = [
  { value: "weekly", label: "Every Monday" },
  { value: "biweekly", label: "Every other Monday" },
  { value: "monthly", label: "First Monday of the month" },
  { value: "never", label: "Never" },
];

export function BriefFrequencyForm({ frequency, overlayEnabled }: { frequency: string; overlayEnabled: boolean }) {
  const [state, action, pending] = useActionState(setBriefFrequencyAction, { ok: true } as ActionResult);
  return (
    <form action={action} className="space-y-3">
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">How often should Proxima write your brief?</legend>
        <div className="mt-2 grid gap-2 sm:grid-cols-2">
          {FREQUENCIES.map((f) => (
            <label key={f.value} className="flex items-center gap-2 text-sm">
              <input type="radio" name="frequency" value={f.value} defaultChecked={frequency === f.value} /> {f.label}
            </label>
          ))}
        </div>
      </fieldset>
      <p className="text-xs text-slate-600">
        {overlayEnabled ? "New briefs pop up once on your dashboard." : "The dashboard pop-up is off; briefs still arrive at Weekly brief (visiting it turns the pop-up back on)."}
      </p>
      <Button type="submit" variant="secondary" disabled={pending}>Save</Button>
      {!state.ok && <Notice tone="error">{state.error}</Notice>}
      {state.ok && state.message && <Notice tone="success">{state.message}</Notice>}
    </form>
  );
}
