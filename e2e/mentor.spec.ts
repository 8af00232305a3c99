import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./pages/a11y";
import { LoginPage, signOut } from "./pages/auth-pages";

const MENTOR = { email: "mentor@proxima.local", password: "mentor-password-1" };
const QUESTION = "What should we talk about this week?";

test("mentor: mentees ranked by risk → mentee page → copilot → audit entry the mentee sees", async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(MENTOR.email, MENTOR.password);
  await expect(page).toHaveURL(/\/mentor/);

  // Ranked by risk: the badges never go from a lower level to a higher one down the list.
  const rows = page.getByTestId("mentee-row");
  await expect(rows).toHaveCount(3);
  const levels = await page.getByTestId("mentee-row").getByTestId("risk-badge").evaluateAll((els) => els.map((e) => e.getAttribute("data-level")));
  const rank = { high: 2, medium: 1, low: 0 } as Record<string, number>;
  expect(levels.map((l) => rank[l ?? "low"])).toEqual([...levels.map((l) => rank[l ?? "low"])].sort((a, b) => b - a));
  await expect(rows.first()).toContainText("Lee");
  await page.screenshot({ path: "test-results/mentor-1-ranked.png", fullPage: true });
  await expectNoSeriousA11yViolations(page);

  await rows.first().getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Lee");
  await expect(page.getByRole("heading", { name: "Adherence and risk" })).toBeVisible();
  await expect(page.getByTestId("goal-card").first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "Glucose, 14 days" })).toBeVisible();

  await page.getByLabel(/Ask about/).fill(QUESTION);
  await page.getByRole("button", { name: "Ask the copilot" }).click();
  await expect(page.getByTestId("copilot-answer")).toContainText(QUESTION);
  await page.reload();
  await expect(page.getByRole("list", { name: "Copilot questions, newest first" })).toContainText(QUESTION);
  await page.screenshot({ path: "test-results/mentor-2-mentee.png", fullPage: true });
  await expectNoSeriousA11yViolations(page);

  // The mentee sees what was asked about them.
  await signOut(page);
  await login.signIn("lee@proxima.local", "demo-password-1");
  await expect(page).toHaveURL(/\/dashboard/);
  await page.goto("/mentor-activity");
  await expect(page.getByRole("heading", { level: 1, name: "Mentor activity" })).toBeVisible();
  await expect(page.getByText(QUESTION).first()).toBeVisible();
  await page.screenshot({ path: "test-results/mentor-3-mentee-audit.png", fullPage: true });
});

test("a mentor cannot open a member who is not their mentee", async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(MENTOR.email, MENTOR.password);
  await expect(page).toHaveURL(/\/mentor/);
  const response = await page.goto("/mentor/00000000-0000-4000-8000-000000000000");
  expect(response?.status()).toBe(404);
  const malformed = await page.goto("/mentor/not-an-id");
  expect(malformed?.status()).toBe(404);
});

test("the mentor's pages and the member's new pages fit a phone", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const login = new LoginPage(page);
  const fits = async (path: string) => {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(1);
  };
  await login.goto();
  await login.signIn(MENTOR.email, MENTOR.password);
  await expect(page).toHaveURL(/\/mentor/);
  await fits("/mentor");
  await page.getByTestId("mentee-row").first().getByRole("link").first().click();
  await expect(page.getByRole("heading", { name: "Copilot" })).toBeVisible();
  await fits(page.url());
  await page.screenshot({ path: "test-results/mentor-phone.png", fullPage: true });
  await fits("/mentor/group");
  await signOut(page);
  await login.signIn("lee@proxima.local", "demo-password-1");
  await expect(page).toHaveURL(/\/dashboard/);
  for (const path of ["/journal", "/coach", "/group", "/mentor-activity", "/goals/new"]) await fits(path);
});
