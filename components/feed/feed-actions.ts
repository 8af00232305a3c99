"use server";

import { revalidatePath } from "next/cache";
import { requireViewer } from "@/lib/auth/session";
import { deleteFeedPost, postToFeed } from "@/db/queries/group-feed";
import { runAction, type ActionResult } from "@/lib/action-result";

/** Shared by the member's and the mentor's group page; the queries check membership again. */
export async function postToFeedAction(mentorId: string, body: string): Promise<ActionResult> {
  return runAction(async () => {
    const { viewer } = await requireViewer("patient", "mentor");
    await postToFeed(viewer, mentorId, body);
    revalidatePath("/group");
    revalidatePath("/mentor/group");
    return { ok: true, message: "Posted." };
  }, "feed.post");
}

export async function deleteFeedPostAction(postId: string): Promise<ActionResult> {
  return runAction(async () => {
    const { viewer } = await requireViewer("patient", "mentor");
    await deleteFeedPost(viewer, postId);
    revalidatePath("/group");
    revalidatePath("/mentor/group");
    return { ok: true, message: "Deleted." };
  }, "feed.delete");
}
