import type { EmailMessage } from "./send-email";

export type ShareLinkEmailInput = { to: string; patientName: string; url: string; from: string; until: string; expiresAt: Date };

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/**
 * The email a doctor receives. It carries the link and nothing else about the person's health: an
 * inbox is not a place for glucose figures, and the link can be revoked while an email cannot.
 */
export function composeShareLinkEmail(input: ShareLinkEmailInput): EmailMessage {
  const name = input.patientName.replace(/[\r\n]+/g, " ").trim().slice(0, 80) || "A patient";
  const expires = input.expiresAt.toISOString().slice(0, 10);
  const text = [
    `${name} shared a glucose report with you through Proxima.`,
    "",
    `Period: ${input.from} to ${input.until}`,
    `Open the report (no account needed): ${input.url}`,
    "",
    `The link works until ${expires} unless ${name} revokes it sooner. Please do not forward it.`,
  ].join("\n");
  const html = `<p>${escapeHtml(name)} shared a glucose report with you through Proxima.</p>
<p>Period: ${escapeHtml(input.from)} to ${escapeHtml(input.until)}</p>
<p><a href="${escapeHtml(input.url)}">Open the report</a> (no account needed).</p>
<p>The link works until ${escapeHtml(expires)} unless ${escapeHtml(name)} revokes it sooner. Please do not forward it.</p>`;
  return { to: input.to, subject: `${name} shared a glucose report with you`, text, html };
}
