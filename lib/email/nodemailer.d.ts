// nodemailer 8 ships no types and @types/nodemailer is not installed: the little Proxima uses.
declare module "nodemailer" {
  export type Address = string | { name: string; address: string };
  export type SendMailOptions = { from?: Address; to: Address | Address[]; subject: string; text?: string; html?: string; headers?: Record<string, string> };
  export type SentMessageInfo = { messageId: string; envelope?: { from: string | false; to: string[] }; message?: string | Buffer; accepted?: string[]; rejected?: string[] };
  export interface Transporter {
    sendMail(options: SendMailOptions): Promise<SentMessageInfo>;
    close(): void;
  }
  export function createTransport(options: string | Record<string, unknown>): Transporter;
  const nodemailer: { createTransport: typeof createTransport };
  export default nodemailer;
}
