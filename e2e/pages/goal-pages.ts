import { expect, type Page } from "@playwright/test";

export class NewGoalPage {
  constructor(private readonly page: Page) {}
  async goto() {
    await this.page.goto("/goals/new");
    await expect(this.page.getByRole("heading", { level: 1, name: "A new goal" })).toBeVisible();
  }
  async propose(goal: string, minutesPerWeek?: number) {
    await this.page.getByLabel("Goal", { exact: true }).fill(goal);
    if (minutesPerWeek) await this.page.getByLabel("Minutes a week (optional)").fill(String(minutesPerWeek));
    await this.page.getByRole("button", { name: "Propose a plan" }).click();
    await expect(this.page.getByTestId("plan-editor")).toBeVisible();
  }
  habit(index: number) {
    return this.page.getByTestId("plan-habit").nth(index);
  }
  async makeFirstHabitDaily(title: string) {
    const habit = this.habit(0);
    await habit.getByLabel("Habit 1").fill(title);
    await habit.getByLabel("How often").selectOption("daily");
  }
  async accept() {
    await this.page.getByRole("button", { name: "Accept plan" }).click();
    await expect(this.page).toHaveURL(/\/goals$/);
  }
}

export class GoalsPage {
  constructor(private readonly page: Page) {}
  async goto() {
    await this.page.goto("/goals");
    await expect(this.page.getByRole("heading", { level: 1, name: "Your goals" })).toBeVisible();
  }
  todayHabit(title: string) {
    return this.page.getByTestId("today-habit").filter({ hasText: title });
  }
  habitRow(title: string) {
    return this.page.getByTestId("habit-row").filter({ hasText: title });
  }
  async checkIn(title: string, status: "Done" | "Skip" | "Missed") {
    const row = this.todayHabit(title);
    await row.getByRole("button", { name: status }).click();
    await expect(row.getByRole("button", { name: status })).toHaveAttribute("aria-pressed", "true");
    await expect(row.getByText(/for \d{4}-\d{2}-\d{2}\./)).toBeVisible();
  }
}
