"use client";

import { useActionState } from "react";
import { Button, Notice } from "@/components/ui/primitives";
import type { ActionResult } from "@/lib/action-result";
import { createInviteAction } from "./actions";

export function InviteForm() {
  const [state, action, pending] = useActionState(createInviteAction, { ok: true } as ActionResult<{ code: string; expiresAt: string }>);
  return (
    <form action={action} className="space-y-3">
      <Button type="submit" disabled={pending}>{pending ? "Creating…" : "Create an invite code"}</Button>
      {!state.ok && <Notice tone="error">{state.error}</Notice>}
      {state.ok && state.data && (
        <Notice tone="success">
          Give this code to your mentee: <strong className="font-mono text-base" data-testid="invite-code">{state.data.code}</strong>.
          It works once and expires on {state.data.expiresAt.slice(0, 10)}. It will not be shown again.
        </Notice>
      )}
    </form>
  );
}
