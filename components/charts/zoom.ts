/**
 * Keyboard zoom and pan of the trace's x range, so a person who cannot drag with a mouse can still
 * look closer (WCAG 2.1.1: everything the mouse does, the keyboard does). Pure: the component
 * hands the result to uPlot's setScale.
 */

export type XRange = { min: number; max: number };

export const ZOOM_KEYS_HELP = "Press + to zoom in, − to zoom out, the arrow keys to move, Escape to reset.";

/** The narrowest window the keyboard zooms to: 1 hour of a seconds-based scale. */
export const MIN_WINDOW_SECONDS = 3600;

function clampWindow(min: number, max: number, full: XRange): XRange {
  const width = Math.min(max - min, full.max - full.min);
  if (min < full.min) return { min: full.min, max: full.min + width };
  if (max > full.max) return { min: full.max - width, max: full.max };
  return { min, max };
}

/**
 * The new x range after a key press, or null when the key does nothing (the component then lets
 * the event through, so Tab and screen-reader keys keep working).
 * "+"/"=": half the window around its centre; "-"/"_": twice the window (never wider than the data);
 * ArrowLeft/ArrowRight: move by a quarter of the window, stopping at the data's edges;
 * Escape/"0"/Home: the full range.
 */
export function applyZoomKey(key: string, view: XRange, full: XRange, minWindow = MIN_WINDOW_SECONDS): XRange | null {
  const width = view.max - view.min;
  const centre = (view.min + view.max) / 2;
  switch (key) {
    case "+":
    case "=": {
      const next = Math.max(width / 2, Math.min(minWindow, full.max - full.min));
      if (next >= width) return null;
      return clampWindow(centre - next / 2, centre + next / 2, full);
    }
    case "-":
    case "_":
    case "−": {
      const next = Math.min(width * 2, full.max - full.min);
      if (next <= width) return null;
      return clampWindow(centre - next / 2, centre + next / 2, full);
    }
    case "ArrowLeft":
    case "ArrowRight": {
      const shift = (key === "ArrowLeft" ? -1 : 1) * (width / 4);
      const moved = clampWindow(view.min + shift, view.max + shift, full);
      return moved.min === view.min && moved.max === view.max ? null : moved;
    }
    case "Escape":
    case "0":
    case "Home":
      return view.min === full.min && view.max === full.max ? null : { min: full.min, max: full.max };
    default:
      return null;
  }
}

/** True when the view shows less than the full range (the reset button appears). */
export function isZoomed(view: XRange, full: XRange): boolean {
  const tolerance = (full.max - full.min) * 1e-6;
  return view.min > full.min + tolerance || view.max < full.max - tolerance;
}
