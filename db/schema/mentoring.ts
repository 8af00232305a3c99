import { sql } from "drizzle-orm";
import { pgTable, pgEnum, uuid, text, timestamp, boolean, index, uniqueIndex, pgPolicy } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { appUser, currentUserId } from "./rls";

/**
 * An invite code a mentor hands to a member. Only the SHA-256 of the code is stored; it can be used
 * once and expires.
 */
export const mentorInvites = pgTable(
  "mentor_invites",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    mentorId: uuid("mentor_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    usedBy: uuid("used_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("mentor_invites_code_idx").on(t.codeHash),
    pgPolicy("mentor_invites_owner", { for: "all", to: appUser, using: sql`${t.mentorId} = ${currentUserId}`, withCheck: sql`${t.mentorId} = ${currentUserId}` }),
  ],
).enableRLS();

export const mentorLinkStatus = pgEnum("mentor_link_status", ["active", "revoked"]);

/**
 * A consented mentor ↔ member relationship. The member owns the consent: they choose what the mentor
 * may read beyond goals and check-ins (a glucose summary, journal text) and can revoke at any time.
 */
export const mentorLinks = pgTable(
  "mentor_links",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    mentorId: uuid("mentor_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    menteeId: uuid("mentee_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    status: mentorLinkStatus("status").notNull().default("active"),
    shareGlucose: boolean("share_glucose").notNull().default(false),
    shareJournal: boolean("share_journal").notNull().default(false),
    consentedAt: timestamp("consented_at", { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [
    // One active link per pair; revoked links stay as history.
    uniqueIndex("mentor_links_active_pair_idx").on(t.mentorId, t.menteeId).where(sql`${t.status} = 'active'`),
    index("mentor_links_mentee_idx").on(t.menteeId),
    pgPolicy("mentor_links_parties_read", { for: "select", to: appUser, using: sql`${currentUserId} in (${t.mentorId}, ${t.menteeId})` }),
    // Only the member creates and changes (consents to, revokes) a link.
    pgPolicy("mentor_links_mentee_write", { for: "insert", to: appUser, withCheck: sql`${t.menteeId} = ${currentUserId}` }),
    pgPolicy("mentor_links_mentee_update", { for: "update", to: appUser, using: sql`${t.menteeId} = ${currentUserId}`, withCheck: sql`${t.menteeId} = ${currentUserId}` }),
  ],
).enableRLS();
