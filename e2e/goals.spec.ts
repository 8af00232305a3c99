import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./pages/a11y";
import { RegisterPage } from "./pages/auth-pages";
import { GoalsPage, NewGoalPage } from "./pages/goal-pages";

test("member: goal → proposed plan → edit → accept → check-in → streak", async ({ page }) => {
  const register = new RegisterPage(page);
  await register.goto();
  await register.register("Gale Goals", `goals-${Date.now()}@example.com`, "a sturdy passphrase 7");
  await expect(page).toHaveURL(/\/dashboard/);

  const goals = new GoalsPage(page);
  await goals.goto();
  await expect(page.getByText("Start with one goal")).toBeVisible();

  const planner = new NewGoalPage(page);
  await planner.goto();
  await planner.propose("Run 3 times a week", 120);
  await expect(planner.habit(0)).toBeVisible();
  await page.screenshot({ path: "test-results/goals-1-plan.png", fullPage: true });
  await expectNoSeriousA11yViolations(page);
  await planner.makeFirstHabitDaily("Stretch for 5 minutes");
  await planner.accept();

  await expect(goals.todayHabit("Stretch for 5 minutes")).toBeVisible();
  await expect(goals.habitRow("Stretch for 5 minutes").getByTestId("current-streak")).toHaveText("0 days");
  await goals.checkIn("Stretch for 5 minutes", "Done");
  await page.reload();
  await expect(goals.habitRow("Stretch for 5 minutes").getByTestId("current-streak")).toHaveText("1 day");
  await expect(goals.habitRow("Stretch for 5 minutes")).toContainText("Done today");
  await expect(goals.todayHabit("Stretch for 5 minutes").getByRole("button", { name: "Done" })).toHaveAttribute("aria-pressed", "true");
  await page.screenshot({ path: "test-results/goals-2-checked-in.png", fullPage: true });
  await expectNoSeriousA11yViolations(page);

  // The same one-tap check-in is on the dashboard.
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { name: "Today's habits" })).toBeVisible();
  await expect(goals.todayHabit("Stretch for 5 minutes").getByRole("button", { name: "Done" })).toHaveAttribute("aria-pressed", "true");
});

test("the goals page works on a phone for the demo member", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/login");
  await page.getByLabel("Email").fill("jordan@proxima.local");
  await page.getByLabel("Password").fill("demo-password-1");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard/);
  const goals = new GoalsPage(page);
  await goals.goto();
  await expect(page.getByTestId("goal-card").first()).toBeVisible();
  await expect(page.getByTestId("risk-badge")).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(1);
  await page.screenshot({ path: "test-results/goals-phone.png", fullPage: true });
});

test("member: journal entry gets a mood, and the coach answers from the data and keeps the conversation", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill("priya@proxima.local");
  await page.getByLabel("Password").fill("demo-password-1");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard/);

  await page.goto("/journal");
  await page.getByLabel("How was your day?").fill("Great walk after dinner, I feel proud and happy. #walk");
  await page.getByLabel("Tags (optional)").fill("evening");
  await page.getByRole("button", { name: "Save entry" }).click();
  await expect(page.getByTestId("saved-mood")).toContainText(/positive/i);
  await expect(page.getByText("#evening, #walk").or(page.getByText("#walk, #evening")).first()).toBeVisible();
  await page.screenshot({ path: "test-results/journal.png", fullPage: true });
  await expectNoSeriousA11yViolations(page);

  await page.goto("/coach");
  const log = page.getByRole("log", { name: "Conversation with the coach" });
  await page.getByLabel("Your message").fill("How are my streaks?");
  await page.getByRole("button", { name: "Send" }).click();
  await expect(log).toContainText("How are my streaks?");
  await expect(log).toContainText(/streak/i);
  await expect(page.getByRole("button", { name: "Send" })).toBeVisible(); // the answer has finished streaming
  const answer = await log.innerText();
  await page.reload();
  await expect(page.getByRole("log", { name: "Conversation with the coach" })).toContainText("How are my streaks?");
  expect(answer.length).toBeGreaterThan(40);
  await page.screenshot({ path: "test-results/coach.png", fullPage: true });
  await expectNoSeriousA11yViolations(page);
});
