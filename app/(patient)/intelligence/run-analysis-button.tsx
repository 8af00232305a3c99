"use client";

import { useEffect, useId, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/primitives";
import { runAnalysisAction } from "./actions";

type State =
  | { step: "idle" }
  | { step: "starting" }
  | { step: "running"; phase: string | null }
  | { step: "queued" }
  | { step: "done" }
  | { step: "failed"; message: string };

const PHASES: Record<string, string> = { correlations: "Testing links between your habits and your glucose…", patterns: "Looking for recurring and unusual days…" };
const POLL_MS = 1500;
/** After this long the button stops watching (the run goes on); the page shows the results when it is reloaded. */
const MAX_WATCH_MS = 10 * 60_000;

/**
 * Starts the analysis with a server action (the same rate limit as the API: 6 an hour) and follows
 * the task at its status URL, then refreshes the page's server components.
 */
export function RunAnalysisButton({ label = "Run analysis now", variant = "primary" }: { label?: string; variant?: "primary" | "secondary" }) {
  const router = useRouter();
  const [state, setState] = useState<State>({ step: "idle" });
  const statusId = useId();
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  async function follow(statusUrl: string) {
    const started = Date.now();
    while (alive.current && Date.now() - started < MAX_WATCH_MS) {
      await new Promise((r) => setTimeout(r, POLL_MS));
      const res = await fetch(statusUrl, { cache: "no-store" }).catch(() => null);
      if (!alive.current) return;
      // With Inngest the id is an event id the status route does not know: the run still happens.
      if (!res || res.status === 404) return setState({ step: "queued" });
      const body = (await res.json().catch(() => ({}))) as { status?: string; progress?: { phase?: string } | null; error?: string | null | { message?: string } };
      if (!res.ok) return setState({ step: "failed", message: typeof body.error === "object" && body.error?.message ? body.error.message : "Could not follow the analysis." });
      if (body.status === "completed") {
        setState({ step: "done" });
        router.refresh();
        return;
      }
      if (body.status === "failed" || body.status === "cancelled") {
        return setState({ step: "failed", message: typeof body.error === "string" ? body.error : "The analysis did not finish. Please try again later." });
      }
      setState({ step: "running", phase: body.progress?.phase ?? null });
    }
    if (alive.current) setState({ step: "queued" });
  }

  async function start() {
    setState({ step: "starting" });
    try {
      const result = await runAnalysisAction();
      if (!result.ok) return setState({ step: "failed", message: result.error });
      setState({ step: "running", phase: null });
      await follow(result.data!.statusUrl);
    } catch {
      if (alive.current) setState({ step: "failed", message: "The connection was interrupted. Check it and try again." });
    }
  }

  const busy = state.step === "starting" || state.step === "running";
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button type="button" variant={variant} onClick={start} disabled={busy} aria-describedby={state.step === "idle" ? undefined : statusId}>
        {busy ? "Analyzing…" : label}
      </Button>
      <p id={statusId} role="status" aria-live="polite" className="text-sm text-slate-700">
        {state.step === "starting" && "Starting the analysis…"}
        {state.step === "running" && (state.phase ? PHASES[state.phase] ?? "Analyzing…" : "Queued: the analysis starts in a moment…")}
        {state.step === "queued" && "The analysis is running in the background: reload this page in a few minutes to see the results."}
        {state.step === "done" && "Done: the results below are fresh."}
        {state.step === "failed" && <span className="text-red-700">{state.message}</span>}
      </p>
    </div>
  );
}
