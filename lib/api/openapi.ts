import { z } from "zod";
import {
  activityBatchInput, appleHealthBatchInput, batchResult, dailySummaryQuery, dashboardDaysQuery, errorBody, glucoseBulkInput,
  glucoseReadingInput, mealBatchInput, readingsQuery, sleepBatchInput,
} from "./schemas";

/** One documented endpoint. The table is the single source for /api/v1/openapi.json and /docs/api. */
export type Endpoint = {
  method: "get" | "post";
  path: string;
  summary: string;
  description: string;
  scope: "read" | "write";
  body?: z.ZodType;
  query?: z.ZodObject;
  okStatus: number;
  okSchema?: z.ZodType;
  example?: unknown;
};

export const ENDPOINTS: Endpoint[] = [
  {
    method: "post", path: "/glucose/readings", summary: "Store one glucose reading", scope: "write", body: glucoseReadingInput, okStatus: 201, okSchema: batchResult,
    description: "Stores one reading. Sending the same (time, source) again stores nothing and answers 200 with duplicates: 1.",
    example: { time: "2026-03-01T07:05:00-05:00", value: 112, unit: "mg/dL" },
  },
  {
    method: "post", path: "/glucose/bulk", summary: "Store a CGM batch", scope: "write", body: glucoseBulkInput, okStatus: 201, okSchema: batchResult,
    description: "Up to 50,000 readings (10 MB) in one transaction. Each rejected row is listed with its index and reason; the rest are stored. A batch where every row is rejected answers 422.",
    example: { unit: "mmol/L", source: "my-uploader", readings: [{ time: "2026-03-01T07:05:00Z", value: 6.2 }, { time: "2026-03-01T07:10:00Z", value: "High" }] },
  },
  { method: "post", path: "/sleep", summary: "Store sleep sessions", scope: "write", body: sleepBatchInput, okStatus: 201, okSchema: batchResult, description: "Sessions with optional stage minutes; asleep minutes default to the sum of stages." },
  { method: "post", path: "/activities", summary: "Store activities", scope: "write", body: activityBatchInput, okStatus: 201, okSchema: batchResult, description: "Workouts and other activities; duration defaults to end − time." },
  { method: "post", path: "/meals", summary: "Store meals", scope: "write", body: mealBatchInput, okStatus: 201, okSchema: batchResult, description: "A meal needs carbs, calories or a description." },
  {
    method: "post", path: "/integrations/apple-health", summary: "Store an Apple Health batch", scope: "write", body: appleHealthBatchInput, okStatus: 201, okSchema: batchResult,
    description: "HealthKit samples as a phone app reads them: glucose (with HealthKit's mmol<180.15…>/L unit), sleep stage segments (merged into sessions), workouts, and carbohydrate and energy samples (grouped into meals by time).",
  },
  { method: "get", path: "/glucose/readings", summary: "List readings in a time range", scope: "read", query: readingsQuery, okStatus: 200, description: "Readings with start ≤ time < end, oldest first, at most 50,000 (truncated: true when cut). Values in mg/dL." },
  { method: "get", path: "/glucose/daily-summary", summary: "One day's summary", scope: "read", query: dailySummaryQuery, okStatus: 200, description: "The daily aggregate of a local day (your timezone): glucose statistics and time in ranges, sleep, exercise, steps, carbs, calories." },
  { method: "get", path: "/dashboard/summary", summary: "Consensus summary of the last 7, 30 or 90 days", scope: "read", query: dashboardDaysQuery, okStatus: 200, description: "Mean, SD, CV, GMI, CGM active time, the five consensus time-in-range bands with their targets, and daily averages." },
];

function schemaOf(s: z.ZodType, io: "input" | "output") {
  return z.toJSONSchema(s, { io, unrepresentable: "any" });
}

/** The OpenAPI 3.1 document, generated from the same zod schemas that validate requests. */
export function buildOpenApiDocument(serverUrl = "/api/v1") {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const e of ENDPOINTS) {
    const parameters = e.query
      ? Object.entries(e.query.shape).map(([name, s]) => ({
          name, in: "query", required: !(s as z.ZodType).safeParse(undefined).success, schema: schemaOf(s as z.ZodType, "input"),
        }))
      : undefined;
    paths[e.path] ??= {};
    paths[e.path][e.method] = {
      summary: e.summary,
      description: `${e.description}\n\nScope: ${e.scope}.`,
      security: [{ bearerToken: [] }, { sessionCookie: [] }],
      ...(parameters ? { parameters } : {}),
      ...(e.body ? { requestBody: { required: true, content: { "application/json": { schema: schemaOf(e.body, "input"), ...(e.example ? { example: e.example } : {}) } } } } : {}),
      responses: {
        [e.okStatus]: { description: "Success", ...(e.okSchema ? { content: { "application/json": { schema: schemaOf(e.okSchema, "output") } } } : {}) },
        ...(e.okSchema && e.okStatus === 201 ? { 200: { description: "Nothing new stored (all duplicates)", content: { "application/json": { schema: schemaOf(e.okSchema, "output") } } } } : {}),
        400: errorResponse("Malformed JSON or query"),
        401: errorResponse("No valid token or session"),
        403: errorResponse("A read-only token tried to write"),
        ...(e.method === "post" ? { 413: errorResponse("Body larger than 10 MB, or more items than a batch allows"), 422: errorResponse("The body has the wrong shape, or every row was rejected") } : {}),
        429: errorResponse("More than 100 requests a minute (see Retry-After)"),
      },
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Proxima API",
      version: "1.0.0",
      description:
        "Send CGM, sleep, activity and meal data to Proxima and read summaries back. Authenticate with a personal access token (Settings → API tokens) as `Authorization: Bearer <token>`. Glucose is stored in mg/dL unrounded (mmol/L × 18.0156). Times carry an offset, or are read in your timezone. Re-sending data is safe: (time, source) identifies a row.",
    },
    servers: [{ url: serverUrl }],
    components: {
      securitySchemes: {
        bearerToken: { type: "http", scheme: "bearer", description: "A personal access token (pxm_…)" },
        sessionCookie: { type: "apiKey", in: "cookie", name: "authjs.session-token" },
      },
      schemas: { Error: schemaOf(errorBody, "output") },
    },
    paths,
  };
}

function errorResponse(description: string) {
  return { description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } };
}
