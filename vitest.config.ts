import { defineConfig } from "vitest/config";
import path from "node:path";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(__dirname) } },
  test: {
    include: ["{lib,db,inngest,app,components}/**/*.test.{ts,tsx}"],
    environment: "node",
    // PGlite instances take ~3 s to create; integration suites need room on a shared 2-core box.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    maxWorkers: 2,
  },
});
