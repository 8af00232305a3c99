import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { findCredentialsByEmail, normalizeEmail } from "@/db/queries/users";
import { consumeLimit, peekLimit, resetLimit, type Limit } from "@/db/queries/rate-limit";
import { verifyPassword } from "./password";
import { getAuthSecret } from "@/lib/env";
import { clientIp } from "@/lib/http/client-ip";
import type { Role } from "@/db/queries/context";

/** Failed sign-ins: 5 per account and 20 per IP address in 15 minutes, then a 15-minute wait. */
export const LOGIN_LIMIT_PER_ACCOUNT: Limit = { keyPrefix: "login-account", points: 5, durationSeconds: 900, blockSeconds: 900 };
export const LOGIN_LIMIT_PER_IP: Limit = { keyPrefix: "login-ip", points: 20, durationSeconds: 900, blockSeconds: 900 };

export class TooManyAttempts extends CredentialsSignin {
  code = "rate_limited";
}

const credentialsSchema = z.object({ email: z.string().email().max(254), password: z.string().min(1).max(200) });

/** Checks email + password; null (one generic failure) for any mismatch, so accounts can't be probed. */
export async function authorizeCredentials(raw: unknown, headers: Headers) {
  const parsed = credentialsSchema.safeParse(raw);
  if (!parsed.success) return null;
  const email = normalizeEmail(parsed.data.email);
  const ip = clientIp(headers);
  const [byAccount, byIp] = await Promise.all([peekLimit(LOGIN_LIMIT_PER_ACCOUNT, email), peekLimit(LOGIN_LIMIT_PER_IP, ip)]);
  if (!byAccount.allowed || !byIp.allowed) throw new TooManyAttempts();

  const user = await findCredentialsByEmail(email);
  const ok = await verifyPassword(parsed.data.password, user?.passwordHash);
  if (!user || !ok) {
    await Promise.all([consumeLimit(LOGIN_LIMIT_PER_ACCOUNT, email), consumeLimit(LOGIN_LIMIT_PER_IP, ip)]);
    return null;
  }
  await resetLimit(LOGIN_LIMIT_PER_ACCOUNT, email);
  return { id: user.id, email: user.email, name: user.name, role: user.role as Role };
}

export const authConfig = {
  // Credentials sign-in requires JWT sessions in Auth.js; the Auth.js tables stay for OAuth later.
  session: { strategy: "jwt", maxAge: 30 * 24 * 3600 },
  trustHost: true,
  pages: { signIn: "/login" },
  providers: [
    Credentials({
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      authorize: (credentials, request) => authorizeCredentials(credentials, request.headers),
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id as string;
        token.role = (user as { role: Role }).role;
      }
      return token;
    },
    session({ session, token }) {
      session.user.id = token.uid as string;
      session.user.role = token.role as Role;
      return session;
    },
  },
} satisfies NextAuthConfig;

// Lazy: the secret is read on the first request, not at build time (where none need exist).
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({ ...authConfig, secret: getAuthSecret() }));
