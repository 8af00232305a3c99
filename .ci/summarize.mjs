// Adds up vitest's and Playwright's JSON reports (and failed non-test steps) into one closing line.
import fs from "node:fs";

const stepFailures = Number(process.argv[2] ?? 0);
let passed = 0;
let failed = stepFailures;
let skipped = 0;

function read(file) {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

const vitest = read(".ci/out/vitest.json");
if (vitest) {
  passed += vitest.numPassedTests ?? 0;
  failed += (vitest.numFailedTests ?? 0) + (vitest.testResults ?? []).filter((f) => f.status === "failed" && (f.assertionResults ?? []).length === 0).length;
  skipped += (vitest.numPendingTests ?? 0) + (vitest.numTodoTests ?? 0);
} else {
  console.log("vitest produced no report");
  failed += 1;
}

const pw = read(".ci/out/playwright.json");
if (pw?.stats) {
  passed += pw.stats.expected ?? 0;
  failed += (pw.stats.unexpected ?? 0);
  passed += pw.stats.flaky ?? 0;
  skipped += pw.stats.skipped ?? 0;
} else if (!process.env.SKIP_E2E) {
  console.log("playwright produced no report");
  failed += 1;
}

console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed > 0 ? 1 : 0);
