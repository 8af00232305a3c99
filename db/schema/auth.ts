import { sql } from "drizzle-orm";
import {
  pgTable, pgEnum, uuid, text, timestamp, integer, doublePrecision, primaryKey, index, uniqueIndex, pgPolicy,
} from "drizzle-orm/pg-core";
import { appUser, currentUserId, ownerOnly } from "./rls";

export const userRole = pgEnum("user_role", ["patient", "mentor", "admin"]);
export const glucoseUnit = pgEnum("glucose_unit", ["mg/dL", "mmol/L"]);

/** People. Auth.js's user table, extended with Proxima's profile and preferences. */
export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name"),
    email: text("email").notNull(),
    emailVerified: timestamp("email_verified", { withTimezone: true, mode: "date" }),
    image: text("image"),
    /** scrypt hash in the self-describing format of lib/auth/password.ts; null for OAuth-only accounts. */
    passwordHash: text("password_hash"),
    role: userRole("role").notNull().default("patient"),
    timezone: text("timezone").notNull().default("UTC"),
    glucoseUnit: glucoseUnit("glucose_unit").notNull().default("mg/dL"),
    diabetesType: text("diabetes_type"),
    targetLowMgdl: doublePrecision("target_low_mgdl").notNull().default(70),
    targetHighMgdl: doublePrecision("target_high_mgdl").notNull().default(180),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("users_email_lower_idx").on(sql`lower(${t.email})`),
    // A person sees their own profile, and the profiles of people they are linked with as mentor/mentee.
    pgPolicy("users_self", { for: "all", to: appUser, using: sql`${t.id} = ${currentUserId}`, withCheck: sql`${t.id} = ${currentUserId}` }),
    pgPolicy("users_linked_read", { for: "select", to: appUser, using: sql`app_is_linked(${t.id})` }),
  ],
).enableRLS();

/** Auth.js adapter tables: kept in the Auth.js shape so an OAuth provider can be added later. */
export const accounts = pgTable(
  "accounts",
  {
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    type: text("type").notNull(),
    provider: text("provider").notNull(),
    providerAccountId: text("provider_account_id").notNull(),
    refresh_token: text("refresh_token"),
    access_token: text("access_token"),
    expires_at: integer("expires_at"),
    token_type: text("token_type"),
    scope: text("scope"),
    id_token: text("id_token"),
    session_state: text("session_state"),
  },
  (t) => [primaryKey({ columns: [t.provider, t.providerAccountId] }), ...ownerOnly("accounts", t.userId)],
).enableRLS();

export const sessions = pgTable(
  "sessions",
  {
    sessionToken: text("session_token").primaryKey(),
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    expires: timestamp("expires", { withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [...ownerOnly("sessions", t.userId)],
).enableRLS();

export const verificationTokens = pgTable(
  "verification_tokens",
  {
    identifier: text("identifier").notNull(),
    token: text("token").notNull(),
    expires: timestamp("expires", { withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.identifier, t.token] })],
);

export const tokenScope = pgEnum("token_scope", ["read", "write"]);

/** Personal access tokens for devices and apps (/api/v1). Only the SHA-256 of the token is stored. */
export const personalAccessTokens = pgTable(
  "personal_access_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull(),
    /** The first characters, shown in settings so a person can tell tokens apart. */
    prefix: text("prefix").notNull(),
    scope: tokenScope("scope").notNull(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("pat_hash_idx").on(t.tokenHash), index("pat_user_idx").on(t.userId), ...ownerOnly("pat", t.userId)],
).enableRLS();

/** Counters for rate-limiter-flexible's RateLimiterDrizzle (failed logins, API calls, token guessing). */
export const rateLimits = pgTable("rate_limits", {
  key: text("key").primaryKey(),
  points: integer("points").notNull().default(0),
  expire: timestamp("expire", { withTimezone: true, mode: "date" }),
});
