import { AppError } from "@/lib/errors";

/**
 * Reads a JSON body with a hard byte limit while streaming, so a 2 GB upload is refused after the
 * first megabytes instead of being buffered (413), and malformed JSON gets a sentence (400).
 */
export async function readJsonBody(req: Request, maxBytes: number): Promise<unknown> {
  const declared = Number(req.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  if (!req.body) throw new AppError("bad_request:body", "The request has no body. Send JSON with Content-Type: application/json.");
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  if (text.trim() === "") throw new AppError("bad_request:body", "The request body is empty. Send JSON with Content-Type: application/json.");
  try {
    return JSON.parse(text);
  } catch (e) {
    const where = e instanceof SyntaxError ? ` (${e.message})` : "";
    throw new AppError("bad_request:json", `The request body is not valid JSON${where}.`);
  }
}

function tooLarge(maxBytes: number) {
  return new AppError("payload_too_large:body", `The request body is larger than ${(maxBytes / 1_000_000).toFixed(0)} MB. Split the data into smaller batches.`);
}
