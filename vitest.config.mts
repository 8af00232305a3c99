import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: [
      { find: "@", replacement: import.meta.dirname },
      // next-auth imports "next/server" without an extension, which Node's ESM resolver rejects.
      { find: /^next\/(server|headers|navigation)$/, replacement: "next/$1.js" },
    ],
  },
  test: {
    include: ["{lib,db,inngest,app,components}/**/*.test.{ts,tsx}"],
    environment: "node",
    server: { deps: { inline: ["next-auth", "@auth/core"] } },
    // PGlite instances take ~3 s to create; integration suites need room on a shared 2-core box.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    maxWorkers: 2,
  },
});
