import type uPlot from "uplot";

/**
 * Canvas pixels per CSS pixel: uPlot scales its canvas by window.devicePixelRatio (its `pxRatio`)
 * and reports `bbox` in canvas pixels. Read from the global rather than from the canvas, because
 * uPlot computes the axes (and calls our splits) before it resizes the canvas on the first draw.
 * 1 outside a browser (node tests).
 */
export function getCanvasPixelRatio(): number {
  const ratio = (globalThis as { devicePixelRatio?: number }).devicePixelRatio;
  return typeof ratio === "number" && ratio > 0 ? ratio : 1;
}

/** Height of the plotting area in CSS pixels (what tick spacing is judged in). */
export function getPlotHeightCss(u: uPlot): number {
  return u.bbox.height / getCanvasPixelRatio();
}
