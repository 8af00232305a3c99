import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DateTime } from "luxon";
import { computeVelocity, type VelocityDay } from "@/lib/analytics/velocity";
import type { ShadowPattern } from "@/db/queries/intelligence-views";
import { VelocityCards, VelocitySummary, VelocityTable } from "./velocity-views";
import { CorrelationTable, TopCorrelationList } from "./pattern-views";
import { ShadowPatternList } from "./shadow-pattern-list";
import { StaleBanner } from "./stale-banner";
import { EmptyAnalysis } from "./empty-analysis";
import { RangePicker } from "./range-picker";
import type { CorrelationRow } from "./pattern-data";

// Server HTML of the presentational components: what a screen reader and a phone get before any script.
const text = (html: string) =>
  html.replace(/<[^>]+>/g, " ").replace(/&nbsp;|\u00a0/g, " ").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&").replace(/\s+/g, " ");

function eightWeeks(): VelocityDay[] {
  const end = DateTime.fromISO("2026-03-20", { zone: "utc" });
  return Array.from({ length: 56 }, (_, i) => {
    const week = Math.floor(i / 7);
    // Week 3 has readings on 2 days only: it must show as "—" and stay out of the trend.
    const readings = week === 3 && i % 7 > 1 ? 0 : 288;
    return { date: end.minus({ days: 55 - i }).toISODate()!, readings, meanMgdl: readings ? 170 - 3 * week : null, sdMgdl: readings ? 50 : null, tirPercent: readings ? 55 + 2 * week : null };
  });
}

describe("velocity views", () => {
  const velocity = computeVelocity(eightWeeks(), { endDate: "2026-03-20" });

  it("cards: one h2 per metric, the latest value, the speed with its interval, never NaN", () => {
    const html = renderToStaticMarkup(<VelocityCards velocity={velocity} unit="mg/dL" />);
    expect(html.match(/<h2[^>]*>([^<]+)<\/h2>/g)?.map((h) => text(h).trim())).toEqual(["Time in range", "Mean glucose", "Variability (CV)"]);
    const t = text(html);
    expect(t).toContain("69 %");
    expect(t).toContain("+2.0 points a week");
    expect(t).toContain("\u22123.0 mg/dL a week");
    expect(t).toContain("7 weeks");
    expect(t).toContain("High confidence");
    expect(html).toContain('role="img"'); // the sparklines
    expect(t).not.toMatch(/NaN|Infinity|undefined/);
  });

  it("summary in mmol/L converts the mean and its slope", () => {
    const t = text(renderToStaticMarkup(<VelocitySummary velocity={velocity} unit="mmol/L" />));
    // Latest week mean 170 − 21 = 149 mg/dL = 8.3 mmol/L; −3 mg/dL a week = −0.17 mmol/L.
    expect(t).toContain("8.3 mmol/L");
    expect(t).toContain("\u22120.17 mmol/L a week");
  });

  it("table: column and row headers with scope, the thin week as —, and the rule explained", () => {
    const html = renderToStaticMarkup(<VelocityTable velocity={velocity} unit="mg/dL" />);
    expect(html.match(/<th scope="col"/g)).toHaveLength(5);
    expect(html.match(/<th scope="row"/g)).toHaveLength(8);
    const rows = html.split("<tr").slice(2).map(text);
    expect(rows[3]).toContain("2 /7");
    expect(rows[3].match(/—/g)).toHaveLength(3);
    expect(rows[7]).toMatch(/14–20 Mar 7 \/7 69 % 149 33\.\d %/);
    expect(text(html)).toContain("Mean (mg/dL)");
    expect(text(html)).toContain("fewer than 3 of its days");
  });
});

describe("correlation views", () => {
  const rows: CorrelationRow[] = [
    { id: "1", factor: "sleep_hours", outcome: "mean_glucose", lagDays: 0, spearmanRho: -0.52, qValue: 0.0004, sampleSize: 88, significant: true, confidence: "high" },
    { id: "2", factor: "steps", outcome: "time_in_range", lagDays: 2, spearmanRho: 0.08, qValue: 0.61, sampleSize: 86, significant: false, confidence: "none" },
  ];

  it("table: headers with scope, figures formatted, a toggle link to show all", () => {
    const html = renderToStaticMarkup(<CorrelationTable rows={rows} showAll totalCount={2} significantCount={1} toggleHref="/intelligence/patterns#correlations" />);
    expect(html.match(/<th scope="col"/g)).toHaveLength(7);
    expect(html.match(/<th scope="row"/g)).toHaveLength(2);
    const t = text(html);
    expect(t).toContain("1 of 2 tested links are significant");
    expect(t).toContain("Hours of sleep mean glucose the same day \u22120.52 < 0.001 88 High confidence");
    expect(t).toContain("Steps time in range 70–180 2 days later 0.08 0.61 86 Not significant");
    expect(html).toContain('href="/intelligence/patterns#correlations"');
    expect(t).toContain("Show significant only");
  });

  it("an empty significant list explains itself; the top list speaks plain words with q", () => {
    expect(text(renderToStaticMarkup(<CorrelationTable rows={[]} showAll={false} totalCount={2} significantCount={0} toggleHref="/x" />))).toContain("Show all 2");
    const t = text(renderToStaticMarkup(<TopCorrelationList rows={[rows[0]]} />));
    expect(t).toContain("On days with more hours of sleep, your mean glucose was lower the same day.");
    expect(t).toContain("ρ = \u22120.52 (strong) q < 0.001 88 days High confidence");
  });
});

describe("status views", () => {
  const now = new Date("2026-03-20T15:00:00Z");

  it("stale banner says when the results were made", () => {
    const t = text(renderToStaticMarkup(<StaleBanner what="results" madeAt={new Date("2026-03-08T12:00:00Z")} now={now} timezone="America/New_York" />));
    expect(t).toContain("These results may be out of date. They were made on Sun 8 Mar 2026 (12 days ago).");
  });

  it("empty state: import first without data, the action with data", () => {
    const none = renderToStaticMarkup(<EmptyAnalysis glucoseDays={0} action={<button>Run</button>} />);
    expect(none).toContain('href="/data/import"');
    expect(none).not.toContain("<button>Run</button>");
    const some = renderToStaticMarkup(<EmptyAnalysis glucoseDays={9} action={<button>Run</button>} />);
    expect(some).toContain("<button>Run</button>");
    expect(text(some)).toContain("You have 9 days of glucose data.");
    expect(text(some)).toContain("Links need at least 14 days");
  });

  it("shadow patterns: name, significance, description and the evidence in words", () => {
    const p = {
      id: "s1", userId: "u", storyId: "st", patternName: "Evening walks", lastSeenDescription: "You walked after dinner 4 times a week until February.",
      significance: "high", lastMentionedDate: "2026-02-14",
      evidence: [
        { metric: "shadow.evening_walks.weeks_present", value: 4, unit: "weeks", n: 4 },
        { metric: "shadow.evening_walks.last_seen", value: "2026-02-14", detail: "Saturday 14 February: 33 min of activity after 17:00" },
        { metric: "shadow.evening_walks.rate", value: 0.4567 },
      ],
      provider: "grounded", weekOf: "2026-03-16", createdAt: now,
    } as ShadowPattern;
    const t = text(renderToStaticMarkup(<ShadowPatternList patterns={[p]} />));
    expect(t).toContain("Evening walks High significance");
    expect(t).toContain("You walked after dinner 4 times a week until February.");
    expect(t).toContain("Evidence weeks present: 4 weeks (n = 4) Saturday 14 February: 33 min of activity after 17:00 rate: 0.46");
  });

  it("range picker marks the current range for assistive tech", () => {
    const html = renderToStaticMarkup(<RangePicker current={30} basePath="/intelligence/timeline" />);
    expect(html.match(/aria-current="page"/g)).toHaveLength(1);
    expect(html).toMatch(/aria-current="page"[^>]*href="\/intelligence\/timeline\?days=30"/);
    expect(html.match(/href="\/intelligence\/timeline\?days=\d+"/g)).toHaveLength(4);
  });
});
