import { describe, expect, it } from "vitest";
import { collectTags, extractHashtags, MAX_TAGS, normalizeTag, splitTypedTags } from "./tags";

describe("normalizeTag", () => {
  it.each([
    ["Stress", "stress"],
    ["#Sleep", "sleep"],
    ["  work stress ", "work-stress"],
    ["late_dinner", "late-dinner"],
    ["Café", "cafe"],
    ["day-2!", "day-2"],
    ["--a--b--", "a-b"],
  ])("%j → %j", (raw, tag) => expect(normalizeTag(raw)).toBe(tag));

  it("rejects what leaves nothing, or more than 32 characters", () => {
    expect(normalizeTag("#")).toBeNull();
    expect(normalizeTag("!!!")).toBeNull();
    expect(normalizeTag("睡眠")).toBeNull();
    expect(normalizeTag("a".repeat(32))).toBe("a".repeat(32));
    expect(normalizeTag("a".repeat(33))).toBeNull();
  });
});

describe("extractHashtags", () => {
  it("finds hashtags at the start, after spaces and punctuation", () => {
    expect(extractHashtags("#Monday walk, felt #great-ish (#sleep) and #work_stress.")).toEqual(["Monday", "great-ish", "sleep", "work_stress"]);
  });

  it("ignores # inside words and URLs", () => {
    expect(extractHashtags("Learning C# today, see https://example.org/page#notes and issue&#35;")).toEqual([]);
  });
});

describe("collectTags", () => {
  it("puts typed tags first, then hashtags, normalized and deduplicated", () => {
    expect(collectTags("Long day #Stress then a #walk", "sleep, STRESS ,  ,Work stress")).toEqual(["sleep", "stress", "work-stress", "walk"]);
  });

  it("accepts typed tags as a list and splits typed text on commas, semicolons and new lines", () => {
    expect(collectTags("", ["A", "#b"])).toEqual(["a", "b"]);
    expect(splitTypedTags("a; b\nc,d")).toEqual(["a", "b", "c", "d"]);
  });

  it("keeps at most 10 tags", () => {
    const text = Array.from({ length: 15 }, (_, i) => `#t${i}`).join(" ");
    const tags = collectTags(text, "x");
    expect(tags).toHaveLength(MAX_TAGS);
    expect(tags[0]).toBe("x");
    expect(tags.at(-1)).toBe("t8");
  });

  it("drops invalid tags instead of mangling them", () => {
    expect(collectTags(`#${"z".repeat(40)} #ok`, "!!!")).toEqual(["ok"]);
  });
});
