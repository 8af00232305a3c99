import type uPlot from "uplot";

/**
 * A stand-in for a drawn uPlot instance with a recording canvas context, to test the draw hooks
 * and stroke functions of the option builders in node (no DOM, no canvas).
 * Plot area: 700 × 400 canvas px at (80, 20), pixel ratio 2, linear scales.
 */
export type Recorded = { op: string; args: unknown[]; fillStyle?: unknown; strokeStyle?: unknown };

export function createFakeUplot(scales: { x: [number, number]; y: [number, number] }) {
  const calls: Recorded[] = [];
  const gradients: { args: number[]; stops: [number, string][] }[] = [];
  const bbox = { left: 80, top: 20, width: 700, height: 400 };
  const ctx = {
    canvas: { width: 800, height: 900 },
    fillStyle: "" as unknown,
    strokeStyle: "" as unknown,
    lineWidth: 1,
    save() {},
    restore() {},
    beginPath() {},
    setLineDash(dash: number[]) {
      calls.push({ op: "setLineDash", args: [dash] });
    },
    moveTo(...args: number[]) {
      calls.push({ op: "moveTo", args, strokeStyle: this.strokeStyle });
    },
    lineTo(...args: number[]) {
      calls.push({ op: "lineTo", args, strokeStyle: this.strokeStyle });
    },
    stroke() {
      calls.push({ op: "stroke", args: [], strokeStyle: this.strokeStyle });
    },
    fillRect(...args: number[]) {
      calls.push({ op: "fillRect", args, fillStyle: this.fillStyle });
    },
    createLinearGradient(...args: number[]) {
      const g = { args, stops: [] as [number, string][], addColorStop: (o: number, c: string) => g.stops.push([o, c]) };
      gradients.push(g);
      return g;
    },
  };
  const u = {
    ctx,
    width: 400,
    bbox,
    status: 1,
    scales: { x: { min: scales.x[0], max: scales.x[1] }, y: { min: scales.y[0], max: scales.y[1] } },
    valToPos(v: number, key: string) {
      if (key === "y") return bbox.top + bbox.height * (1 - (v - scales.y[0]) / (scales.y[1] - scales.y[0]));
      return bbox.left + (bbox.width * (v - scales.x[0])) / (scales.x[1] - scales.x[0]);
    },
  };
  return { u: u as unknown as uPlot, calls, gradients, bbox };
}
