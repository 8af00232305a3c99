"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import type { FeedGroup } from "@/db/queries/group-feed";
import { deleteFeedPostAction, postToFeedAction } from "./feed-actions";

const MAX = 2_000;

/** One group's posts, newest first, with a form to post and a delete button on one's own posts. */
export function GroupFeed({ group, timezone }: { group: FeedGroup; timezone: string }) {
  const router = useRouter();
  const [body, setBody] = useState("");
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  const [pending, start] = useTransition();
  const format = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: timezone });

  const run = (fn: () => ReturnType<typeof postToFeedAction>, after?: () => void) =>
    start(async () => {
      const result = await fn();
      if (!result.ok) return setMessage({ tone: "error", text: result.error });
      setMessage({ tone: "ok", text: result.message ?? "Done." });
      after?.();
      router.refresh();
    });

  return (
    <div className="space-y-4">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          run(() => postToFeedAction(group.mentorId, body), () => setBody(""));
        }}
        className="space-y-2"
      >
        <label htmlFor={`feed-${group.mentorId}`} className="block text-sm font-medium text-slate-800">Share with the group</label>
        <textarea
          id={`feed-${group.mentorId}`}
          value={body}
          maxLength={MAX}
          rows={3}
          onChange={(e) => setBody(e.target.value)}
          className="block w-full rounded-lg border border-slate-300 px-3 py-2"
          placeholder="A small win, a question, an encouragement…"
        />
        <div className="flex items-center justify-between gap-3">
          <span className="text-xs text-slate-600">{body.length} / {MAX}</span>
          <button type="submit" disabled={pending} className="rounded-lg bg-brand-600 px-4 py-2 text-sm font-semibold text-white disabled:bg-slate-400">
            {pending ? "Posting…" : "Post"}
          </button>
        </div>
        <p aria-live="polite" className={`text-sm ${message?.tone === "error" ? "text-red-700" : "text-slate-600"}`}>{message?.text ?? ""}</p>
      </form>
      {group.posts.length === 0 ? (
        <p className="text-sm text-slate-700">No posts yet. Be the first to say hello.</p>
      ) : (
        <ul className="divide-y divide-slate-200" aria-label={`Posts in ${group.mentorName}'s group`}>
          {group.posts.map((p) => (
            <li key={p.id} className="py-3" data-testid="feed-post">
              <p className="text-sm">
                <span className="font-semibold text-slate-900">{p.authorName}</span>
                {p.byMentor && <span className="ml-2 rounded bg-brand-50 px-1.5 py-0.5 text-xs font-medium text-brand-800">Mentor</span>}
                <span className="ml-2 text-xs text-slate-600">{format.format(new Date(p.createdAt))}</span>
              </p>
              <p className="mt-1 whitespace-pre-wrap text-slate-800">{p.body}</p>
              {p.mine && (
                <button type="button" disabled={pending} onClick={() => run(() => deleteFeedPostAction(p.id))} className="mt-1 text-xs text-red-700 underline">
                  Delete<span className="sr-only"> your post</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
