/** @jsxRuntime automatic */
import { Document, Page, Text, View } from "@react-pdf/renderer";
import { MIN_AGP_DAYS, RECOMMENDED_AGP_DAYS } from "../build-report-data";
import type { ReportData, ReportPageSize, ReportUnit } from "../report-data";
import { getReportFonts, type ReportFonts } from "../report-fonts";
import { formatDate, formatLimit } from "../report-format";
import { AgpChart } from "./agp-chart";
import { DailyProfilesGrid } from "./daily-profiles-grid";
import { AdditionalMeasures, ConsensusTable, MetricTiles, TimeInRangesBar } from "./metrics-summary";
import { InsightsSection, OutlookSection, PatternsSection, StoriesSection } from "./narrative-sections";
import { ReportFooter, ReportHeader } from "./report-header";
import { colors, PAGE_PADDING, styles } from "./report-theme";

/** Page widths in points (A4 210 mm, US Letter 8.5 in). */
const PAGE_WIDTH: Record<ReportPageSize, number> = { A4: 595.28, LETTER: 612 };
/** Letter is 50 pt shorter than A4: a flatter AGP keeps page 1 on one page in both. */
const AGP_HEIGHT: Record<ReportPageSize, number> = { A4: 215, LETTER: 178 };

/**
 * The doctor's report. Page 1 is laid out like the IDC AGP report (header, headline numbers,
 * consensus targets with met / not met, time in ranges, the AGP, additional measures); page 2
 * holds the 14 daily profiles, followed by the weekly stories, insights, outlook and patterns.
 * Every page carries the footer with "Page x of y". `data` must be valid ReportData (parse it with
 * parseReportData first; renderReportPdf does).
 */
export function ReportDocument({ data, fonts = getReportFonts() }: { data: ReportData; fonts?: ReportFonts }) {
  const contentWidth = PAGE_WIDTH[data.options.pageSize] - 2 * PAGE_PADDING.horizontal;
  const { metrics, agp, unit } = data;
  return (
    <Document
      title={`Glucose report: ${data.patient.name}, ${data.period.from} to ${data.period.to}`}
      author="Proxima"
      subject="Continuous glucose monitoring report for the clinician"
      creator="Proxima"
      producer="Proxima"
      language="en"
    >
      <Page size={data.options.pageSize} style={[styles.page, { fontFamily: fonts.family }]} wrap>
        <ReportFooter data={data} />
        <ReportHeader data={data} />

        {metrics ? (
          <View>
            <MetricTiles metrics={metrics} unit={unit} unicode={fonts.unicode} />
            <View style={{ flexDirection: "row", marginTop: 12 }}>
              <View style={{ flex: 1.45, paddingRight: 16 }}>
                <ConsensusTable metrics={metrics} unit={unit} unicode={fonts.unicode} />
              </View>
              <View style={{ flex: 1 }}>
                <TimeInRangesBar metrics={metrics} unit={unit} />
              </View>
            </View>
          </View>
        ) : (
          <View style={{ marginTop: 14 }}>
            <Text style={styles.emptyBox}>
              This period has fewer than 2 CGM readings, so the consensus metrics, the time in ranges, the AGP and the daily profiles
              cannot be shown. Any weekly stories and analysis follow.
            </Text>
          </View>
        )}

        {metrics ? (
          <View style={styles.section} wrap={false}>
            <Text style={styles.sectionTitle}>Ambulatory glucose profile (AGP)</Text>
            {agp ? (
              <View>
                <Text style={[styles.caption, { marginBottom: 4 }]}>
                  {`Glucose by time of day over ${agp.daysWithData} days with data (${formatDate(agp.from)} – ${formatDate(agp.to)}), ${agp.readings.toLocaleString("en-GB")} readings; percentiles per 5 minutes, smoothed over ±15 minutes.`}
                  {agp.daysWithData < RECOMMENDED_AGP_DAYS
                    ? ` Fewer than the ${RECOMMENDED_AGP_DAYS} days the consensus recommends: read the outer band with caution.`
                    : ""}
                </Text>
                <AgpChart agp={agp} unit={unit} width={contentWidth} height={AGP_HEIGHT[data.options.pageSize]} fontFamily={fonts.family} />
                <AgpLegend unit={unit} />
              </View>
            ) : (
              <Text style={styles.emptyBox}>
                {`The AGP needs readings on at least ${MIN_AGP_DAYS} different days; this period has fewer, so percentile curves would be noise.`}
              </Text>
            )}
          </View>
        ) : null}

        {metrics ? (
          <View style={styles.section} wrap={false}>
            <AdditionalMeasures metrics={metrics} unit={unit} />
          </View>
        ) : null}

        {metrics ? (
          // wrap={false}: the 14 panels move to the next page together rather than split
          <View style={styles.section} wrap={false}>
            <Text style={styles.sectionTitle}>Daily glucose profiles</Text>
            <Text style={[styles.caption, { marginBottom: 6 }]}>
              {`The last ${data.dailyProfiles.length} days of the period, 00:00–24:00 local time; green band: target range ${formatLimit(70, unit)}–${formatLimit(180, unit)} ${unit}; same glucose scale as the AGP.`}
            </Text>
            {data.dailyProfiles.length > 0 ? (
              <DailyProfilesGrid profiles={data.dailyProfiles} unit={unit} width={contentWidth} fontFamily={fonts.family} />
            ) : (
              <Text style={styles.emptyBox}>There are no days with readings to draw.</Text>
            )}
          </View>
        ) : null}

        <View style={styles.section}>
          <StoriesSection stories={data.stories} includeNotes={data.options.includeNotes} />
          {data.options.includeAnalysis ? <InsightsSection insights={data.insights} /> : null}
          {data.options.includeAnalysis ? <OutlookSection predictions={data.predictions} /> : null}
          <PatternsSection patterns={data.notablePatterns} />
        </View>
      </Page>
    </Document>
  );
}

function AgpLegend({ unit }: { unit: ReportUnit }) {
  const item = (color: string, label: string, line?: boolean) => (
    <View style={{ flexDirection: "row", alignItems: "center", marginRight: 14 }}>
      <View style={{ width: 14, height: line ? 2 : 7, backgroundColor: color, marginRight: 4 }} />
      <Text style={{ fontSize: 7.5, color: colors.muted }}>{label}</Text>
    </View>
  );
  return (
    <View style={{ flexDirection: "row", marginTop: 3, marginLeft: 30 }}>
      {item(colors.agpMedian, "Median (50%)", true)}
      {item(colors.agpInner, "25–75%")}
      {item(colors.agpOuter, "5–95%")}
      {item(colors.targetLine, `Target range ${formatLimit(70, unit)}–${formatLimit(180, unit)} ${unit}`, true)}
    </View>
  );
}
