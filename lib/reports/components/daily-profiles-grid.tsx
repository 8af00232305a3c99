/** @jsxRuntime automatic */
import { Line, Path, Rect, Svg, Text, View } from "@react-pdf/renderer";
import { buildLinePath, chooseGlucoseAxis, linearScale, maxOfCurves } from "../chart-geometry";
import type { ReportDailyProfile, ReportUnit } from "../report-data";
import { formatGlucoseWithUnit, formatPercent, formatShortDay } from "../report-format";
import { colors } from "./report-theme";

const BINS = 288;
const COLUMNS = 7;
const GAP = 4;
const CHART_HEIGHT = 96;

/**
 * The last 14 days as small multiples, two rows of seven (a week per row), every panel on the same
 * scale as the AGP: 00:00–24:00 on x, the green target band 70–180 mg/dL, the day's glucose as a
 * line that breaks at sensor gaps. Under each panel the day's time in range and mean.
 */
export function DailyProfilesGrid({
  profiles,
  unit,
  width,
  fontFamily,
}: {
  profiles: ReportDailyProfile[];
  unit: ReportUnit;
  width: number;
  fontFamily: string;
}) {
  const { topMgdl } = chooseGlucoseAxis(unit, maxOfCurves(profiles.map((p) => p.values)));
  const cellWidth = (width - GAP * (COLUMNS - 1)) / COLUMNS;
  const rows: ReportDailyProfile[][] = [];
  for (let i = 0; i < profiles.length; i += COLUMNS) rows.push(profiles.slice(i, i + COLUMNS));
  return (
    <View>
      {rows.map((row, r) => (
        <View key={r} style={{ flexDirection: "row", marginBottom: 8 }} wrap={false}>
          {row.map((p, c) => (
            <View key={p.date} style={{ width: cellWidth, marginRight: c === COLUMNS - 1 ? 0 : GAP }}>
              <Text style={{ fontSize: 7.5, fontWeight: 700, marginBottom: 1.5 }}>{formatShortDay(p.date)}</Text>
              <DayPanel profile={p} width={cellWidth} topMgdl={topMgdl} fontFamily={fontFamily} />
              <Text style={{ fontSize: 7, color: colors.muted, marginTop: 1.5 }}>
                {p.readings > 0 ? `In range ${formatPercent(p.inRangePercent, 0)}` : "No readings"}
              </Text>
              <Text style={{ fontSize: 7, color: colors.muted }}>{p.readings > 0 ? `Mean ${formatGlucoseWithUnit(p.mean, unit)}` : " "}</Text>
            </View>
          ))}
        </View>
      ))}
    </View>
  );
}

function DayPanel({ profile, width, topMgdl, fontFamily }: { profile: ReportDailyProfile; width: number; topMgdl: number; fontFamily: string }) {
  const y = linearScale([0, topMgdl], [CHART_HEIGHT, 0]);
  const x = (b: number) => ((b + 0.5) / BINS) * width;
  const path = buildLinePath(profile.values, x, y, [0, topMgdl]);
  return (
    <Svg width={width} height={CHART_HEIGHT}>
      <Rect x={0} y={y(180)} width={width} height={y(70) - y(180)} fill={colors.targetBand} />
      <Line x1={0} y1={y(70)} x2={width} y2={y(70)} stroke={colors.targetLine} strokeWidth={0.5} />
      <Line x1={0} y1={y(180)} x2={width} y2={y(180)} stroke={colors.targetLine} strokeWidth={0.5} />
      {[0.25, 0.5, 0.75].map((f) => (
        <Line key={f} x1={f * width} y1={0} x2={f * width} y2={CHART_HEIGHT} stroke={colors.grid} strokeWidth={0.4} />
      ))}
      {profile.readings > 0 ? (
        <Path d={path} stroke={colors.profileLine} strokeWidth={0.8} fill="none" strokeLinejoin="round" />
      ) : (
        <Text x={width / 2} y={y(180) / 2 + 2.5} textAnchor="middle" style={{ fontFamily, fontSize: 7 }} fill={colors.faint}>
          No data
        </Text>
      )}
      <Rect x={0} y={0} width={width} height={CHART_HEIGHT} stroke={colors.hairline} strokeWidth={0.6} fill="none" />
    </Svg>
  );
}

