import Link from "next/link";
import { z } from "zod";
import { ENDPOINTS } from "@/lib/api/openapi";

export const metadata = { title: "API" };

type JsonSchema = { type?: string | string[]; description?: string; enum?: unknown[]; items?: JsonSchema; properties?: Record<string, JsonSchema>; required?: string[]; anyOf?: JsonSchema[]; default?: unknown; maxItems?: number; minimum?: number; maximum?: number };

function typeLabel(s: JsonSchema): string {
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(" | ");
  if (s.anyOf) return s.anyOf.map(typeLabel).join(" | ");
  if (s.type === "array" && s.items) return `${s.items.type === "object" ? "object" : typeLabel(s.items)}[]${s.maxItems ? ` (≤ ${s.maxItems.toLocaleString("en")})` : ""}`;
  const range = s.minimum !== undefined || s.maximum !== undefined ? ` ${s.minimum ?? ""}…${s.maximum ?? ""}` : "";
  return `${Array.isArray(s.type) ? s.type.join(" | ") : (s.type ?? "any")}${range}`;
}

function Properties({ schema, prefix = "" }: { schema: JsonSchema; prefix?: string }) {
  const rows: React.ReactNode[] = [];
  for (const [name, prop] of Object.entries(schema.properties ?? {})) {
    const required = schema.required?.includes(name) && prop.default === undefined;
    rows.push(
      <tr key={prefix + name} className="border-t border-slate-200 align-top">
        <td className="py-1.5 pr-3 font-mono text-xs">{prefix}{name}{required ? "" : "?"}</td>
        <td className="py-1.5 pr-3 font-mono text-xs text-slate-700">{typeLabel(prop)}</td>
        <td className="py-1.5 text-sm text-slate-700">{prop.description}{prop.default !== undefined ? ` Default ${JSON.stringify(prop.default)}.` : ""}</td>
      </tr>,
    );
    const nested = prop.type === "array" ? prop.items : prop.type === "object" ? prop : undefined;
    if (nested?.properties) rows.push(<Properties key={`${prefix}${name}-nested`} schema={nested} prefix={`${prefix}${name}${prop.type === "array" ? "[]" : ""}.`} />);
  }
  return <>{rows}</>;
}

export default function ApiDocsPage() {
  return (
    <main className="mx-auto max-w-4xl px-4 py-10">
      <Link href="/" className="text-sm font-semibold text-brand-700">Proxima</Link>
      <h1 className="mt-2 text-3xl font-bold tracking-tight">API v1</h1>
      <div className="mt-4 space-y-3 text-slate-700">
        <p>
          Devices and apps send data with a personal access token, created in <Link href="/settings" className="font-semibold text-brand-700 underline">Settings → API tokens</Link>,
          as <code className="rounded bg-slate-100 px-1">Authorization: Bearer pxm_…</code>. Base URL <code className="rounded bg-slate-100 px-1">/api/v1</code>;
          machine-readable description: <a href="/api/v1/openapi.json" className="font-semibold text-brand-700 underline">openapi.json</a> (OpenAPI 3.1).
        </p>
        <ul className="list-disc space-y-1 pl-5 text-sm">
          <li>Glucose is stored in mg/dL without rounding; mmol/L is converted with the factor 18.0156. A device&apos;s &quot;High&quot; is stored as 401 and &quot;Low&quot; as 39, flagged.</li>
          <li>Times carry an offset (<code>…Z</code>, <code>…-05:00</code>), or are read in your timezone. Times more than 5 minutes in the future are rejected.</li>
          <li>Re-sending is safe: a row is identified by its time and source, and a batch is stored in one transaction.</li>
          <li>100 requests a minute per person; then 429 with Retry-After. Errors are JSON: <code>{`{"error": {"code", "message", "details"}}`}</code>.</li>
        </ul>
      </div>
      <div className="mt-8 space-y-8">
        {ENDPOINTS.map((e) => {
          const body = e.body ? (z.toJSONSchema(e.body, { io: "input", unrepresentable: "any" }) as JsonSchema) : null;
          const query = e.query ? (z.toJSONSchema(e.query, { io: "input", unrepresentable: "any" }) as JsonSchema) : null;
          return (
            <section key={`${e.method} ${e.path}`} className="rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200" aria-labelledby={`${e.method}-${e.path}`}>
              <h2 id={`${e.method}-${e.path}`} className="flex flex-wrap items-center gap-2 text-lg font-semibold">
                <span className={`rounded px-2 py-0.5 font-mono text-xs font-bold uppercase text-white ${e.method === "get" ? "bg-green-700" : "bg-brand-700"}`}>{e.method}</span>
                <code className="font-mono text-base">/api/v1{e.path}</code>
                <span className="text-slate-600">— {e.summary}</span>
              </h2>
              <p className="mt-2 text-sm text-slate-700">{e.description} <span className="font-medium">Token scope: {e.scope}.</span></p>
              {(body ?? query) && (
                <table className="mt-3 w-full text-left">
                  <thead><tr className="text-xs uppercase tracking-wide text-slate-600"><th className="pb-1">{query ? "Query" : "Body"} field</th><th className="pb-1">Type</th><th className="pb-1">Meaning</th></tr></thead>
                  <tbody><Properties schema={(body ?? query)!} /></tbody>
                </table>
              )}
              {e.example !== undefined && (
                <pre className="mt-3 overflow-x-auto rounded-lg bg-slate-900 p-3 text-xs text-slate-100">
                  {`curl -X ${e.method.toUpperCase()} "$PROXIMA_URL/api/v1${e.path}" \\\n  -H "Authorization: Bearer $PROXIMA_TOKEN" -H "Content-Type: application/json" \\\n  -d '${JSON.stringify(e.example)}'`}
                </pre>
              )}
            </section>
          );
        })}
      </div>
    </main>
  );
}
