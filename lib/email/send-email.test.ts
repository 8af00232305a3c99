import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { useTemporaryOutbox } from "./testing/temporary-outbox";
import { composeShareLinkEmail } from "./share-link-email";
import { outboxDir, sendEmail } from "./send-email";

describe("sendEmail without SMTP_URL", () => {
  const outbox = useTemporaryOutbox({ subfolder: "nested/outbox" });

  it("writes one JSON file per message in OUTBOX_DIR, creating the folder", async () => {
    expect(outboxDir()).toBe(outbox.outbox);
    const first = await sendEmail({ to: "dr.house@example.org", subject: "Hello", text: "Plain body", html: "<p>Html body</p>" });
    const second = await sendEmail({ to: "other@example.org", subject: "Second", text: "Another" });
    expect(first.via).toBe("outbox");
    expect(first.messageId).toMatch(/^<.+@.+>$/);
    const files = fs.readdirSync(outboxDir()).sort();
    expect(files).toHaveLength(2);
    expect(files.every((f) => f.endsWith(".json"))).toBe(true);
    const written = JSON.parse(fs.readFileSync(first.file!, "utf8"));
    expect(written).toMatchObject({ to: "dr.house@example.org", subject: "Hello", text: "Plain body", html: "<p>Html body</p>", messageId: first.messageId });
    expect(written.from).toBe("Proxima <no-reply@proxima.local>");
    expect(JSON.parse(fs.readFileSync(second.file!, "utf8")).html).toBeNull();
  });

  it("refuses an invalid address or a subject with a line break, writing nothing", async () => {
    await expect(sendEmail({ to: "not-an-email", subject: "Hi", text: "x" })).rejects.toMatchObject({ code: "bad_request:email" });
    await expect(sendEmail({ to: "a@example.org", subject: "Hi\r\nBcc: evil@example.org", text: "x" })).rejects.toMatchObject({ code: "bad_request:email" });
    expect(fs.existsSync(outboxDir())).toBe(false);
  });

  it("sends the share link email with the link and no health figures", async () => {
    const url = "https://proxima.example/shared/abcDEF_123-abcDEF_123-abcDEF_123-abcDEF_123x";
    const msg = composeShareLinkEmail({ to: "gp@example.org", patientName: "Ada <Lovelace>", url, from: "2026-10-01", until: "2026-10-31", expiresAt: new Date("2026-12-01T10:00:00Z") });
    expect(msg.subject).toBe("Ada <Lovelace> shared a glucose report with you");
    expect(msg.text).toContain(url);
    expect(msg.text).toContain("Period: 2026-10-01 to 2026-10-31");
    expect(msg.text).toContain("until 2026-12-01");
    expect(msg.html).toContain("Ada &lt;Lovelace&gt;");
    expect(msg.html).not.toContain("<Lovelace>");
    const sent = await sendEmail(msg);
    const written = JSON.parse(fs.readFileSync(sent.file!, "utf8"));
    expect(written.to).toBe("gp@example.org");
    expect(written.text).toContain(url);
  });
});
