import crypto from "node:crypto";
import { and, count, desc, eq, inArray, isNull, lte, max, sql } from "drizzle-orm";
import { z } from "zod";
import { exportHistory, shareLinks, shareLinkViews, weeklyHealthStories } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { isUuid, withSystem, withViewer, type Viewer } from "./context";
import type { Limit } from "./rate-limit";

/** 32 random bytes (DESIGN decision 7) are 43 base64url characters without padding. */
const TOKEN_BYTES = 32;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
export const SHARE_EXPIRY_DAYS = { min: 1, max: 90, default: 30 } as const;
/** Links a member may have us email in a day: plenty for their doctors, too few for a spammer. */
export const SHARE_EMAIL_LIMIT: Limit = { keyPrefix: "share-email", points: 10, durationSeconds: 86_400 };
/** A report over more than a year is not what a consultation needs, and it bounds the work per view. */
export const MAX_SHARE_PERIOD_DAYS = 366;

export type ShareOptions = { includeAnalysis: boolean; includeNotes: boolean; unit: "mg/dL" | "mmol/L" | null };

const isoDate = z.iso.date({ message: "Dates are written YYYY-MM-DD." });

const createSchema = z
  .object({
    from: isoDate,
    to: isoDate,
    storyWeeks: z.array(isoDate).max(60, "Choose at most 60 weekly stories.").optional(),
    expiresInDays: z
      .number({ message: "The expiry is a number of days." })
      .int("The expiry is a whole number of days.")
      .min(SHARE_EXPIRY_DAYS.min, `A link lasts at least ${SHARE_EXPIRY_DAYS.min} day.`)
      .max(SHARE_EXPIRY_DAYS.max, `A link lasts at most ${SHARE_EXPIRY_DAYS.max} days.`)
      .default(SHARE_EXPIRY_DAYS.default),
    recipientEmail: z.email({ message: "The doctor's email does not look like an email address." }).max(254).nullish(),
    includeAnalysis: z.boolean().default(true),
    includeNotes: z.boolean().default(false),
    unit: z.enum(["mg/dL", "mmol/L"]).nullish(),
  })
  .refine((v) => v.from <= v.to, { message: "The period ends before it starts.", path: ["to"] })
  .refine((v) => daysBetween(v.from, v.to) < MAX_SHARE_PERIOD_DAYS, { message: `A shared period covers at most ${MAX_SHARE_PERIOD_DAYS} days.`, path: ["from"] });

export type CreateShareLinkInput = z.input<typeof createSchema>;

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** SHA-256 of the token, hex. Only this is stored: a database leak opens no report. */
export function hashShareToken(token: string): string {
  return crypto.createHash("sha256").update(token, "utf8").digest("hex");
}

/** True when `token` has the exact shape of a share token (checked before any database lookup). */
export function isWellFormedShareToken(token: string): boolean {
  return TOKEN_PATTERN.test(token);
}

/**
 * Creates a doctor's share link for the viewer's own data and records it in the export history.
 * Returns the token ONCE: only its hash is kept. `storyWeeks` omitted means the weekly stories whose
 * week starts inside the period; every listed week must be one of the viewer's own stories, otherwise
 * the whole link is refused (forbidden:share) rather than silently shortened.
 */
export async function createShareLink(viewer: Viewer, input: CreateShareLinkInput, now = new Date()): Promise<{ token: string; id: string; expiresAt: Date }> {
  const parsed = createSchema.safeParse(input);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new AppError("bad_request:share", first?.message ?? "The share link settings are not valid.", {
      details: { field: String(first?.path[0] ?? "form") },
    });
  }
  const v = parsed.data;
  const token = crypto.randomBytes(TOKEN_BYTES).toString("base64url");
  const expiresAt = new Date(now.getTime() + v.expiresInDays * 86_400_000);
  const options: ShareOptions = { includeAnalysis: v.includeAnalysis, includeNotes: v.includeNotes, unit: v.unit ?? null };
  const recipientEmail = v.recipientEmail ? v.recipientEmail.trim().toLowerCase() : null;

  return withViewer(viewer, async (tx) => {
    const own = eq(weeklyHealthStories.userId, viewer.userId);
    let storyIds: string[];
    if (v.storyWeeks === undefined) {
      const rows = await tx.select({ id: weeklyHealthStories.id, weekOf: weeklyHealthStories.weekOf }).from(weeklyHealthStories).where(own);
      storyIds = rows.filter((r) => r.weekOf >= v.from && r.weekOf <= v.to).map((r) => r.id);
    } else {
      const weeks = [...new Set(v.storyWeeks)];
      const rows = weeks.length
        ? await tx.select({ id: weeklyHealthStories.id }).from(weeklyHealthStories).where(and(own, inArray(weeklyHealthStories.weekOf, weeks)))
        : [];
      if (rows.length !== weeks.length) {
        throw new AppError("forbidden:share", "Some of the chosen weekly stories are not yours or no longer exist. Choose them again.");
      }
      storyIds = rows.map((r) => r.id);
    }
    const [link] = await tx
      .insert(shareLinks)
      .values({
        userId: viewer.userId,
        tokenHash: hashShareToken(token),
        periodStart: v.from,
        periodEnd: v.to,
        storyIds,
        options,
        recipientEmail,
        expiresAt,
        createdAt: now,
      })
      .returning({ id: shareLinks.id });
    await tx.insert(exportHistory).values({
      userId: viewer.userId,
      exportType: "doctor_share",
      storyIds,
      periodStart: v.from,
      periodEnd: v.to,
      options: { ...options, expiresInDays: v.expiresInDays },
      shareLinkId: link.id,
      recipientEmail,
      createdAt: now,
    });
    return { token, id: link.id, expiresAt };
  });
}

export type ShareLinkStatus = "active" | "expired" | "revoked";
export type ShareLinkSummary = {
  id: string;
  periodStart: string;
  periodEnd: string;
  recipientEmail: string | null;
  storyCount: number;
  options: ShareOptions;
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  status: ShareLinkStatus;
  views: number;
  lastViewedAt: Date | null;
};

/** The viewer's share links, newest first, with how often each was opened. */
export async function listShareLinks(viewer: Viewer, now = new Date()): Promise<ShareLinkSummary[]> {
  return withViewer(viewer, async (tx) => {
    const links = await tx.select().from(shareLinks).where(eq(shareLinks.userId, viewer.userId)).orderBy(desc(shareLinks.createdAt));
    if (links.length === 0) return [];
    const views = await tx
      .select({ linkId: shareLinkViews.shareLinkId, n: count().mapWith(Number), last: max(shareLinkViews.viewedAt) })
      .from(shareLinkViews)
      .where(and(eq(shareLinkViews.userId, viewer.userId), inArray(shareLinkViews.shareLinkId, links.map((l) => l.id))))
      .groupBy(shareLinkViews.shareLinkId);
    const byLink = new Map(views.map((r) => [r.linkId, { n: r.n, last: r.last }]));
    return links.map((l) => ({
      id: l.id,
      periodStart: l.periodStart,
      periodEnd: l.periodEnd,
      recipientEmail: l.recipientEmail,
      storyCount: l.storyIds.length,
      options: readOptions(l.options),
      createdAt: l.createdAt,
      expiresAt: l.expiresAt,
      revokedAt: l.revokedAt,
      status: statusOf(l, now),
      views: byLink.get(l.id)?.n ?? 0,
      lastViewedAt: byLink.get(l.id)?.last ?? null,
    }));
  });
}

/** Revokes one of the viewer's links at once. Revoking twice is harmless; someone else's link is "not found". */
export async function revokeShareLink(viewer: Viewer, id: string, now = new Date()): Promise<void> {
  if (!z.uuid().safeParse(id).success) throw new AppError("not_found:share", "That share link does not exist.");
  await withViewer(viewer, async (tx) => {
    const [link] = await tx.select({ id: shareLinks.id }).from(shareLinks).where(and(eq(shareLinks.id, id), eq(shareLinks.userId, viewer.userId)));
    if (!link) throw new AppError("not_found:share", "That share link does not exist.");
    await tx.update(shareLinks).set({ revokedAt: now }).where(and(eq(shareLinks.id, id), isNull(shareLinks.revokedAt)));
  });
}

export type ResolvedShare = {
  id: string;
  /** The patient whose data the doctor may read, as that patient's viewer and nothing more. */
  owner: Viewer;
  periodStart: string;
  periodEnd: string;
  storyWeeks: string[];
  options: ShareOptions;
  expiresAt: Date;
};

/**
 * A doctor has no account: the token is looked up by its hash with system rights. Unknown or malformed
 * → null (404); expired or revoked → "gone" (410), so the doctor learns the link existed but ended.
 */
export async function resolveShareToken(token: string, now = new Date()): Promise<ResolvedShare | "gone" | null> {
  if (!isWellFormedShareToken(token)) return null;
  return withSystem(async (tx) => {
    const [link] = await tx.select().from(shareLinks).where(eq(shareLinks.tokenHash, hashShareToken(token)));
    if (!link) return null;
    if (statusOf(link, now) !== "active") return "gone" as const;
    const stories = link.storyIds.length
      ? await tx
          .select({ weekOf: weeklyHealthStories.weekOf })
          .from(weeklyHealthStories)
          .where(and(eq(weeklyHealthStories.userId, link.userId), inArray(weeklyHealthStories.id, link.storyIds)))
      : [];
    return {
      id: link.id,
      owner: { userId: link.userId, role: "patient" as const },
      periodStart: link.periodStart,
      periodEnd: link.periodEnd,
      storyWeeks: stories.map((s) => s.weekOf).sort(),
      options: readOptions(link.options),
      expiresAt: link.expiresAt,
    };
  });
}

export type ShareViewKind = "page" | "pdf";

/** Logs one opening of a link (time, salted IP hash, user agent), written under the owner's RLS. */
export async function recordShareView(link: { id: string; owner: Viewer }, view: { ipHash: string | null; userAgent: string | null; kind: ShareViewKind }, now = new Date()): Promise<void> {
  await withViewer(link.owner, (tx) =>
    tx.insert(shareLinkViews).values({
      shareLinkId: link.id,
      userId: link.owner.userId,
      viewedAt: now,
      ipHash: view.ipHash,
      // A user agent is not health data but is unbounded input: keep what identifies a browser.
      userAgent: view.userAgent ? view.userAgent.slice(0, 400) : null,
      kind: view.kind,
    }),
  );
}

/**
 * A fingerprint of everything a shared report is built from, read under the owner's RLS in one
 * statement: the data version the dashboard keys on (daily aggregates are recomputed whenever
 * readings arrive or change), the weekly stories (a regenerated brief gets a new generated_at; a
 * personal note is edited in place, so the notes themselves are hashed) and the profile fields the
 * report prints (name, timezone, unit). A cached report is valid exactly as long as this is unchanged.
 */
export async function getShareReportVersion(owner: Viewer): Promise<string> {
  const result = await withViewer(owner, (tx) =>
    tx.execute(sql`
      select
        (select coalesce(max(computed_at)::text, 'none') || ':' || count(*) from daily_aggregates where user_id = ${owner.userId}) as data,
        (select count(*) || ':' || md5(coalesce(string_agg(id::text || '/' || generated_at::text || '/' || coalesce(personal_note, ''), '|' order by week_of), ''))
           from weekly_health_stories where user_id = ${owner.userId}) as stories,
        (select md5(coalesce(name, '') || '|' || timezone || '|' || glucose_unit::text) from users where id = ${owner.userId}) as profile`),
  );
  const row = (result as unknown as { rows: { data: string; stories: string; profile: string | null }[] }).rows[0];
  return `${row.data}|${row.stories}|${row.profile ?? "gone"}`;
}

export type ShareViewRow = { shareLinkId: string; viewedAt: Date; ipHash: string | null; userAgent: string | null; kind: string };

/** The openings of one of the viewer's links, newest first. */
export async function listShareViews(viewer: Viewer, linkId: string): Promise<ShareViewRow[]> {
  return (await listShareViewsByLink(viewer, [linkId])).get(linkId) ?? [];
}

/**
 * The openings of several of the viewer's links in one query, newest first per link: the sharing
 * page's view log. `perLink` keeps the latest ones (the count on the page is the whole number).
 */
export async function listShareViewsByLink(viewer: Viewer, linkIds: string[], perLink = Number.POSITIVE_INFINITY): Promise<Map<string, ShareViewRow[]>> {
  const out = new Map<string, ShareViewRow[]>();
  const ids = linkIds.filter(isUuid);
  if (ids.length === 0) return out;
  const rows = await withViewer(viewer, (tx) => {
    // Ranked per link in SQL, so a link opened thousands of times sends only its latest `perLink`.
    const ranked = tx
      .select({
        shareLinkId: shareLinkViews.shareLinkId,
        viewedAt: shareLinkViews.viewedAt,
        ipHash: shareLinkViews.ipHash,
        userAgent: shareLinkViews.userAgent,
        kind: shareLinkViews.kind,
        rank: sql<number>`row_number() over (partition by ${shareLinkViews.shareLinkId} order by ${shareLinkViews.viewedAt} desc)`.as("rank"),
      })
      .from(shareLinkViews)
      .where(and(eq(shareLinkViews.userId, viewer.userId), inArray(shareLinkViews.shareLinkId, ids)))
      .as("ranked");
    const limit = Number.isFinite(perLink) ? lte(ranked.rank, Math.max(0, Math.floor(perLink))) : undefined;
    return tx
      .select({ shareLinkId: ranked.shareLinkId, viewedAt: ranked.viewedAt, ipHash: ranked.ipHash, userAgent: ranked.userAgent, kind: ranked.kind })
      .from(ranked)
      .where(limit)
      .orderBy(desc(ranked.viewedAt));
  });
  for (const row of rows) {
    const list = out.get(row.shareLinkId);
    if (list) list.push(row);
    else out.set(row.shareLinkId, [row]);
  }
  return out;
}

/** Records a PDF the person downloaded themselves (export_history, type pdf). */
export async function recordPdfExport(viewer: Viewer, input: { from: string; to: string; storyWeeks: string[]; options: ShareOptions }, now = new Date()): Promise<void> {
  await withViewer(viewer, async (tx) => {
    const stories = input.storyWeeks.length
      ? await tx
          .select({ id: weeklyHealthStories.id })
          .from(weeklyHealthStories)
          .where(and(eq(weeklyHealthStories.userId, viewer.userId), inArray(weeklyHealthStories.weekOf, input.storyWeeks)))
      : [];
    await tx.insert(exportHistory).values({
      userId: viewer.userId,
      exportType: "pdf",
      storyIds: stories.map((s) => s.id),
      periodStart: input.from,
      periodEnd: input.to,
      options: input.options,
      createdAt: now,
    });
  });
}

/** The viewer's latest exports (PDFs and shares), newest first. */
export async function listExportHistory(viewer: Viewer, limit = 200) {
  return withViewer(viewer, (tx) =>
    tx
      .select({ id: exportHistory.id, exportType: exportHistory.exportType, periodStart: exportHistory.periodStart, periodEnd: exportHistory.periodEnd, recipientEmail: exportHistory.recipientEmail, shareLinkId: exportHistory.shareLinkId, createdAt: exportHistory.createdAt })
      .from(exportHistory)
      .where(eq(exportHistory.userId, viewer.userId))
      .orderBy(desc(exportHistory.createdAt))
      .limit(Math.max(1, Math.floor(limit))),
  );
}

function statusOf(link: { expiresAt: Date; revokedAt: Date | null }, now: Date): ShareLinkStatus {
  if (link.revokedAt) return "revoked";
  return link.expiresAt.getTime() <= now.getTime() ? "expired" : "active";
}

function readOptions(raw: Record<string, unknown> | null): ShareOptions {
  const unit = raw?.unit === "mg/dL" || raw?.unit === "mmol/L" ? raw.unit : null;
  return { includeAnalysis: raw?.includeAnalysis !== false, includeNotes: raw?.includeNotes === true, unit };
}
