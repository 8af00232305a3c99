import { describe, expect, it } from "vitest";
import { applyZoomKey, isZoomed } from "./zoom";

const DAY = 86_400;
const full = { min: 0, max: 90 * DAY };

describe("keyboard zoom", () => {
  it("halves the window around its centre with + and doubles it with −", () => {
    expect(applyZoomKey("+", full, full)).toEqual({ min: 22.5 * DAY, max: 67.5 * DAY });
    expect(applyZoomKey("=", { min: 10 * DAY, max: 14 * DAY }, full)).toEqual({ min: 11 * DAY, max: 13 * DAY });
    expect(applyZoomKey("-", { min: 11 * DAY, max: 13 * DAY }, full)).toEqual({ min: 10 * DAY, max: 14 * DAY });
  });

  it("never zooms out past the data, nor in below one hour", () => {
    expect(applyZoomKey("-", full, full)).toBeNull();
    // Zooming out near the start shifts the window instead of leaving the data.
    expect(applyZoomKey("-", { min: 0, max: 2 * DAY }, full)).toEqual({ min: 0, max: 4 * DAY });
    expect(applyZoomKey("+", { min: 0, max: 5400 }, full)).toEqual({ min: 900, max: 4500 });
    expect(applyZoomKey("+", { min: 0, max: 3600 }, full)).toBeNull();
  });

  it("pans by a quarter of the window and stops at the edges", () => {
    expect(applyZoomKey("ArrowRight", { min: 10 * DAY, max: 14 * DAY }, full)).toEqual({ min: 11 * DAY, max: 15 * DAY });
    expect(applyZoomKey("ArrowLeft", { min: 10 * DAY, max: 14 * DAY }, full)).toEqual({ min: 9 * DAY, max: 13 * DAY });
    expect(applyZoomKey("ArrowLeft", { min: DAY / 2, max: 4.5 * DAY }, full)).toEqual({ min: 0, max: 4 * DAY });
    expect(applyZoomKey("ArrowLeft", { min: 0, max: 4 * DAY }, full)).toBeNull();
  });

  it("resets with Escape, 0 or Home, and ignores other keys (Tab must keep working)", () => {
    expect(applyZoomKey("Escape", { min: 3, max: 9 }, full)).toEqual(full);
    expect(applyZoomKey("Home", { min: 3, max: 9 }, full)).toEqual(full);
    expect(applyZoomKey("Escape", full, full)).toBeNull();
    expect(applyZoomKey("Tab", { min: 3, max: 9 }, full)).toBeNull();
    expect(applyZoomKey("a", { min: 3, max: 9 }, full)).toBeNull();
  });

  it("tells a zoomed view from the full one", () => {
    expect(isZoomed(full, full)).toBe(false);
    expect(isZoomed({ min: 1, max: full.max }, full)).toBe(false); // within 1e-6 of the span
    expect(isZoomed({ min: DAY, max: full.max }, full)).toBe(true);
  });
});
