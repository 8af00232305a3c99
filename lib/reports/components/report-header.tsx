/** @jsxRuntime automatic */
import { Text, View } from "@react-pdf/renderer";
import type { ReportData } from "../report-data";
import { countDays, formatDate, formatDateTime, formatPercent, formatPeriod } from "../report-format";
import { colors, PAGE_PADDING } from "./report-theme";

/** Page 1 title block: who, which period, when generated, in which unit. */
export function ReportHeader({ data }: { data: ReportData }) {
  const m = data.metrics;
  const dataLine = m
    ? `${m.readings.toLocaleString("en-GB")} readings on ${m.daysWithData} of ${countDays(data.period.from, data.period.to)} days; CGM active ${formatPercent(m.activePercent)} (first to last reading)`
    : "Fewer than 2 CGM readings in this period";
  return (
    <View>
      <View style={{ flexDirection: "row", justifyContent: "space-between", alignItems: "flex-end" }}>
        <View>
          <Text style={{ fontSize: 8, fontWeight: 700, color: colors.brand, letterSpacing: 1.6 }}>PROXIMA</Text>
          <Text style={{ fontSize: 17, fontWeight: 700, marginTop: 2 }}>Glucose report</Text>
          <Text style={{ fontSize: 8.5, color: colors.muted }}>Continuous glucose monitoring summary for the clinician</Text>
        </View>
        <View style={{ alignItems: "flex-end", maxWidth: 260 }}>
          <Text style={{ fontSize: 7.5, color: colors.muted }}>Patient</Text>
          <Text style={{ fontSize: 13, fontWeight: 700, textAlign: "right" }}>{data.patient.name}</Text>
          {data.patient.dateOfBirth ? (
            <Text style={{ fontSize: 8.5, color: colors.muted }}>Date of birth {formatDate(data.patient.dateOfBirth)}</Text>
          ) : null}
        </View>
      </View>
      <View
        style={{
          flexDirection: "row",
          marginTop: 8,
          backgroundColor: colors.panel,
          borderRadius: 3,
          paddingVertical: 5,
          paddingHorizontal: 8,
        }}
      >
        <MetaCell label="Period" value={formatPeriod(data.period)} flex={2} />
        <MetaCell label="Generated" value={formatDateTime(data.generatedAt, data.timezone)} flex={1.05} />
        <MetaCell label="Unit · time zone" value={`${data.unit} · ${data.timezone}`} flex={1.15} />
        <MetaCell label="Data" value={dataLine} flex={2} />
      </View>
    </View>
  );
}

function MetaCell({ label, value, flex }: { label: string; value: string; flex: number }) {
  return (
    <View style={{ flex, paddingRight: 6 }}>
      <Text style={{ fontSize: 7, color: colors.muted }}>{label}</Text>
      <Text style={{ fontSize: 8.5 }}>{value}</Text>
    </View>
  );
}

export const DISCLAIMER =
  "Generated from the patient's own device data by Proxima. Not a diagnosis; review with the full clinical picture.";

/** Repeated on every page: what the report is and is not, whose it is, the period, "Page x of y". */
export function ReportFooter({ data }: { data: ReportData }) {
  return (
    <View
      fixed
      style={{
        position: "absolute",
        left: PAGE_PADDING.horizontal,
        right: PAGE_PADDING.horizontal,
        bottom: 22,
        borderTopWidth: 0.75,
        borderTopColor: colors.hairline,
        paddingTop: 5,
        flexDirection: "row",
        justifyContent: "space-between",
      }}
    >
      <View style={{ flex: 1, paddingRight: 12 }}>
        <Text style={{ fontSize: 7, color: colors.muted }}>{DISCLAIMER}</Text>
        <Text style={{ fontSize: 7, color: colors.muted }}>
          {data.patient.name} · {formatPeriod(data.period)}
        </Text>
      </View>
      <Text
        style={{ fontSize: 8, color: colors.ink }}
        render={({ pageNumber, totalPages }) => `Page ${pageNumber} of ${totalPages}`}
      />
    </View>
  );
}
