import { expect, type Page } from "@playwright/test";

export class Dashboard {
  constructor(private readonly page: Page) {}
  overlay() {
    return this.page.getByRole("dialog", { name: /./ });
  }
  async dismissOverlaySoftly() {
    await this.overlay().getByRole("button", { name: "Not now" }).click();
    await expect(this.overlay()).toHaveCount(0);
  }
}

export class WeeklyBriefPage {
  constructor(private readonly page: Page) {}
  async goto() {
    await this.page.goto("/weekly-brief");
    await expect(this.page.getByRole("heading", { level: 1, name: "Weekly brief" })).toBeVisible();
  }
  async saveNote(text: string) {
    await this.page.getByLabel(/Your note on this week/).fill(text);
    await this.page.getByRole("button", { name: "Save note" }).click();
    await expect(this.page.getByText("Note saved.")).toBeVisible();
  }
  async refreshesLeft(): Promise<number> {
    const text = await this.page.getByTestId("refreshes-left").innerText();
    return Number(text.split(" ")[0]);
  }
  async refresh() {
    await this.page.getByRole("button", { name: "Refresh this week's brief" }).click();
    await expect(this.page.getByText(/refreshes left this week\./)).toBeVisible();
  }
}
