// POST /api/v1/imports?fileName=&timezone= — upload an export file (raw body); 202 with a task id to poll.
import { z } from "zod";
import { apiHandler, json } from "@/lib/api/handler";
import { parseQuery } from "@/lib/api/query";
import { IMPORT_LIMIT, MAX_UPLOAD_BYTES, readHead, saveUpload } from "@/lib/imports/save-upload";
import { DETECT_HEAD_BYTES, detectFormat } from "@/lib/ingest/detect-format";
import { isValidTimezone } from "@/lib/time";
import { sendEvent, taskIdOf } from "@/inngest/runner";
import { AppError } from "@/lib/errors";
import fs from "node:fs";

const importQuery = z.object({
  fileName: z.string().min(1, "fileName is required, e.g. export.zip.").max(255),
  timezone: z.string().refine(isValidTimezone, "timezone must be an IANA name such as Europe/Paris.").optional(),
});

export const POST = apiHandler({ scope: "write", surface: "imports", limit: IMPORT_LIMIT }, async ({ req, caller }) => {
  const { fileName, timezone } = parseQuery(req, importQuery);
  const declared = Number(req.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > MAX_UPLOAD_BYTES) {
    throw new AppError("payload_too_large:import", `The file is larger than ${(MAX_UPLOAD_BYTES / 1e9).toFixed(1)} GB. For an Apple Health export, upload the export.zip instead of export.xml.`);
  }
  if (!req.body) throw new AppError("bad_request:import", "Send the file as the request body.");
  const { storagePath, sizeBytes } = await saveUpload(req.body, fileName);
  let format: string;
  let sent: Awaited<ReturnType<typeof sendEvent>>;
  try {
    // Refuse other vendors' files now, before any work is queued.
    format = detectFormat(fileName, readHead(storagePath, DETECT_HEAD_BYTES));
    sent = await sendEvent("ingest/file.uploaded", { userId: caller.viewer.userId, storagePath, fileName, sizeBytes, ...(timezone ? { timezone } : {}) });
  } catch (e) {
    // Refused or not queued: no task will ever read the file, so it goes now.
    fs.rmSync(storagePath, { force: true });
    throw e;
  }
  const taskId = taskIdOf(sent);
  return json({ taskId, format, sizeBytes, statusUrl: `/api/v1/tasks/status/${taskId}` }, { status: 202 });
});
