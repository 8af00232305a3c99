import type { Role, Viewer } from "@/db/queries/context";
import { createAccount } from "@/db/queries/users";

/**
 * A registered account as the viewer the query functions take, for database tests: `name@example.com`
 * (lower-cased) unless an email is given, UTC unless a zone is given, a patient unless a role is given.
 */
export async function createTestViewer(name: string, options: { role?: Role; timezone?: string; email?: string } = {}): Promise<Viewer> {
  const role = options.role ?? "patient";
  const account = await createAccount({
    email: options.email ?? `${name.toLowerCase()}@example.com`,
    name,
    password: "a sturdy passphrase 7",
    role,
    timezone: options.timezone ?? "UTC",
  });
  return { userId: account.id, role };
}
