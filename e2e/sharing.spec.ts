import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { LoginPage } from "./pages/auth-pages";

const DEMO = { email: "demo@proxima.local", password: "demo-password-1" };
// e2e/serve.ts starts the app with OUTBOX_DIR=.data/e2e/outbox (no SMTP), relative to the repo.
const OUTBOX = path.resolve(".data/e2e/outbox");

/** The /sharing page (kept in this spec: the brief gives this task no page-object file of its own). */
class SharingPage {
  constructor(private readonly page: Page) {}
  async goto() {
    await this.page.goto("/sharing");
    await expect(this.page.getByRole("heading", { level: 1, name: "Share with your doctor" })).toBeVisible();
  }
  async createLink(options: { doctorEmail?: string; days?: number }) {
    if (options.days !== undefined) await this.page.getByLabel("Link valid for (days)").fill(String(options.days));
    if (options.doctorEmail) await this.page.getByLabel("Doctor's email (optional)").fill(options.doctorEmail);
    await this.page.getByRole("button", { name: "Create share link" }).click();
    const url = this.page.getByTestId("share-url");
    await expect(url).toBeVisible();
    return (await url.textContent())!.trim();
  }
  row(doctorEmail: string) {
    return this.page.getByTestId("share-link-row").filter({ hasText: doctorEmail });
  }
  async revoke(doctorEmail: string) {
    await this.row(doctorEmail).getByRole("button", { name: "Revoke" }).click();
    await expect(this.row(doctorEmail)).toHaveAttribute("data-status", "revoked");
  }
}

function outboxMessages(): { to: string; subject: string; text: string }[] {
  if (!fs.existsSync(OUTBOX)) return [];
  return fs
    .readdirSync(OUTBOX)
    .filter((f) => f.endsWith(".json"))
    .map((f) => JSON.parse(fs.readFileSync(path.join(OUTBOX, f), "utf8")));
}

test("a patient shares a report; a doctor with no account opens it and the PDF; revoking ends it (410)", async ({ page, browser }) => {
  const doctor = `dr-${Date.now()}@clinic.example`;
  await new LoginPage(page).goto();
  await new LoginPage(page).signIn(DEMO.email, DEMO.password);
  await expect(page).toHaveURL(/\/dashboard/);

  const sharing = new SharingPage(page);
  await sharing.goto();
  const shareUrl = await sharing.createLink({ doctorEmail: doctor, days: 7 });
  expect(shareUrl).toMatch(/\/shared\/[A-Za-z0-9_-]{43}$/);
  await expect(page.getByRole("status").filter({ hasText: `sent to ${doctor}` })).toBeVisible();

  // The patient's own PDF for the chosen range.
  const ownPdf = await page.request.get((await page.getByTestId("download-pdf").getAttribute("href"))!);
  expect(ownPdf.status()).toBe(200);
  expect(ownPdf.headers()["content-type"]).toBe("application/pdf");
  expect((await ownPdf.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");

  // The doctor: a fresh context, no cookies.
  const doctorContext = await browser.newContext();
  expect(await doctorContext.cookies()).toEqual([]);
  const doctorPage = await doctorContext.newPage();
  const opened = await doctorPage.goto(shareUrl);
  expect(opened?.status()).toBe(200);
  expect(opened?.headers()["x-robots-tag"]).toContain("noindex");
  expect(opened?.headers()["cache-control"]).toBe("no-store");
  await expect(doctorPage.getByRole("heading", { level: 1 })).toContainText("Glucose report");
  await expect(doctorPage.getByRole("heading", { name: "Consensus targets" })).toBeVisible();
  await expect(doctorPage.getByRole("heading", { name: "Time in ranges" })).toBeVisible();
  await expect(doctorPage.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);

  const downloadHref = await doctorPage.getByRole("link", { name: "Download PDF" }).getAttribute("href");
  const pdf = await doctorContext.request.get(new URL(downloadHref!, shareUrl).toString());
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");

  // The views show up for the patient: how many, then each opening with its browser.
  await sharing.goto();
  await expect(sharing.row(doctor).getByTestId("share-views")).toHaveText("2 views");
  const log = sharing.row(doctor).getByTestId("share-view-log");
  await log.getByText("Who opened it").click();
  await expect(log.getByRole("listitem")).toHaveCount(2);
  await expect(log.getByRole("listitem").filter({ hasText: "Downloaded the PDF" })).toBeVisible();
  await expect(log.getByRole("listitem").filter({ hasText: "Opened the report" })).toContainText(/Chrom/);
  // Both exports are in the history: the link with its email, and the patient's own PDF.
  const history = page.getByTestId("export-history");
  await expect(history.getByRole("listitem").filter({ hasText: `Link created and sent to ${doctor}` })).toBeVisible();
  await expect(history.getByRole("listitem").filter({ hasText: "PDF downloaded" }).first()).toBeVisible();
  await page.screenshot({ path: "test-results/sharing-history.png", fullPage: true });

  // The outbox holds the email to the doctor, with the link.
  const mail = outboxMessages().find((m) => m.to === doctor);
  expect(mail?.subject).toContain("shared a glucose report with you");
  expect(mail?.text).toContain(shareUrl);

  // Revoke → the doctor now gets 410 Gone, for the page and the PDF.
  await sharing.revoke(doctor);
  const gone = await doctorPage.goto(shareUrl);
  expect(gone?.status()).toBe(410);
  await expect(doctorPage.getByRole("heading", { level: 1 })).toContainText("expired or was revoked");
  expect((await doctorContext.request.get(`${shareUrl}/pdf`)).status()).toBe(410);

  // A made-up token is a plain 404.
  const unknown = await doctorPage.goto(shareUrl.replace(/[A-Za-z0-9_-]{43}$/, "A".repeat(43)));
  expect(unknown?.status()).toBe(404);
  await doctorContext.close();

  // The sharing page, its view log open, fits a phone (long doctor addresses wrap).
  await page.setViewportSize({ width: 390, height: 844 });
  await sharing.goto();
  await sharing.row(doctor).getByTestId("share-view-log").getByText("Who opened it").click();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, "/sharing scrolls sideways").toBeLessThanOrEqual(1);
  await page.screenshot({ path: "test-results/sharing-phone.png", fullPage: true });
});
