import { z } from "zod";
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";

/**
 * The only reader of process.env (house style). Parsed once, on first use, so tests and scripts can
 * set variables before anything asks. Each variable is documented in the README's table.
 */
const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()));

const flag = z
  .string()
  .optional()
  .transform((v) => v === "1" || v === "true");

const databaseUrl = optionalString.superRefine((v, ctx) => {
  if (v === undefined || v === "memory://") return;
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    ctx.addIssue({ code: "custom", message: "DATABASE_URL is not a valid URL. Use postgres://user:password@host:5432/database, a Neon URL, or leave it unset for the embedded database." });
    return;
  }
  if (!["postgres:", "postgresql:"].includes(url.protocol)) {
    ctx.addIssue({ code: "custom", message: `DATABASE_URL must start with postgres:// or postgresql:// (got "${url.protocol}//"). Leave it unset for the embedded database.` });
  } else if (!url.hostname) {
    ctx.addIssue({ code: "custom", message: "DATABASE_URL has no host name. Use postgres://user:password@host:5432/database." });
  }
});

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: databaseUrl,
  DATABASE_DRIVER: z.enum(["pglite", "pg", "neon"]).optional(),
  PGLITE_DIR: optionalString,
  AUTH_SECRET: optionalString,
  APP_URL: optionalString,
  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: optionalString,
  OPENAI_MODEL: optionalString,
  INNGEST_DEV: flag,
  INNGEST_EVENT_KEY: optionalString,
  INNGEST_SIGNING_KEY: optionalString,
  SMTP_URL: optionalString,
  EMAIL_FROM: optionalString,
  OUTBOX_DIR: optionalString,
  /** Where uploads wait for their import; under Inngest, storage every instance of the app can read. */
  UPLOAD_DIR: optionalString,
  TEST_DATABASE_URL: databaseUrl,
  PROXIMA_DISABLE_SCHEDULER: flag,
  /** Proxies in front of the app that append to X-Forwarded-For (lib/http/client-ip.ts). */
  TRUSTED_PROXY_HOPS: z.coerce.number().int("TRUSTED_PROXY_HOPS must be a whole number.").min(0, "TRUSTED_PROXY_HOPS cannot be negative.").max(10).default(1),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export class EnvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EnvError";
  }
}

export function getEnv(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `- ${i.path.join(".")}: ${i.message}`);
    throw new EnvError(`Proxima's configuration is invalid:\n${lines.join("\n")}`);
  }
  cached = parsed.data;
  return cached;
}

/** For tests that change variables between cases. */
export function resetEnvForTests() {
  cached = undefined;
}

/** Where embedded state lives (PGlite data, the email outbox, the local auth secret). */
export function dataDir(): string {
  return path.resolve(process.cwd(), ".data");
}

/**
 * The Auth.js secret. Production must set AUTH_SECRET. On a developer machine a random secret is
 * created once in .data/auth-secret, so sessions survive restarts without a shared, guessable default.
 */
export function getAuthSecret(): string {
  const env = getEnv();
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  if (env.NODE_ENV === "production") {
    throw new EnvError("AUTH_SECRET is not set. Generate one with `openssl rand -base64 32` and set it in the environment.");
  }
  const file = path.join(dataDir(), "auth-secret");
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(dataDir(), { recursive: true });
    const secret = crypto.randomBytes(32).toString("base64url");
    fs.writeFileSync(file, secret, { mode: 0o600 });
    return secret;
  }
}
