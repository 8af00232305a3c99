import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, testEngines } from "@/db/testing/test-database";
import type { DatabaseHandle } from "@/db/client";
import * as s from "@/db/schema";
import { createTestViewer } from "@/db/testing/test-accounts";
import { withViewer, type Viewer } from "./context";
import { acceptMentorInvite, createMentorInvite, listMyMentors, updateMentorConsent } from "./mentoring";
import { deleteFeedPost, listFeedGroups, postToFeed } from "./group-feed";

describe.each(testEngines())("group feed on %s", (engine) => {
  let handle: DatabaseHandle;
  let mia: Viewer; // mentor
  let ada: Viewer; // Mia's mentee
  let bob: Viewer; // Mia's mentee
  let cy: Viewer; // nobody's mentee

  beforeAll(async () => {
    handle = await openTestDatabase(engine);
    mia = await createTestViewer("Mia", { role: "mentor" });
    ada = await createTestViewer("Ada");
    bob = await createTestViewer("Bob");
    cy = await createTestViewer("Cy");
    await acceptMentorInvite(ada, (await createMentorInvite(mia)).code);
    await acceptMentorInvite(bob, (await createMentorInvite(mia)).code);
  });
  afterAll(async () => handle?.close());

  it("the mentor and every consenting mentee read the group's posts, with names", async () => {
    await postToFeed(mia, mia.userId, "Welcome! Share one small win this week.");
    await postToFeed(ada, mia.userId, "Walked after dinner four times.");
    for (const viewer of [mia, ada, bob]) {
      const [group] = await listFeedGroups(viewer);
      expect(group.mentorName).toBe("Mia");
      expect(group.posts.map((p) => [p.authorName, p.byMentor])).toEqual([
        ["Ada", false],
        ["Mia", true],
      ]);
    }
    expect(await listFeedGroups(cy)).toEqual([]);
  });

  it("refuses empty, overlong and outsider posts with a sentence", async () => {
    await expect(postToFeed(ada, mia.userId, "   ")).rejects.toMatchObject({ status: 400, message: "Write something before posting." });
    await expect(postToFeed(ada, mia.userId, "x".repeat(2_001))).rejects.toMatchObject({ message: "A post can be at most 2,000 characters." });
    await expect(postToFeed(cy, mia.userId, "Let me in")).rejects.toMatchObject({ status: 403 });
    // RLS refuses the outsider's insert even without the query layer's check.
    await expect(withViewer(cy, (tx) => tx.insert(s.groupFeedPosts).values({ mentorId: mia.userId, authorId: cy.userId, body: "sneaky" }))).rejects.toThrow();
  });

  it("each author deletes only their own posts", async () => {
    const { id } = await postToFeed(bob, mia.userId, "Typo post");
    await expect(deleteFeedPost(ada, id)).rejects.toMatchObject({ status: 404 });
    await expect(deleteFeedPost(mia, id)).rejects.toMatchObject({ status: 404 });
    await deleteFeedPost(bob, id);
    const [group] = await listFeedGroups(bob);
    expect(group.posts.some((p) => p.id === id)).toBe(false);
  });

  it("a revoked mentee leaves the group at once", async () => {
    const [link] = await listMyMentors(bob);
    await updateMentorConsent(bob, link.id, { revoke: true });
    expect(await listFeedGroups(bob)).toEqual([]);
    const raw = await withViewer(bob, (tx) => tx.select().from(s.groupFeedPosts));
    expect(raw.filter((p) => p.authorId !== bob.userId)).toEqual([]);
    await expect(postToFeed(bob, mia.userId, "Still here?")).rejects.toMatchObject({ status: 403 });
  });
});
