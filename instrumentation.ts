// Next.js calls register() once when a server process starts: the embedded workflow runner starts
// here so schedules fire without waiting for a first request. (NEXT_RUNTIME is Next's own flag, set
// by the framework, not configuration: the edge runtime cannot run the runner.)
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { ensureEmbeddedRunner } = await import("./inngest/runner");
    ensureEmbeddedRunner();
    // The first PDF of a process pays for font parsing and JIT (bench/report-pdf.ts): pay it now, in
    // the background. Not awaited, so the server starts at once; a failure only costs that speed-up.
    void import("./lib/reports/warm-up")
      .then(({ warmUpReportRenderer }) => warmUpReportRenderer())
      .catch((e: unknown) => console.error("[reports] renderer warm-up failed", e));
  }
}
