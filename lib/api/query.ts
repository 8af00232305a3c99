import type { z } from "zod";
import { AppError } from "@/lib/errors";
import { zodIssuesToDetails } from "./validation";

/** Validates a request's query string with a zod schema; a 400 with a sentence per problem otherwise. */
export function parseQuery<S extends z.ZodType>(req: Request, schema: S): z.infer<S> {
  const params = Object.fromEntries(new URL(req.url).searchParams);
  const parsed = schema.safeParse(params);
  if (!parsed.success) {
    const issues = zodIssuesToDetails(parsed.error.issues);
    throw new AppError("bad_request:query", issues.map((i) => i.message).join(" "), { details: { issues } });
  }
  return parsed.data;
}
