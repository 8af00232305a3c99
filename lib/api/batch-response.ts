import { AppError } from "@/lib/errors";
import { storeHealthBatch } from "@/db/queries/ingest";
import { invalidatePerson } from "@/lib/cache";
import type { ApiCaller } from "./handler";
import { json } from "./handler";
import type { Normalized } from "./normalize";

const MAX_REJECTED_SHOWN = 1_000;

/**
 * Stores a normalized batch and answers with what happened to every row: counts inserted,
 * duplicates (already stored: re-sending is safe) and rejected (index and reason). A batch in which
 * every row was rejected is a 422, so a client cannot mistake it for success.
 */
export async function storeAndRespond(caller: ApiCaller, { batch, rejected }: Normalized): Promise<Response> {
  const sent = Object.values(batch).reduce((n, rows) => n + rows.length, 0);
  if (sent === 0 && rejected.length > 0) {
    throw new AppError("unprocessable:ingest", "Every row was rejected; nothing was stored. See details for the reason of each.", {
      details: { rejected: rejected.slice(0, MAX_REJECTED_SHOWN), rejectedCount: rejected.length },
    });
  }
  const counts = await storeHealthBatch(caller.viewer, caller.timezone, batch);
  if (counts.inserted > 0) invalidatePerson(caller.viewer.userId);
  return json(
    {
      inserted: counts.inserted,
      duplicates: counts.duplicates,
      rejected: rejected.slice(0, MAX_REJECTED_SHOWN),
      rejectedCount: rejected.length,
      daysRecomputed: counts.daysRecomputed,
    },
    { status: counts.inserted > 0 ? 201 : 200 },
  );
}
