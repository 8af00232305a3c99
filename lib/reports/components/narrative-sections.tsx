/** @jsxRuntime automatic */
import { Text, View } from "@react-pdf/renderer";
import type { ReportInsight, ReportPrediction, ReportStory } from "../report-data";
import { formatDate } from "../report-format";
import { colors, styles } from "./report-theme";

/** The weekly stories the patient chose, newest first, each with its personal note when shared. */
export function StoriesSection({ stories, includeNotes }: { stories: ReportStory[]; includeNotes: boolean }) {
  const heading = <Text style={styles.sectionTitle}>Weekly stories</Text>;
  if (stories.length === 0) {
    return (
      <View wrap={false}>
        {heading}
        <Text style={styles.emptyBox}>No weekly stories were selected for this report.</Text>
      </View>
    );
  }
  return (
    <View>
      {stories.map((s, k) => {
        const [first, ...rest] = paragraphs(s.narrative);
        return (
          <View key={`${s.weekOf}-${k}`} style={{ marginBottom: 10 }}>
            {/* the section heading, the story's title and its first paragraph never end a page alone */}
            <View wrap={false}>
              {k === 0 ? heading : null}
              <Text style={{ fontSize: 7.5, color: colors.muted }}>Week of {formatDate(s.weekOf)}</Text>
              <Text style={{ fontSize: 10, fontWeight: 700, marginBottom: 2 }}>{s.title}</Text>
              {first ? <Text style={{ fontSize: 9, marginBottom: 3 }}>{first}</Text> : null}
            </View>
            {rest.map((p, i) => (
              <Text key={i} style={{ fontSize: 9, marginBottom: 3 }} orphans={2} widows={2}>
                {p}
              </Text>
            ))}
            {includeNotes && s.personalNote ? (
              <View
                style={{
                  marginTop: 2,
                  borderLeftWidth: 2,
                  borderLeftColor: colors.brand,
                  backgroundColor: colors.panel,
                  paddingVertical: 4,
                  paddingHorizontal: 7,
                }}
                wrap={false}
              >
                <Text style={{ fontSize: 7.5, fontWeight: 700, color: colors.brand }}>Personal note from the patient</Text>
                <Text style={{ fontSize: 9 }}>{s.personalNote}</Text>
              </View>
            ) : null}
          </View>
        );
      })}
    </View>
  );
}

function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, " ").trim())
    .filter((p) => p !== "");
}

const INSIGHT_LABEL: Record<ReportInsight["type"], { text: string; color: string }> = {
  positive: { text: "Positive", color: colors.met },
  warning: { text: "Attention", color: colors.notMet },
  neutral: { text: "Observation", color: colors.muted },
};

export function InsightsSection({ insights }: { insights: ReportInsight[] }) {
  const heading = <Text style={styles.sectionTitle}>Insights</Text>;
  if (insights.length === 0) {
    return (
      <View style={styles.section} wrap={false}>
        {heading}
        <Text style={styles.emptyBox}>No insights were generated for the selected weeks.</Text>
      </View>
    );
  }
  return (
    <View style={styles.section}>
      {insights.map((insight, i) => (
        <View key={i} wrap={false}>
          {i === 0 ? heading : null}
          <View style={{ flexDirection: "row", marginBottom: 6 }}>
            <Text style={{ width: 62, fontSize: 7.5, fontWeight: 700, color: INSIGHT_LABEL[insight.type].color, paddingTop: 1 }}>
              {INSIGHT_LABEL[insight.type].text.toUpperCase()}
            </Text>
            <View style={{ flex: 1 }}>
              <Text style={{ fontSize: 9, fontWeight: 700 }}>{insight.title}</Text>
              <Text style={{ fontSize: 8.5 }}>{insight.description}</Text>
              <Text style={{ fontSize: 7, color: colors.muted }}>Confidence {Math.round(insight.confidence)}%</Text>
            </View>
          </View>
        </View>
      ))}
    </View>
  );
}

/**
 * Predictions with the probability AND the number of days behind it: a probability is an empirical,
 * smoothed frequency from the patient's own history, and "60% of 5 days" is not "60% of 60 days".
 */
export function OutlookSection({ predictions }: { predictions: ReportPrediction[] }) {
  const heading = <Text style={styles.sectionTitle}>Health outlook</Text>;
  if (predictions.length === 0) {
    return (
      <View style={styles.section} wrap={false}>
        {heading}
        <Text style={styles.emptyBox}>No predictions: there is not enough history to estimate any yet.</Text>
      </View>
    );
  }
  const header = (
    <View style={{ flexDirection: "row", borderBottomWidth: 0.75, borderBottomColor: colors.ink, paddingBottom: 2 }}>
      <Text style={{ width: "52%", fontSize: 7.5, color: colors.muted }}>Event</Text>
      <Text style={{ width: "14%", fontSize: 7.5, color: colors.muted, textAlign: "right" }}>Probability</Text>
      <Text style={{ width: "14%", fontSize: 7.5, color: colors.muted, textAlign: "right" }}>Based on</Text>
      <Text style={{ width: "20%", fontSize: 7.5, color: colors.muted, paddingLeft: 10 }}>Timeframe</Text>
    </View>
  );
  return (
    <View style={styles.section}>
      {predictions.map((p, i) => (
        <View key={i} wrap={false}>
          {i === 0 ? heading : null}
          {i === 0 ? header : null}
          <View style={{ flexDirection: "row", paddingVertical: 3, borderBottomWidth: 0.5, borderBottomColor: colors.hairline }}>
            <View style={{ width: "52%", paddingRight: 6 }}>
              <Text style={{ fontSize: 8.5 }}>{p.event}</Text>
              {p.reasoning ? <Text style={{ fontSize: 7, color: colors.muted }}>{p.reasoning}</Text> : null}
              {p.preventable ? <Text style={{ fontSize: 7, color: colors.met }}>Modifiable</Text> : null}
            </View>
            <Text style={{ width: "14%", fontSize: 9, fontWeight: 700, textAlign: "right" }}>{p.probability}%</Text>
            <Text style={{ width: "14%", fontSize: 8.5, textAlign: "right" }}>
              {p.sampleSize === null ? "n not recorded" : `n = ${p.sampleSize} days`}
            </Text>
            <Text style={{ width: "20%", fontSize: 8.5, paddingLeft: 10 }}>{p.timeframe}</Text>
          </View>
        </View>
      ))}
      <Text style={[styles.caption, { marginTop: 3 }]}>
        {"Probabilities are smoothed frequencies from the patient's own days (n), not population risks."}
      </Text>
    </View>
  );
}

export function PatternsSection({ patterns }: { patterns: string[] }) {
  const heading = <Text style={styles.sectionTitle}>Notable patterns</Text>;
  if (patterns.length === 0) {
    return (
      <View style={styles.section} wrap={false}>
        {heading}
        <Text style={styles.emptyBox}>No notable patterns were found in this period.</Text>
      </View>
    );
  }
  return (
    <View style={styles.section}>
      {patterns.map((p, i) => (
        <View key={i} wrap={false}>
          {i === 0 ? heading : null}
          <View style={{ flexDirection: "row", marginBottom: 3 }}>
            <Text style={{ width: 10, fontSize: 9 }}>•</Text>
            <Text style={{ flex: 1, fontSize: 9 }}>{p}</Text>
          </View>
        </View>
      ))}
    </View>
  );
}
