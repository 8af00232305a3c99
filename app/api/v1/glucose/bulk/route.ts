// POST /api/v1/glucose/bulk — a CGM batch (up to 50,000 readings, 10 MB) in one transaction.
import { apiHandler } from "@/lib/api/handler";
import { glucoseBulkInput, MAX_BODY_BYTES } from "@/lib/api/schemas";
import { normalizeGlucoseBulk } from "@/lib/api/normalize";
import { storeAndRespond } from "@/lib/api/batch-response";

export const POST = apiHandler({ scope: "write", body: glucoseBulkInput, maxBytes: MAX_BODY_BYTES, surface: "glucose.bulk" }, async ({ caller, body }) =>
  storeAndRespond(caller, normalizeGlucoseBulk(body, caller.timezone)),
);
