import { Inngest } from "inngest";
import { getEnv } from "@/lib/env";

/**
 * The Inngest client (DESIGN decision 6). Its keys come from lib/env (the only reader of process.env).
 * SDK v4 defaults to cloud mode: without INNGEST_DEV=1 or a signing key the serve handler answers
 * 500 and `inngest.send()` throws, which is why the app never calls `inngest.send()` directly but
 * goes through `sendEvent` (inngest/runner), which falls back to the embedded runner.
 */
function createClient() {
  const env = getEnv();
  return new Inngest({
    id: "proxima",
    isDev: env.INNGEST_DEV || undefined,
    eventKey: env.INNGEST_EVENT_KEY,
    signingKey: env.INNGEST_SIGNING_KEY,
  });
}

export const inngest = createClient();

/** True when Inngest (dev server or cloud) should run the workflows instead of the embedded runner. */
export function isInngestConfigured(): boolean {
  const env = getEnv();
  return env.INNGEST_DEV || Boolean(env.INNGEST_SIGNING_KEY) || Boolean(env.INNGEST_EVENT_KEY);
}
