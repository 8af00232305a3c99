import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./pages/a11y";
import { LoginPage } from "./pages/auth-pages";
import { Dashboard, WeeklyBriefPage } from "./pages/brief-pages";

const DEMO = { email: "demo@proxima.local", password: "demo-password-1" };

test("demo patient: weekly brief overlay → soft dismiss → brief page → note → refresh", async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(DEMO.email, DEMO.password);
  await expect(page).toHaveURL(/\/dashboard/);

  const dashboard = new Dashboard(page);
  await expect(dashboard.overlay()).toBeVisible();
  await expect(dashboard.overlay()).toContainText("Your weekly brief");
  await page.screenshot({ path: "test-results/journey-1-overlay.png", fullPage: true });
  await dashboard.dismissOverlaySoftly();

  // It stays away for the rest of the week.
  await page.reload();
  await expect(page.getByText("Ambulatory glucose profile")).toBeVisible();
  await expect(dashboard.overlay()).toHaveCount(0);
  await page.screenshot({ path: "test-results/journey-2-dashboard.png", fullPage: true });
  await expectNoSeriousA11yViolations(page);

  const brief = new WeeklyBriefPage(page);
  await brief.goto();
  await expect(page.getByRole("heading", { name: "Insights" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Strategic moves" })).toBeVisible();
  await brief.saveNote("Travelled on Thursday; the spike was a late airport dinner.");
  await page.reload();
  await expect(page.getByLabel(/Your note on this week/)).toHaveValue("Travelled on Thursday; the spike was a late airport dinner.");
  const before = await brief.refreshesLeft();
  await brief.refresh();
  expect(await brief.refreshesLeft()).toBe(before - 1);
  await page.screenshot({ path: "test-results/journey-3-weekly-brief.png", fullPage: true });
  await expectNoSeriousA11yViolations(page);

  // History and a malformed week in the URL.
  await page.goto("/weekly-brief/not-a-week");
  await expect(page.getByText("That is not a week")).toBeVisible();
});

test("the dashboard works on a phone", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(DEMO.email, DEMO.password);
  await expect(page).toHaveURL(/\/dashboard/);
  await expect(page.getByText("Time in ranges · 14 days")).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(1);
  await page.screenshot({ path: "test-results/journey-phone-dashboard.png", fullPage: true });
});

test("the intelligence pages render the demo patient's patterns", async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(DEMO.email, DEMO.password);
  await expect(page).toHaveURL(/\/dashboard/);
  for (const [path, heading] of [
    ["/intelligence", "Intelligence"],
    ["/intelligence/velocity", "Velocity"],
    ["/intelligence/patterns", "Patterns"],
    ["/intelligence/timeline", "Timeline"],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await expect(page.getByText(/Something went wrong/)).toHaveCount(0);
    await page.screenshot({ path: `test-results/intelligence-${heading.toLowerCase()}.png`, fullPage: true });
  }
  await page.goto("/intelligence/patterns");
  await expect(page.getByRole("heading", { name: "Lagged correlations" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});
