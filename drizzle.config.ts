import { defineConfig } from "drizzle-kit";

// Migrations are generated once from db/schema and applied the same way on PGlite, PostgreSQL and
// Neon by db/migrate.ts (drizzle's migrator), never by `drizzle-kit push`.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
  entities: { roles: { provider: "" } },
});
