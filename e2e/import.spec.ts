import { expect, test } from "@playwright/test";
import path from "node:path";
import { RegisterPage } from "./pages/auth-pages";

const FORMATS = path.resolve(__dirname, "../../shared/data/formats");

test("a new member imports a Dexcom Clarity export and sees it in their data", async ({ page }) => {
  const register = new RegisterPage(page);
  await register.goto();
  await register.register("Uma Upload", `upload-${Date.now()}@example.com`, "a sturdy passphrase 7");
  await expect(page).toHaveURL(/\/dashboard/);

  await page.goto("/data/import");
  await page.getByLabel("Export file").setInputFiles(path.join(FORMATS, "dexcom-clarity/g6-receiver-mmol.csv"));
  await page.getByLabel("Timezone the device clock was set to").selectOption("Europe/London");
  await page.getByRole("button", { name: "Import" }).click();
  const summary = page.getByTestId("import-summary");
  await expect(summary).toContainText("Import finished: 299 new records stored", { timeout: 60_000 });
  await page.screenshot({ path: "test-results/import-done.png", fullPage: true });

  await page.goto("/data");
  await expect(page.getByRole("row", { name: /Glucose readings/ })).toContainText("299");
  await expect(page.getByRole("list", { name: "Recent imports" })).toContainText("g6-receiver-mmol.csv");
  await page.goto("/dashboard");
  await expect(page.getByText("Latest reading")).toBeVisible();

  // With one day of readings, "Run analysis now" starts the workflow (a server action) and follows it to the end.
  await page.goto("/intelligence");
  await page.getByRole("button", { name: /Run analysis now/ }).first().click();
  await expect(page.getByText("Done: the results below are fresh.")).toBeVisible({ timeout: 60_000 });
  await page.screenshot({ path: "test-results/import-analysis.png", fullPage: true });
});

test("a file from another vendor gets a clear error", async ({ page }) => {
  const register = new RegisterPage(page);
  await register.goto();
  await register.register("Vic Vendor", `vendor-${Date.now()}@example.com`, "a sturdy passphrase 7");
  await expect(page).toHaveURL(/\/dashboard/);
  await page.goto("/data/import");
  await page.getByLabel("Export file").setInputFiles(path.join(FORMATS, "libreview/us-notes.csv"));
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.locator("main [role=alert]")).toContainText("not a Dexcom, LibreView");
});
