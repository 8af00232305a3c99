// POST /api/v1/activities — workouts and other activities.
import { apiHandler } from "@/lib/api/handler";
import { activityBatchInput, MAX_BODY_BYTES } from "@/lib/api/schemas";
import { normalizeActivities } from "@/lib/api/normalize";
import { storeAndRespond } from "@/lib/api/batch-response";

export const POST = apiHandler({ scope: "write", body: activityBatchInput, maxBytes: MAX_BODY_BYTES, surface: "activities" }, async ({ caller, body }) =>
  storeAndRespond(caller, normalizeActivities(body, caller.timezone)),
);
