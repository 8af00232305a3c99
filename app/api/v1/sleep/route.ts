// POST /api/v1/sleep — sleep sessions with optional stage minutes.
import { apiHandler } from "@/lib/api/handler";
import { sleepBatchInput, MAX_BODY_BYTES } from "@/lib/api/schemas";
import { normalizeSleep } from "@/lib/api/normalize";
import { storeAndRespond } from "@/lib/api/batch-response";

export const POST = apiHandler({ scope: "write", body: sleepBatchInput, maxBytes: MAX_BODY_BYTES, surface: "sleep" }, async ({ caller, body }) =>
  storeAndRespond(caller, normalizeSleep(body, caller.timezone)),
);
