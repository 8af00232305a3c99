// GET/POST/PUT /api/inngest — Inngest serve handler: syncs and invokes the workflows of inngest/functions.
import { serve } from "inngest/next";
import { inngest } from "@/inngest/client";
import { inngestFunctions } from "@/inngest/functions";

// Without INNGEST_DEV=1 or INNGEST_SIGNING_KEY the SDK answers 500 here; the embedded runner
// (inngest/runner) runs the same workflows in-process instead.
export const { GET, POST, PUT } = serve({ client: inngest, functions: inngestFunctions });
