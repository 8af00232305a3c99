import { describe, expect, it } from "vitest";
import { findRewordingProblem, findTextProblem, numberAllowListFromTexts, takeSentences } from "./text-guard";

describe("takeSentences", () => {
  it("cuts only where whitespace follows the end of a sentence, so a decimal split across chunks waits", () => {
    expect(takeSentences("Strength is 0.")).toEqual({ sentences: [], rest: "Strength is 0." });
    expect(takeSentences("Strength is 0.86 now. Next")).toEqual({ sentences: ["Strength is 0.86 now. "], rest: "Next" });
    expect(takeSentences("Done!\nNext? Yes")).toEqual({ sentences: ["Done!\n", "Next? "], rest: "Yes" });
  });
});

describe("text guards", () => {
  const allow = numberAllowListFromTexts(['{"done":5,"due":7,"percent":71}']);
  it("accepts the member's figures and reference thresholds, rejects others and dosing advice", () => {
    expect(findTextProblem("You did 5 of 7 (71 %), above the 70 % target.", allow)).toBeNull();
    expect(findTextProblem("You improved by 38 %.", allow)).toBe('states "38", not among the member\'s figures');
    expect(findTextProblem("Take less insulin before you walk.", allow)).toMatch(/^gives medication or dosing advice/);
  });

  it("a rewording may only repeat the original's numbers", () => {
    expect(findRewordingProblem("Two runs instead of 3: 2 a week.", ["Aim for 2 a week instead of 3."])).toBeNull();
    expect(findRewordingProblem("Try 5 a week.", ["Aim for 2 a week instead of 3."])).toBe('states "5", not in the original wording');
  });
});
