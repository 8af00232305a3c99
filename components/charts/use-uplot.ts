"use client";

import { useEffect, useRef, type RefObject } from "react";
import uPlot from "uplot";

/**
 * Mounts a uPlot chart in `containerRef` once the element exists, keeps its width equal to the
 * container's with a ResizeObserver (uPlot has no responsive mode of its own), and destroys it on
 * unmount or when the options or data change (a new instance is cheaper to reason about than
 * patching scales, and these charts get new props only on navigation).
 * `buildOptions` receives the container width; memoize it (useCallback) or the chart is rebuilt on
 * every render.
 */
export function useUplot(
  containerRef: RefObject<HTMLDivElement | null>,
  buildOptions: ((width: number) => uPlot.Options) | null,
  data: uPlot.AlignedData | null,
  height: number,
): RefObject<uPlot | null> {
  const chartRef = useRef<uPlot | null>(null);

  useEffect(() => {
    const container = containerRef.current;
    if (!container || !buildOptions || !data) return;
    // A hidden container (e.g. a closed tab) measures 0: draw at a sane width, the observer fixes it.
    const width = Math.floor(container.clientWidth) || 320;
    const chart = new uPlot(buildOptions(width), data, container);
    chartRef.current = chart;

    let frame = 0;
    const observer = new ResizeObserver((entries) => {
      const next = Math.floor(entries[0]?.contentRect.width ?? 0);
      if (next <= 0 || next === chart.width) return;
      // One resize per frame: a drag of the window edge fires many observations.
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => chart.setSize({ width: next, height }));
    });
    observer.observe(container);

    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
      chart.destroy();
      chartRef.current = null;
    };
  }, [containerRef, buildOptions, data, height]);

  return chartRef;
}
