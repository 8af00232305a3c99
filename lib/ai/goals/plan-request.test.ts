import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { validateGoalRequest } from "./plan-request";

function rejection(input: unknown): AppError {
  try {
    validateGoalRequest(input);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected the request to be rejected");
}

describe("validateGoalRequest", () => {
  it("trims the fields, lowercases the theme and drops empty optional ones", () => {
    expect(validateGoalRequest({ title: "  Run 3× a week ", description: "   ", theme: " Fitness ", constraints: { minutesPerWeek: 120, notes: "" } }))
      .toEqual({ title: "Run 3× a week", theme: "fitness", constraints: { minutesPerWeek: 120 } });
  });

  it("accepts a free theme up to 40 characters and numbers sent as text by a form", () => {
    expect(validateGoalRequest({ title: "Learn to juggle", theme: "hobbies", constraints: { minutesPerWeek: "60", daysPerWeek: "3" } }))
      .toEqual({ title: "Learn to juggle", theme: "hobbies", constraints: { minutesPerWeek: 60, daysPerWeek: 3 } });
  });

  it("an empty goal: a bad_request naming the title", () => {
    const error = rejection({ title: "   " });
    expect(error.code).toBe("bad_request:goal");
    expect(error.status).toBe(400);
    expect(error.message).toBe('Give your goal a title of at least 3 characters, for example "Walk after dinner".');
    expect(error.details).toEqual({ fields: { title: error.message } });
  });

  it("a 10,000-character goal: the title and description each get their own sentence", () => {
    const long = "a".repeat(10_000);
    const error = rejection({ title: long, description: long });
    expect(error.details?.fields).toEqual({
      title: "Keep the goal's title to 200 characters (it has 10,000); put the details in the description.",
      description: "Keep the description to 2,000 characters (it has 10,000).",
    });
    expect(error.message).toBe(`${(error.details!.fields as Record<string, string>).title} ${(error.details!.fields as Record<string, string>).description}`);
  });

  it("out-of-range constraints and a long theme are named per field", () => {
    const error = rejection({ title: "Walk more", theme: "x".repeat(41), constraints: { minutesPerWeek: 5, daysPerWeek: 8 } });
    expect(error.details?.fields).toEqual({
      theme: "A theme is a word or two, at most 40 characters (for example fitness, sleep or nutrition).",
      "constraints.minutesPerWeek": "Minutes per week must be a whole number from 10 to 2,000.",
      "constraints.daysPerWeek": "Days per week must be a whole number from 1 to 7.",
    });
  });

  it("something that is not a goal at all", () => {
    expect(rejection("run").message).toBe("Send the goal as a title with optional description, theme and time constraints.");
    expect(rejection({}).message).toBe("Give your goal a title.");
    expect(rejection({ title: "Walk", constraints: { minutesPerWeek: 12.5 } }).details?.fields).toEqual({ "constraints.minutesPerWeek": "Minutes per week must be a whole number from 10 to 2,000." });
  });
});
