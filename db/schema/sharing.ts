import { pgTable, pgEnum, uuid, text, timestamp, date, jsonb, index, uniqueIndex } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { ownerOnly } from "./rls";

const userRef = () => uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" });

export const exportType = pgEnum("export_type", ["pdf", "doctor_share"]);

/** Every PDF export and doctor share, as the patient sees it in their history. */
export const exportHistory = pgTable(
  "export_history",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: userRef(),
    exportType: exportType("export_type").notNull(),
    storyIds: uuid("story_ids").array().notNull().default([]),
    periodStart: date("period_start", { mode: "string" }),
    periodEnd: date("period_end", { mode: "string" }),
    options: jsonb("options").$type<Record<string, unknown>>(),
    shareLinkId: uuid("share_link_id"),
    recipientEmail: text("recipient_email"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("export_history_user_idx").on(t.userId), ...ownerOnly("export_history", t.userId)],
).enableRLS();

/**
 * A doctor's share link. The URL holds 32 random bytes; only their SHA-256 is stored, so a database
 * leak does not open any report. Doctors read through a system path that looks the hash up.
 */
export const shareLinks = pgTable(
  "share_links",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: userRef(),
    tokenHash: text("token_hash").notNull(),
    periodStart: date("period_start", { mode: "string" }).notNull(),
    periodEnd: date("period_end", { mode: "string" }).notNull(),
    storyIds: uuid("story_ids").array().notNull().default([]),
    options: jsonb("options").$type<Record<string, unknown>>(),
    recipientEmail: text("recipient_email"),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("share_links_hash_idx").on(t.tokenHash), index("share_links_user_idx").on(t.userId), ...ownerOnly("share_links", t.userId)],
).enableRLS();

/** Each time a doctor opens a link: when, a salted hash of the IP (never the IP), the user agent. */
export const shareLinkViews = pgTable(
  "share_link_views",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    shareLinkId: uuid("share_link_id").notNull().references(() => shareLinks.id, { onDelete: "cascade" }),
    userId: userRef(),
    viewedAt: timestamp("viewed_at", { withTimezone: true }).notNull().defaultNow(),
    ipHash: text("ip_hash"),
    userAgent: text("user_agent"),
    kind: text("kind").notNull().default("page"),
  },
  (t) => [index("share_views_link_idx").on(t.shareLinkId), ...ownerOnly("share_views", t.userId)],
).enableRLS();
