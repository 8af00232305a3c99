import crypto from "node:crypto";
import { promisify } from "node:util";

/**
 * Password hashing with scrypt from Node's crypto (OpenSSL): a memory-hard KDF recommended by OWASP,
 * with no native add-on to build. Stored as `scrypt$N$r$p$salt$hash` (base64url) so parameters can
 * be raised later and old hashes still verify.
 */
const scrypt = promisify(crypto.scrypt) as (pw: string, salt: Buffer, len: number, opts: crypto.ScryptOptions) => Promise<Buffer>;
const N = 2 ** 15;
const R = 8;
const P = 1;
const KEY_LEN = 32;
const MAXMEM = 128 * N * R * 2;

export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.randomBytes(16);
  const hash = await scrypt(password.normalize("NFKC"), salt, KEY_LEN, { N, r: R, p: P, maxmem: MAXMEM });
  return ["scrypt", N, R, P, salt.toString("base64url"), hash.toString("base64url")].join("$");
}

export async function verifyPassword(password: string, stored: string | null | undefined): Promise<boolean> {
  const parts = stored?.split("$");
  if (!parts || parts.length !== 6 || parts[0] !== "scrypt") {
    // Spend the same time as a real check so a missing account cannot be told apart by timing.
    await scrypt(password, crypto.randomBytes(16), KEY_LEN, { N, r: R, p: P, maxmem: MAXMEM });
    return false;
  }
  const [, n, r, p, saltB64, hashB64] = parts;
  const expected = Buffer.from(hashB64, "base64url");
  const actual = await scrypt(password.normalize("NFKC"), Buffer.from(saltB64, "base64url"), expected.length, {
    N: Number(n), r: Number(r), p: Number(p), maxmem: 128 * Number(n) * Number(r) * 2,
  });
  return crypto.timingSafeEqual(actual, expected);
}

const COMMON = new Set([
  "password", "password1", "password123", "1234567890", "qwertyuiop", "iloveyou", "letmein123", "welcome123",
  "admin12345", "abc1234567", "passw0rd123", "qwerty1234", "1q2w3e4r5t", "football12", "monkey1234",
]);

/** Why a password is too weak, in a sentence, or null when it is acceptable (NIST 800-63B style: length first). */
export function passwordWeakness(password: string, email?: string): string | null {
  if (password.length < 10) return "Use at least 10 characters for your password.";
  if (password.length > 200) return "Use at most 200 characters for your password.";
  if (COMMON.has(password.toLowerCase())) return "That password is too common. Choose one that is harder to guess.";
  if (/^(.)\1+$/.test(password)) return "A password of one repeated character is too easy to guess.";
  const local = email?.split("@")[0]?.toLowerCase();
  if (local && local.length >= 4 && password.toLowerCase().includes(local)) return "Your password should not contain your email address.";
  if (password.length < 16 && !(/[a-zA-Z]/.test(password) && /[^a-zA-Z]/.test(password))) {
    return "Mix letters with numbers or symbols, or use a longer passphrase (16+ characters).";
  }
  return null;
}
