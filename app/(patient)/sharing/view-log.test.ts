import { describe, expect, it } from "vitest";
import { describeBrowser, describeExport, describeView } from "./view-log";

const SAFARI = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15";
const CHROME_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

describe("the sharing page's view log", () => {
  it("says what was opened, when in the patient's zone, from which browser and which network", () => {
    expect(describeView({ viewedAt: new Date("2026-11-20T08:05:00Z"), kind: "page", userAgent: SAFARI, ipHash: "3f9a7bc0ffee" }, "Europe/Paris")).toEqual({
      when: "20 Nov 2026, 09:05",
      what: "Opened the report",
      browser: "Safari 17 on macOS",
      network: "network 3f9a7b",
    });
    expect(describeView({ viewedAt: new Date("2026-11-20T23:30:00Z"), kind: "pdf", userAgent: CHROME_WINDOWS, ipHash: null }, "America/New_York")).toMatchObject({
      when: "20 Nov 2026, 18:30",
      what: "Downloaded the PDF",
      browser: "Chrome 131 on Windows",
      network: "network unknown",
    });
  });

  it("names an unknown or empty user agent plainly", () => {
    expect(describeBrowser(null)).toBe("an unknown browser");
    expect(describeBrowser("  ")).toBe("an unknown browser");
    expect(describeBrowser("curl/8.5.0")).toMatch(/^curl|an unknown browser/);
  });

  it("describes exports: a PDF, and a link with or without an email", () => {
    const at = new Date("2026-11-22T10:00:00Z");
    expect(describeExport({ exportType: "pdf", periodStart: "2026-11-08", periodEnd: "2026-11-21", recipientEmail: null, createdAt: at }, "UTC")).toEqual({
      when: "22 Nov 2026, 10:00",
      what: "PDF downloaded",
      period: "2026-11-08 → 2026-11-21",
    });
    expect(describeExport({ exportType: "doctor_share", periodStart: "2026-11-08", periodEnd: "2026-11-21", recipientEmail: "gp@example.org", createdAt: at }, "UTC").what).toBe("Link created and sent to gp@example.org");
    expect(describeExport({ exportType: "doctor_share", periodStart: null, periodEnd: null, recipientEmail: null, createdAt: at }, "UTC")).toMatchObject({ what: "Link created", period: "" });
  });
});
