import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { computeAgp } from "@/lib/analytics/glucose/agp";
import { toSeriesFromArrays } from "@/lib/analytics/glucose/series";
import { AgpChart } from "./agp-chart";
import { describeAgp } from "./agp-data";
import { NBSP } from "./chart-format";
import { GlucoseTraceChart } from "./glucose-trace-chart";
import { ZOOM_KEYS_HELP } from "./zoom";
import { generateSyntheticGlucose } from "./testing/synthetic-glucose";

// The uPlot charts are client components, but Next renders them on the server first: this is that
// first HTML (effects do not run, so no canvas), which must already carry the accessible summary.
const T0 = Date.UTC(2024, 2, 4);
const nb = (s: string) => s.replace(/ (%|mg\/dL|mmol\/L)/g, `${NBSP}$1`);
const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

describe("<GlucoseTraceChart> server HTML", () => {
  const values = [60, 65, 70, 100, 120, 140, 160, 180, 200, 250];
  const times = values.map((_, i) => T0 + i * 300_000);

  it("is a focusable role=img with the spoken summary, zoom help and a hidden data table", () => {
    const html = renderToStaticMarkup(
      <GlucoseTraceChart
        times={times}
        values={values}
        title="Glucose over the last hour"
        events={[{ time: T0 + 600_000, kind: "meal", label: "Breakfast" }]}
      />,
    );
    const label = nb(
      "Glucose over the last hour: mean 135 mg/dL, 60 % in range 70–180 mg/dL, 20 % below, 20 % above; 10 readings from Mon 4 Mar 00:00 to Mon 4 Mar 00:45 (UTC); 1 meal marked.",
    );
    expect(html).toContain(`role="img" aria-label="${label}"`);
    expect(html).toContain('tabindex="0"');
    expect(html).toContain(`<p id="${/aria-describedby="([^"]+)"/.exec(html)?.[1]}" class="sr-only">${ZOOM_KEYS_HELP}</p>`);
    expect(html).toContain(`<th scope="row">Mean</th><td>${nb("135 mg/dL")}</td>`);
    expect(html).toContain(`<th scope="row">Below range</th><td>${nb("20 %")}</td>`);
    expect(html).toContain("<li>Meal: Breakfast, Mon 4 Mar 00:10</li>");
    expect(html).toContain("min-height:260px");
    expect(html).not.toContain("NaN");
  });

  it("is not focusable when zoom is off, and speaks mmol/L in the person's zone", () => {
    const html = renderToStaticMarkup(<GlucoseTraceChart times={times} values={values} unit="mmol/L" timezone="Asia/Tokyo" zoomable={false} />);
    expect(html).not.toContain("tabindex");
    expect(html).not.toContain("Drag across");
    expect(html).toContain(nb("mean 7.5 mmol/L, 60 % in range 3.9–10.0 mmol/L"));
    expect(html).toContain("from Mon 4 Mar 09:00 to Mon 4 Mar 09:45 (Asia/Tokyo).");
  });

  it("shows a sentence instead of an empty chart without readings", () => {
    const html = renderToStaticMarkup(<GlucoseTraceChart times={[]} values={[]} title="Glucose over the last 24 hours" />);
    expect(html).toContain("Glucose over the last 24 hours: no readings in this period.");
    expect(html).not.toContain('role="img"');
  });
});

describe("<AgpChart> server HTML", () => {
  const { times, values } = generateSyntheticGlucose({ days: 14, startMs: T0, seed: 21 });
  const agp = computeAgp(toSeriesFromArrays(times, values));

  it("is a role=img with the AGP summary, the band key and a percentile table every 2 hours", () => {
    const html = renderToStaticMarkup(<AgpChart agp={agp} />);
    expect(html).toContain(`role="img" aria-label="${escape(describeAgp(agp, "mg/dL"))}"`);
    expect(describeAgp(agp, "mg/dL")).toMatch(/^Ambulatory glucose profile of 14 days \(4,032 readings\): the median is lowest at \d\d:\d\d/);
    expect(html).not.toContain("tabindex");
    for (const key of ["Median", "25–75 %", "5–95 %", "Target 70–180 mg/dL"]) expect(html).toContain(nb(key));
    expect(html.match(/<th scope="row">\d\d:00<\/th>/g)).toHaveLength(12);
    expect(html).toContain("Glucose percentiles by time of day (mg/dL), 14 days");
  });

  it("shows a sentence when the AGP has no data", () => {
    const empty = { ...agp, readings: 0, daysWithData: 0, smoothed: { p5: [null], p25: [null], p50: [null], p75: [null], p95: [null] } };
    const html = renderToStaticMarkup(<AgpChart agp={empty} />);
    expect(html).toContain("Ambulatory glucose profile: no readings, so there is no profile to show.");
    expect(html).not.toContain('role="img"');
  });
});
