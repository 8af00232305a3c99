import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import nodemailer, { type Transporter } from "nodemailer";
import { z } from "zod";
import { dataDir, getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";

export type EmailMessage = { to: string; subject: string; text: string; html?: string };
export type SentEmail = { messageId: string; via: "smtp" | "outbox"; file?: string };

const DEFAULT_FROM = "Proxima <no-reply@proxima.local>";

const messageSchema = z.object({
  to: z.email(),
  // A header line: no CR/LF, so a subject built from input cannot inject headers.
  subject: z.string().trim().min(1).max(200).regex(/^[^\r\n]*$/),
  text: z.string().min(1).max(100_000),
  html: z.string().max(200_000).optional(),
});

/** Where messages go without SMTP (DESIGN decision 8): OUTBOX_DIR, else .data/outbox. */
export function outboxDir(): string {
  return path.resolve(getEnv().OUTBOX_DIR ?? path.join(dataDir(), "outbox"));
}

let smtp: { url: string; transport: Transporter } | undefined;

function smtpTransport(url: string): Transporter {
  if (smtp?.url !== url) smtp = { url, transport: nodemailer.createTransport(url) };
  return smtp.transport;
}

/**
 * Sends one email: through SMTP when SMTP_URL is set, otherwise nodemailer's JSON transport composes
 * it and it is written as one JSON file in the outbox folder, which a developer (or an e2e test) reads.
 * Throws AppError bad_request:email for an invalid message, unavailable:email when SMTP fails (the
 * cause, which may name the server, is only logged by the caller).
 */
export async function sendEmail(message: EmailMessage): Promise<SentEmail> {
  const parsed = messageSchema.safeParse(message);
  if (!parsed.success) throw new AppError("bad_request:email", "The email cannot be sent: its address, subject or text is not valid.", { cause: parsed.error });
  const env = getEnv();
  const mail = { from: env.EMAIL_FROM ?? DEFAULT_FROM, ...parsed.data };

  if (env.SMTP_URL) {
    try {
      const info = await smtpTransport(env.SMTP_URL).sendMail(mail);
      return { messageId: info.messageId, via: "smtp" };
    } catch (e) {
      throw new AppError("unavailable:email", "The email could not be sent right now. Please try again later.", { cause: e });
    }
  }

  const info = await nodemailer.createTransport({ jsonTransport: true }).sendMail(mail);
  const composed = JSON.parse(String(info.message)) as Record<string, unknown>;
  const dir = outboxDir();
  await fs.mkdir(dir, { recursive: true });
  // Sortable by time, unique without coordination between processes.
  const name = `${new Date().toISOString().replace(/[:.]/g, "-")}-${crypto.randomBytes(4).toString("hex")}.json`;
  const file = path.join(dir, name);
  const record = { ...composed, to: parsed.data.to, from: mail.from, subject: parsed.data.subject, text: parsed.data.text, html: parsed.data.html ?? null, messageId: info.messageId };
  await fs.writeFile(file, JSON.stringify(record, null, 2), { mode: 0o600 });
  return { messageId: info.messageId, via: "outbox", file };
}
