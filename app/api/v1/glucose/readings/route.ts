// POST /api/v1/glucose/readings — store one reading; GET ?start=&end= — readings in a time range.
import { apiHandler, json } from "@/lib/api/handler";
import { glucoseReadingInput, readingsQuery } from "@/lib/api/schemas";
import { normalizeGlucose, readApiTime } from "@/lib/api/normalize";
import { storeAndRespond } from "@/lib/api/batch-response";
import { listGlucoseReadings, MAX_READINGS_PER_REQUEST } from "@/db/queries/glucose";
import { parseQuery } from "@/lib/api/query";
import { AppError } from "@/lib/errors";

export const POST = apiHandler({ scope: "write", body: glucoseReadingInput, surface: "glucose.readings" }, async ({ caller, body }) => {
  const normalized = normalizeGlucose([body], { unit: body.unit ?? "mg/dL", source: body.source ?? "api" }, caller.timezone);
  return storeAndRespond(caller, normalized);
});

export const GET = apiHandler({ scope: "read", surface: "glucose.readings.list" }, async ({ req, caller }) => {
  const q = parseQuery(req, readingsQuery);
  const start = readApiTime(q.start, caller.timezone);
  const end = readApiTime(q.end, caller.timezone);
  if ("reason" in start) throw new AppError("bad_request:query", `start: ${start.reason}`);
  if ("reason" in end) throw new AppError("bad_request:query", `end: ${end.reason}`);
  if (end.time <= start.time) throw new AppError("bad_request:query", "end must be after start.");
  const rows = await listGlucoseReadings(caller.viewer, { start: start.time, end: end.time });
  return json({
    start: start.time.toISOString(),
    end: end.time.toISOString(),
    unit: "mg/dL",
    count: rows.length,
    truncated: rows.length === MAX_READINGS_PER_REQUEST,
    readings: rows.map((r) => ({ time: r.time.toISOString(), value: r.mgdl, kind: r.kind, flag: r.flag, source: r.source, device: r.device })),
  });
});
