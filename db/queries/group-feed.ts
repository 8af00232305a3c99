import { and, desc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { groupFeedPosts, mentorLinks, users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { withSystem, withViewer, type Viewer } from "./context";

/**
 * A mentor's group feed: the mentor and their consenting mentees read and post; each deletes only
 * their own posts. RLS (feed_group_read / feed_author_write) enforces the group; these functions add
 * clear errors and the authors' display names.
 */

export type FeedPost = { id: string; authorName: string; mine: boolean; byMentor: boolean; body: string; createdAt: Date };
export type FeedGroup = { mentorId: string; mentorName: string; posts: FeedPost[] };

const bodySchema = z
  .string()
  .trim()
  .min(1, "Write something before posting.")
  .max(2_000, "A post can be at most 2,000 characters.");

/** The groups the viewer belongs to: a mentor's own group, or each group of a mentor the member is linked to. */
async function groupMentorIds(viewer: Viewer): Promise<string[]> {
  if (viewer.role === "mentor") return [viewer.userId];
  const links = await withViewer(viewer, (tx) =>
    tx.select({ mentorId: mentorLinks.mentorId }).from(mentorLinks).where(and(eq(mentorLinks.menteeId, viewer.userId), eq(mentorLinks.status, "active"))),
  );
  return [...new Set(links.map((l) => l.mentorId))];
}

export async function listFeedGroups(viewer: Viewer, limit = 50): Promise<FeedGroup[]> {
  const mentorIds = await groupMentorIds(viewer);
  if (mentorIds.length === 0) return [];
  const posts = await withViewer(viewer, (tx) =>
    tx.select().from(groupFeedPosts).where(inArray(groupFeedPosts.mentorId, mentorIds)).orderBy(desc(groupFeedPosts.createdAt)).limit(limit * mentorIds.length),
  );
  // Members of one group may not read each other's profiles under RLS; only the display names of the
  // authors of posts the viewer can already see are read, after (never inside) the viewer's transaction.
  const ids = [...new Set([...mentorIds, ...posts.map((p) => p.authorId)])];
  const names = await withSystem((tx) => tx.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids)));
  const nameOf = (id: string) => names.find((n) => n.id === id)?.name ?? "A member";
  return mentorIds.map((mentorId) => ({
    mentorId,
    mentorName: nameOf(mentorId),
    posts: posts
      .filter((p) => p.mentorId === mentorId)
      .slice(0, limit)
      .map((p) => ({ id: p.id, authorName: nameOf(p.authorId), mine: p.authorId === viewer.userId, byMentor: p.authorId === mentorId, body: p.body, createdAt: p.createdAt })),
  }));
}

export async function postToFeed(viewer: Viewer, mentorId: string, body: string): Promise<{ id: string }> {
  const parsed = bodySchema.safeParse(body);
  if (!parsed.success) throw new AppError("bad_request:feed", parsed.error.issues[0].message);
  const groups = await groupMentorIds(viewer);
  if (!z.uuid().safeParse(mentorId).success || !groups.includes(mentorId)) {
    throw new AppError("forbidden:feed", "You can only post in the group of a mentor you are linked to.");
  }
  const [row] = await withViewer(viewer, (tx) =>
    tx.insert(groupFeedPosts).values({ mentorId, authorId: viewer.userId, body: parsed.data }).returning({ id: groupFeedPosts.id }),
  );
  return row;
}

export async function deleteFeedPost(viewer: Viewer, postId: string): Promise<void> {
  if (!z.uuid().safeParse(postId).success) throw new AppError("not_found:feed", "That post does not exist.");
  const rows = await withViewer(viewer, (tx) =>
    tx.delete(groupFeedPosts).where(and(eq(groupFeedPosts.id, postId), eq(groupFeedPosts.authorId, viewer.userId))).returning({ id: groupFeedPosts.id }),
  );
  if (rows.length === 0) throw new AppError("not_found:feed", "That post does not exist, or it is not yours to delete.");
}
