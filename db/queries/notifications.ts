import { and, desc, eq, isNull } from "drizzle-orm";
import { notifications } from "@/db/schema";
import { withViewer, type Viewer } from "./context";

/** Adds an in-app notification once: the dedupe key (e.g. `brief:2026-11-16`) makes a repeat a no-op. */
export async function notifyOnce(viewer: Viewer, input: { kind: string; title: string; body?: string; dedupeKey: string }): Promise<boolean> {
  const rows = await withViewer(viewer, (tx) =>
    tx
      .insert(notifications)
      .values({ userId: viewer.userId, kind: input.kind, title: input.title, body: input.body ?? null, dedupeKey: input.dedupeKey })
      .onConflictDoNothing()
      .returning({ id: notifications.id }),
  );
  return rows.length > 0;
}

export async function listUnreadNotifications(viewer: Viewer, limit = 20) {
  return withViewer(viewer, (tx) =>
    tx
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, viewer.userId), isNull(notifications.readAt)))
      .orderBy(desc(notifications.createdAt))
      .limit(limit),
  );
}
