/** @jsxRuntime automatic */
import { Circle, Path, Rect, Svg, Text, View } from "@react-pdf/renderer";
import type { ReportMetrics, ReportTarget, ReportUnit } from "../report-data";
import {
  describeMet,
  describeRangeBands,
  describeTarget,
  formatGlucoseWithUnit,
  formatNumber,
  formatPercent,
  formatTarget,
  formatTargetValue,
  type RangeBand,
} from "../report-format";
import { colors, styles } from "./report-theme";

/** Headline numbers, large: mean glucose, GMI, CV (with its target) and time in range. */
export function MetricTiles({ metrics, unit, unicode }: { metrics: ReportMetrics; unit: ReportUnit; unicode: boolean }) {
  const cvTarget = metrics.targets.find((t) => t.id === "cv");
  const tirTarget = metrics.targets.find((t) => t.id === "tir_70_180");
  return (
    <View style={{ flexDirection: "row", marginTop: 10 }}>
      <Tile label="Mean glucose" value={formatGlucoseWithUnit(metrics.mean, unit)} note={`SD ${formatGlucoseWithUnit(metrics.sd, unit)}`} />
      <Tile label="GMI" value={formatPercent(metrics.gmi)} note="Glucose management indicator" />
      <Tile
        label="Glucose variability (CV)"
        value={cvTarget ? formatTargetValue(cvTarget) : formatPercent(metrics.cv)}
        note={cvTarget ? `Target ${formatTarget(cvTarget, unicode)}` : ""}
      />
      <Tile
        label={describeTarget("tir_70_180", unit)}
        value={tirTarget ? formatTargetValue(tirTarget) : formatPercent(metrics.ranges.inRange)}
        note={tirTarget ? `Target ${formatTarget(tirTarget, unicode)}` : ""}
        last
      />
    </View>
  );
}

function Tile({ label, value, note, last }: { label: string; value: string; note: string; last?: boolean }) {
  return (
    <View
      style={{
        flex: 1,
        marginRight: last ? 0 : 6,
        borderWidth: 0.75,
        borderColor: colors.hairline,
        borderRadius: 3,
        paddingVertical: 5,
        paddingHorizontal: 7,
      }}
    >
      <Text style={{ fontSize: 7, color: colors.muted }}>{label}</Text>
      <Text style={{ fontSize: 15, fontWeight: 700, marginTop: 1 }}>{value}</Text>
      <Text style={{ fontSize: 7, color: colors.muted }}>{note}</Text>
    </View>
  );
}

/** A drawn mark (no font glyph needed): a green check in a circle, a red cross, or a grey dash. */
function MetMark({ met }: { met: boolean | null }) {
  const color = met === null ? colors.unknown : met ? colors.met : colors.notMet;
  return (
    <Svg width={9} height={9} viewBox="0 0 10 10" style={{ marginRight: 3, marginTop: 0.5 }}>
      <Circle cx={5} cy={5} r={4.6} fill={color} />
      {met === null ? (
        <Path d="M2.8 5 L7.2 5" stroke="#FFFFFF" strokeWidth={1.3} strokeLinecap="round" />
      ) : met ? (
        <Path d="M2.7 5.2 L4.4 6.9 L7.4 3.4" stroke="#FFFFFF" strokeWidth={1.3} fill="none" strokeLinecap="round" strokeLinejoin="round" />
      ) : (
        <Path d="M3.2 3.2 L6.8 6.8 M6.8 3.2 L3.2 6.8" stroke="#FFFFFF" strokeWidth={1.3} strokeLinecap="round" />
      )}
    </Svg>
  );
}

const COLUMN_WIDTHS = { metric: "50%", value: "16%", target: "14%", status: "20%" } as const;

/** The 2019 consensus targets: measured value, target and whether it is met. */
export function ConsensusTable({ metrics, unit, unicode }: { metrics: ReportMetrics; unit: ReportUnit; unicode: boolean }) {
  return (
    <View>
      <Text style={styles.subTitle}>Consensus targets</Text>
      <View style={{ flexDirection: "row", borderBottomWidth: 0.75, borderBottomColor: colors.ink, paddingBottom: 2 }}>
        <Text style={{ width: COLUMN_WIDTHS.metric, fontSize: 7.5, color: colors.muted }}>Measure</Text>
        <Text style={{ width: COLUMN_WIDTHS.value, fontSize: 7.5, color: colors.muted, textAlign: "right" }}>Value</Text>
        <Text style={{ width: COLUMN_WIDTHS.target, fontSize: 7.5, color: colors.muted, textAlign: "right" }}>Target</Text>
        <Text style={{ width: COLUMN_WIDTHS.status, fontSize: 7.5, color: colors.muted, paddingLeft: 8 }}>Status</Text>
      </View>
      {metrics.targets.map((t, i) => (
        <TargetRow key={t.id} target={t} unit={unit} unicode={unicode} shaded={i % 2 === 1} />
      ))}
      <Text style={[styles.caption, { marginTop: 3 }]}>
        Targets for most adults with type 1 or type 2 diabetes (Battelino et al., Diabetes Care 2019); percentages of CGM readings.
      </Text>
    </View>
  );
}

function TargetRow({ target, unit, unicode, shaded }: { target: ReportTarget; unit: ReportUnit; unicode: boolean; shaded: boolean }) {
  return (
    <View
      style={{
        flexDirection: "row",
        alignItems: "center",
        paddingVertical: 2.6,
        backgroundColor: shaded ? colors.panel : undefined,
        borderBottomWidth: 0.5,
        borderBottomColor: colors.hairline,
      }}
    >
      <Text style={{ width: COLUMN_WIDTHS.metric, fontSize: 8.5, paddingLeft: 2 }}>{describeTarget(target.id, unit)}</Text>
      <Text style={{ width: COLUMN_WIDTHS.value, fontSize: 8.5, fontWeight: 700, textAlign: "right" }}>{formatTargetValue(target)}</Text>
      <Text style={{ width: COLUMN_WIDTHS.target, fontSize: 8.5, textAlign: "right" }}>{formatTarget(target, unicode)}</Text>
      <View style={{ width: COLUMN_WIDTHS.status, flexDirection: "row", alignItems: "center", paddingLeft: 8 }}>
        <MetMark met={target.met} />
        <Text
          style={{
            fontSize: 8.5,
            fontWeight: 700,
            color: target.met === null ? colors.unknown : target.met ? colors.met : colors.notMet,
          }}
        >
          {describeMet(target.met)}
        </Text>
      </View>
    </View>
  );
}

const BAR_WIDTH = 26;
const BAR_HEIGHT = 128;

/**
 * The time-in-ranges stacked bar (vector), very high on top as on the IDC AGP report. Each band is
 * at least 1 pt tall when non-zero so a 0.3 % hypo band is still visible; the labels sit in a fixed
 * column beside the bar (not at the band) so small bands never overlap.
 */
export function TimeInRangesBar({ metrics, unit }: { metrics: ReportMetrics; unit: ReportUnit }) {
  const bands = describeRangeBands(unit);
  const heights = bandHeights(bands.map((b) => metrics.ranges[b.key]), BAR_HEIGHT);
  const tops = heights.map((_, i) => heights.slice(0, i).reduce((a, b) => a + b, 0));
  const rects = bands.map((b, i) => <Rect key={b.key} x={0} y={tops[i]} width={BAR_WIDTH} height={heights[i]} fill={colors[b.key]} />);
  return (
    <View>
      <Text style={styles.subTitle}>Time in ranges</Text>
      <View style={{ flexDirection: "row", marginTop: 2 }}>
        <Svg width={BAR_WIDTH} height={BAR_HEIGHT}>
          {rects}
        </Svg>
        <View style={{ marginLeft: 8, height: BAR_HEIGHT, justifyContent: "space-between", flex: 1 }}>
          {bands.map((b) => (
            <BandLabel key={b.key} band={b} percent={metrics.ranges[b.key]} />
          ))}
        </View>
      </View>
    </View>
  );
}

function BandLabel({ band, percent }: { band: RangeBand; percent: number }) {
  return (
    <View style={{ flexDirection: "row", alignItems: "center" }}>
      <View style={{ width: 7, height: 7, backgroundColor: colors[band.key], marginRight: 4 }} />
      <View style={{ flex: 1 }}>
        <Text style={{ fontSize: 8 }}>{band.label}</Text>
        <Text style={{ fontSize: 7, color: colors.muted }}>{band.limits}</Text>
      </View>
      <Text style={{ fontSize: 10, fontWeight: 700, textAlign: "right" }}>{formatPercent(percent)}</Text>
    </View>
  );
}

/** Heights proportional to the shares, each non-zero share at least `minHeight`, summing to `total`. */
export function bandHeights(shares: readonly number[], total: number, minHeight = 1.2): number[] {
  const sum = shares.reduce((a, b) => a + Math.max(0, b), 0);
  if (sum <= 0) return shares.map(() => 0);
  const raw = shares.map((s) => (Math.max(0, s) / sum) * total);
  const lifted = raw.map((h) => (h > 0 ? Math.max(h, minHeight) : 0));
  const excess = lifted.reduce((a, b) => a + b, 0) - total;
  // take the excess from the tallest band, which the lift cannot make misleading
  const tallest = lifted.indexOf(Math.max(...lifted));
  lifted[tallest] -= excess;
  return lifted;
}

/** Secondary measures with iglu definitions, for the clinician who wants them. */
export function AdditionalMeasures({ metrics, unit }: { metrics: ReportMetrics; unit: ReportUnit }) {
  const rows: [string, string, string][] = [
    ["Median glucose", formatGlucoseWithUnit(metrics.median, unit), "50th percentile of all readings"],
    ["Standard deviation", formatGlucoseWithUnit(metrics.sd, unit), "Spread of readings around the mean"],
    [
      "MAGE",
      metrics.mage === null ? "Not available" : formatGlucoseWithUnit(metrics.mage, unit),
      metrics.mage === null ? "Too little continuous data for glycaemic excursions" : "Mean amplitude of glycaemic excursions (iglu mage, ma method)",
    ],
    ["LBGI", formatNumber(metrics.lbgi, 1), "Low blood glucose index (Kovatchev); > 5 is high risk of hypoglycaemia"],
    ["HBGI", formatNumber(metrics.hbgi, 1), "High blood glucose index (Kovatchev); > 9 is high risk of hyperglycaemia"],
    ["GRI", `${formatNumber(metrics.gri, 1)} (zone ${metrics.griZone})`, "Glycemia risk index 0–100 (Klonoff et al. 2023); zone A best, E worst"],
  ];
  return (
    <View>
      <Text style={styles.subTitle}>Additional measures</Text>
      {rows.map(([label, value, note], i) => (
        <View
          key={label}
          style={{
            flexDirection: "row",
            paddingVertical: 2.4,
            borderBottomWidth: 0.5,
            borderBottomColor: colors.hairline,
            backgroundColor: i % 2 === 1 ? colors.panel : undefined,
          }}
        >
          <Text style={{ width: "22%", fontSize: 8.5, paddingLeft: 2 }}>{label}</Text>
          <Text style={{ width: "20%", fontSize: 8.5, fontWeight: 700, textAlign: "right", paddingRight: 10 }}>{value}</Text>
          <Text style={{ width: "58%", fontSize: 7.5, color: colors.muted }}>{note}</Text>
        </View>
      ))}
    </View>
  );
}
