// POST /api/v1/integrations/apple-health — a HealthKit batch: glucose, sleep stages, workouts, carbs, energy.
import { apiHandler } from "@/lib/api/handler";
import { appleHealthBatchInput, MAX_BODY_BYTES } from "@/lib/api/schemas";
import { normalizeAppleHealthBatch } from "@/lib/api/normalize";
import { storeAndRespond } from "@/lib/api/batch-response";

export const POST = apiHandler({ scope: "write", body: appleHealthBatchInput, maxBytes: MAX_BODY_BYTES, surface: "apple-health" }, async ({ caller, body }) =>
  storeAndRespond(caller, normalizeAppleHealthBatch(body, caller.timezone)),
);
