import { describe, expect, it } from "vitest";
import { buildOpenApiDocument, ENDPOINTS } from "./openapi";

describe("OpenAPI document", () => {
  const doc = buildOpenApiDocument();

  it("is OpenAPI 3.1 with every endpoint and its schemas", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths).sort()).toEqual([...new Set(ENDPOINTS.map((e) => e.path))].sort());
    const bulk = doc.paths["/glucose/bulk"].post as { requestBody: { content: { "application/json": { schema: { properties: Record<string, { maxItems?: number; enum?: string[] }> } } } } };
    const schema = bulk.requestBody.content["application/json"].schema;
    expect(schema.properties.readings.maxItems).toBe(50_000);
    expect(schema.properties.unit.enum).toEqual(["mg/dL", "mmol/L"]);
  });

  it("documents query parameters and error answers", () => {
    const summary = doc.paths["/dashboard/summary"].get as { parameters: { name: string; schema: { enum?: string[] } }[]; responses: Record<string, unknown> };
    expect(summary.parameters[0]).toMatchObject({ name: "days", schema: { enum: ["7", "30", "90"] } });
    expect(Object.keys(summary.responses)).toEqual(expect.arrayContaining(["200", "400", "401", "429"]));
  });
});
