/** @jsxRuntime automatic */
import { G, Line, Path, Polygon, Rect, Svg, Text } from "@react-pdf/renderer";
import {
  buildBandPolygons,
  buildLinePath,
  chooseGlucoseAxis,
  lastPresentIndex,
  linearScale,
  maxOfCurves,
  spreadLabels,
} from "../chart-geometry";
import type { ReportAgp, ReportUnit } from "../report-data";
import { formatGlucoseValue } from "../report-format";
import { colors } from "./report-theme";

const BINS = 288;
const MARGIN = { left: 30, right: 30, top: 6, bottom: 16 };
const HOUR_TICKS = [0, 3, 6, 9, 12, 15, 18, 21, 24];

export function formatHour(h: number): string {
  return `${String(h).padStart(2, "0")}:00`;
}

/**
 * The ambulatory glucose profile as vector graphics, drawn like the IDC AGP report: the 5–95 %
 * band light, the 25–75 % band darker, the median as a dark line, green target lines at 70 and
 * 180 mg/dL over a faint target band, dashed guides at 54 and 250, hours on x (local time).
 * Curves break where the analytics left a bin empty (no reading within ±15 minutes on any day).
 */
export function AgpChart({ agp, unit, width, height, fontFamily }: { agp: ReportAgp; unit: ReportUnit; width: number; height: number; fontFamily: string }) {
  const { topMgdl, ticksMgdl } = chooseGlucoseAxis(unit, maxOfCurves([agp.p95]));
  const x0 = MARGIN.left;
  const x1 = width - MARGIN.right;
  const y0 = MARGIN.top;
  const y1 = height - MARGIN.bottom;
  // bin b covers [5b, 5b + 5) minutes: draw it at its centre
  const xOfBin = (b: number) => x0 + ((b + 0.5) / BINS) * (x1 - x0);
  const xOfHour = linearScale([0, 24], [x0, x1]);
  const y = linearScale([0, topMgdl], [y1, y0]);
  const clamp = [0, topMgdl] as const;

  const outer = buildBandPolygons(agp.p5, agp.p95, xOfBin, y, clamp);
  const inner = buildBandPolygons(agp.p25, agp.p75, xOfBin, y, clamp);
  const median = buildLinePath(agp.p50, xOfBin, y, clamp);

  // Percentile names at the right edge, at each curve's last value, pushed apart to stay legible.
  const curves = [
    ["95%", agp.p95],
    ["75%", agp.p75],
    ["50%", agp.p50],
    ["25%", agp.p25],
    ["5%", agp.p5],
  ] as const;
  const ends = curves
    .map(([label, c]) => {
      const i = lastPresentIndex(c);
      return i < 0 ? null : { label, y: y(Math.min(topMgdl, c[i] as number)) };
    })
    .filter((e): e is { label: (typeof curves)[number][0]; y: number } => e !== null);
  const labelYs = spreadLabels(
    ends.map((e) => e.y),
    7.5,
    y0 + 3,
    y1 - 1,
  );

  const textStyle = { fontFamily, fontSize: 7 };
  return (
    <Svg width={width} height={height}>
      <Rect x={x0} y={y(180)} width={x1 - x0} height={y(70) - y(180)} fill={colors.targetBand} />
      {HOUR_TICKS.map((h) => (
        <Line key={`v${h}`} x1={xOfHour(h)} y1={y0} x2={xOfHour(h)} y2={y1} stroke={colors.grid} strokeWidth={0.5} />
      ))}
      {[54, 250].map((v) => (
        <Line key={`g${v}`} x1={x0} y1={y(v)} x2={x1} y2={y(v)} stroke={colors.faint} strokeWidth={0.5} strokeDasharray="2 2" />
      ))}
      <G>
        {outer.map((points, i) => (
          <Polygon key={`o${i}`} points={points} fill={colors.agpOuter} />
        ))}
        {inner.map((points, i) => (
          <Polygon key={`i${i}`} points={points} fill={colors.agpInner} />
        ))}
      </G>
      {[70, 180].map((v) => (
        <Line key={`t${v}`} x1={x0} y1={y(v)} x2={x1} y2={y(v)} stroke={colors.targetLine} strokeWidth={1} />
      ))}
      <Path d={median} stroke={colors.agpMedian} strokeWidth={1.6} fill="none" strokeLinejoin="round" />
      <Rect x={x0} y={y0} width={x1 - x0} height={y1 - y0} stroke={colors.faint} strokeWidth={0.6} fill="none" />
      {ticksMgdl.map((v) => (
        <Text key={`yl${v}`} x={x0 - 3} y={y(v) + 2.4} style={textStyle} textAnchor="end" fill={v === 70 || v === 180 ? colors.met : colors.ink}>
          {formatGlucoseValue(v, unit)}
        </Text>
      ))}
      {HOUR_TICKS.map((h) => (
        <Text key={`xl${h}`} x={xOfHour(h)} y={y1 + 9} style={textStyle} textAnchor="middle" fill={colors.muted}>
          {formatHour(h)}
        </Text>
      ))}
      {ends.map((e, i) => (
        <Text key={`pl${e.label}`} x={x1 + 3} y={labelYs[i] + 2.4} style={textStyle} fill={colors.muted}>
          {e.label}
        </Text>
      ))}
    </Svg>
  );
}
