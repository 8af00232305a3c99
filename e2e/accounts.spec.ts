import { expect, test } from "@playwright/test";
import { LoginPage, RegisterPage, signOut } from "./pages/auth-pages";

const DEMO = { patient: "demo@proxima.local", mentor: "mentor@proxima.local", memberPassword: "demo-password-1", mentorPassword: "mentor-password-1" };

test("register → sign out → sign in → empty dashboard", async ({ page }) => {
  const email = `new-${Date.now()}@example.com`;
  const register = new RegisterPage(page);
  await register.goto();
  await register.register("Robin Test", email, "a sturdy passphrase 7");
  await expect(page).toHaveURL(/\/dashboard/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Robin");
  await expect(page.getByText("No data yet")).toBeVisible();

  await signOut(page);
  const login = new LoginPage(page);
  await login.signIn(email, "a sturdy passphrase 7");
  await expect(page).toHaveURL(/\/dashboard/);
  await expect(page.getByText("No data yet")).toBeVisible();
  await page.screenshot({ path: "test-results/empty-dashboard.png", fullPage: true });
});

test("registering an existing email or a weak password explains what to do", async ({ page }) => {
  const register = new RegisterPage(page);
  await register.goto();
  await register.register("Someone", DEMO.patient, "a sturdy passphrase 7");
  await expect(page.locator("form [role=alert]")).toContainText("already exists");
  await register.register("Someone", `weak-${Date.now()}@example.com`, "short");
  await expect(page.getByText("Use at least 10 characters")).toBeVisible();
});

test("a wrong password gets one generic message", async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(DEMO.patient, "not-the-password-9");
  await login.expectError("do not match an account");
  await login.signIn("nobody-here@example.com", "not-the-password-9");
  await login.expectError("do not match an account");
});

test("the demo patient is greeted with their data", async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(DEMO.patient, DEMO.memberPassword);
  await expect(page).toHaveURL(/\/dashboard/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Alex");
  await expect(page.getByText("Latest reading")).toBeVisible();
  await page.screenshot({ path: "test-results/demo-dashboard.png", fullPage: true });
});

test("the mentor sees three mentees", async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(DEMO.mentor, DEMO.mentorPassword);
  await expect(page).toHaveURL(/\/mentor/);
  await expect(page.getByTestId("mentee-row")).toHaveCount(3);
  await page.screenshot({ path: "test-results/mentor.png", fullPage: true });
});

test("signed-out visitors are sent to sign in", async ({ page }) => {
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/mentor");
  await expect(page).toHaveURL(/\/login/);
});
