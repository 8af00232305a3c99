import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DateTime } from "luxon";
import type { MentorLinkView } from "@/db/queries/mentoring";
import { moodTrend } from "@/lib/journal/mood-trend";
import { EntryRow, MoodCard, shareHintFor } from "./journal-views";

const TZ = "Europe/Paris";
const at = (local: string) => DateTime.fromISO(local, { zone: TZ }).toJSDate();

const mentor = (over: Partial<MentorLinkView>): MentorLinkView => ({
  id: "l1", mentorName: "Sam", mentorEmail: "sam@example.com", status: "active", shareGlucose: false, shareJournal: false,
  consentedAt: new Date(0), revokedAt: null, ...over,
});

describe("journal page pieces", () => {
  it("draws the mood over the window with the week's comparison and top tags", () => {
    const trend = moodTrend(
      [
        { createdAt: at("2026-03-20T10:00"), sentiment: -0.3, tags: ["stress"] },
        { createdAt: at("2026-03-30T10:00"), sentiment: 0.6, tags: ["walk", "stress"] },
      ],
      TZ,
      "2026-03-31",
    );
    const html = renderToStaticMarkup(<MoodCard trend={trend} today="2026-03-31" days={28} />);
    expect(html).toContain("Mood, last 28 days");
    expect(html).toContain('role="img"');
    expect(html).toContain("Journal mood over 28 days");
    expect(html).toContain("very positive (0.60)");
    expect(html).toContain("negative (-0.30)");
    expect(html).toContain('data-direction="improving"');
    expect(html).toContain("#stress <span class=\"text-brand-700\">×2</span>");
  });

  it("invites a first entry when there is no mood yet", () => {
    const html = renderToStaticMarkup(<MoodCard trend={moodTrend([], TZ, "2026-03-31")} today="2026-03-31" days={28} />);
    expect(html).toContain("appears here after your first entries");
    expect(html).not.toContain("Top tags");
  });

  it("shows an entry's local time, mood, tags and labelled share and delete buttons, escaping its text", () => {
    const html = renderToStaticMarkup(
      <EntryRow
        timezone={TZ}
        entry={{ id: "e1", text: "Walked <b>far</b>\nfelt good", sentiment: 0.4, mood: "positive", sharedWithMentor: false, tags: ["walk"], createdAt: at("2026-03-30T21:15") }}
      />,
    );
    expect(html).toContain("Mon 30 Mar 2026, 21:15");
    expect(html).toContain(">positive<");
    expect(html).toContain("Walked &lt;b&gt;far&lt;/b&gt;");
    expect(html).toContain('aria-label="Share the entry of Mon 30 Mar 2026, 21:15 with my mentor"');
    expect(html).toContain('aria-label="Delete the entry of Mon 30 Mar 2026, 21:15"');
    expect(html).toContain('name="shared" value="true"');
    expect(html).toContain("#walk");
  });

  it("says who can read a shared entry", () => {
    expect(shareHintFor([])).toMatch(/no mentor yet/);
    expect(shareHintFor([mentor({})])).toMatch(/only after you allow journal sharing/);
    expect(shareHintFor([mentor({ shareJournal: true }), mentor({ mentorName: "Old", shareJournal: true, status: "revoked" })])).toBe("Shared entries can be read by Sam. Everything else stays private.");
  });
});
