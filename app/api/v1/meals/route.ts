// POST /api/v1/meals — meals with carbs, macros and calories.
import { apiHandler } from "@/lib/api/handler";
import { mealBatchInput, MAX_BODY_BYTES } from "@/lib/api/schemas";
import { normalizeMeals } from "@/lib/api/normalize";
import { storeAndRespond } from "@/lib/api/batch-response";

export const POST = apiHandler({ scope: "write", body: mealBatchInput, maxBytes: MAX_BODY_BYTES, surface: "meals" }, async ({ caller, body }) =>
  storeAndRespond(caller, normalizeMeals(body, caller.timezone)),
);
