/**
 * SVG path geometry for the small charts (daily small multiples, sparklines), which are drawn as
 * server-renderable SVG rather than canvas.
 */

export type LinearScale = { domain: [number, number]; range: [number, number] };

/** Maps a value linearly from domain to range; a zero-width domain maps to the middle of the range. */
export function scaleLinear(value: number, scale: LinearScale): number {
  const [d0, d1] = scale.domain;
  const [r0, r1] = scale.range;
  if (d1 === d0) return (r0 + r1) / 2;
  return r0 + ((value - d0) / (d1 - d0)) * (r1 - r0);
}

/** One decimal is sub-pixel at any size these charts are drawn; it keeps the markup small. */
function round1(v: number): string {
  return (Math.round(v * 10) / 10).toString();
}

/**
 * An SVG path "M x y L x y …" through the points, starting a new subpath ("M") after a null value
 * or where consecutive x are further apart than `maxGap` (in x units), so missing data shows as a
 * gap and not as a straight line. A point with no neighbour on either side becomes a dot-sized
 * horizontal stub ("h0.1") so it stays visible with round line caps. "" when nothing is drawable.
 */
export function buildLinePath(
  xs: ArrayLike<number>,
  ys: ArrayLike<number | null>,
  x: LinearScale,
  y: LinearScale,
  maxGap = Infinity,
): string {
  const parts: string[] = [];
  let open = false;
  let runLength = 0;
  let lastX = -Infinity;
  const closeRun = () => {
    if (open && runLength === 1) parts.push("h0.1");
    open = false;
    runLength = 0;
  };
  for (let i = 0; i < xs.length; i++) {
    const v = ys[i];
    if (v === null || !Number.isFinite(v) || !Number.isFinite(xs[i])) {
      closeRun();
      continue;
    }
    if (open && xs[i] - lastX > maxGap) closeRun();
    const px = round1(scaleLinear(xs[i], x));
    const py = round1(scaleLinear(v, y));
    parts.push(`${open ? "L" : "M"}${px} ${py}`);
    open = true;
    runLength++;
    lastX = xs[i];
  }
  closeRun();
  return parts.join("");
}
