import { StyleSheet } from "@react-pdf/renderer";

/**
 * Colours and type of the report. The five range colours follow the IDC AGP report (very high
 * orange, high yellow, target green, low red, very low dark red) so a clinician reads them at a
 * glance; everything else is greyscale so the report survives a black-and-white printer.
 */
export const colors = {
  ink: "#1F2933",
  muted: "#5B6776",
  faint: "#8A94A3",
  hairline: "#D3D9E0",
  panel: "#F3F5F8",
  brand: "#24487A",
  met: "#2E7D32",
  notMet: "#C62828",
  unknown: "#8A94A3",
  veryHigh: "#E8772E",
  high: "#F5C242",
  inRange: "#43A047",
  low: "#E53935",
  veryLow: "#9E1B1B",
  targetBand: "#E6F3E7",
  targetLine: "#43A047",
  agpOuter: "#C3D6EE",
  agpInner: "#6B98CF",
  agpMedian: "#17365F",
  profileLine: "#24487A",
  grid: "#E3E7EC",
} as const;

export const PAGE_PADDING = { top: 34, bottom: 62, horizontal: 36 } as const;

export const styles = StyleSheet.create({
  page: {
    paddingTop: PAGE_PADDING.top,
    paddingBottom: PAGE_PADDING.bottom,
    paddingHorizontal: PAGE_PADDING.horizontal,
    fontSize: 9,
    color: colors.ink,
  },
  sectionTitle: { fontSize: 11.5, fontWeight: 700, color: colors.brand, marginBottom: 5 },
  subTitle: { fontSize: 9.5, fontWeight: 700, marginBottom: 3 },
  caption: { fontSize: 7.5, color: colors.muted },
  body: { fontSize: 9 },
  muted: { color: colors.muted },
  bold: { fontWeight: 700 },
  emptyBox: {
    borderWidth: 0.75,
    borderColor: colors.hairline,
    borderStyle: "dashed",
    borderRadius: 3,
    padding: 10,
    color: colors.muted,
    fontSize: 9,
  },
  section: { marginTop: 14 },
});
