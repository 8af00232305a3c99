// GET /api/v1/tasks/status/{id} — a background task's status, progress and result (owner only).
import { z } from "zod";
import { apiHandler, json } from "@/lib/api/handler";
import { getRunStatus } from "@/inngest/runner";
import { AppError } from "@/lib/errors";

export const GET = apiHandler({ scope: "read", surface: "tasks.status" }, async ({ caller, params }) => {
  const id = z.uuid().safeParse(params.id);
  if (!id.success) throw new AppError("bad_request:task", "A task id looks like 3f2b…-…: this one is malformed.");
  const status = await getRunStatus(caller.viewer, id.data);
  // Another person's task and a missing one get the same answer.
  if (!status) throw new AppError("not_found:task", "No task with this id.");
  return json(status);
});
