import type { ReportData } from "@/lib/reports";
import {
  describeMet,
  describeRangeBands,
  describeTarget,
  formatDateTime,
  formatGlucoseWithUnit,
  formatNumber,
  formatPercent,
  formatPeriod,
  formatTarget,
  formatTargetValue,
  MISSING,
} from "@/lib/reports/report-format";

/**
 * The doctor's page as one HTML document, built from the same ReportData as the PDF. It is plain
 * server-built HTML (not a React page) because the route must set its own status (404/410/429) and
 * headers (noindex, no-store, no-referrer), which an App Router page cannot. Every value is escaped.
 */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

const STYLE = `
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#0f172a;background:#f8fafc;margin:0;line-height:1.5}
main{max-width:56rem;margin:0 auto;padding:2rem 1rem}
h1{font-size:1.6rem;margin:0 0 .25rem}h2{font-size:1.15rem;margin:2rem 0 .75rem}
.muted{color:#475569;font-size:.9rem}.card{background:#fff;border:1px solid #e2e8f0;border-radius:.75rem;padding:1rem 1.25rem;margin-top:1rem}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.4rem .5rem;border-bottom:1px solid #e2e8f0;font-size:.95rem}
.met{color:#166534;font-weight:600}.unmet{color:#b91c1c;font-weight:600}
.bar{display:flex;height:1.25rem;border-radius:.25rem;overflow:hidden;margin:.5rem 0}
.b-veryHigh{background:#f97316}.b-high{background:#fbbf24}.b-inRange{background:#22c55e}.b-low{background:#ef4444}.b-veryLow{background:#991b1b}
a.button{display:inline-block;background:#0f766e;color:#fff;padding:.5rem 1rem;border-radius:.5rem;text-decoration:none;font-weight:600}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(10rem,1fr));gap:.75rem}.stat b{display:block;font-size:1.3rem}
`;

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex, nofollow"><meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`;
}

/** The report page. `pdfHref` is the download link (relative, so the token is never logged elsewhere). */
export function renderSharedReportHtml(data: ReportData, pdfHref: string, expiresAt: Date): string {
  const unit = data.unit;
  const m = data.metrics;
  const parts: string[] = [];
  parts.push(`<h1>Glucose report: ${escapeHtml(data.patient.name)}</h1>
<p class="muted">${escapeHtml(formatPeriod(data.period))} · times in ${escapeHtml(data.timezone)} · generated ${escapeHtml(formatDateTime(data.generatedAt, data.timezone))}</p>
<p class="muted">Shared by the patient through Proxima. This link stops working on ${escapeHtml(expiresAt.toISOString().slice(0, 10))} or when the patient revokes it.</p>
<p><a class="button" href="${escapeHtml(pdfHref)}" download>Download PDF</a></p>`);

  if (!m) {
    parts.push(`<div class="card"><p>There are fewer than 2 glucose readings in this period, so no glucose metrics can be computed.</p></div>`);
  } else {
    parts.push(`<h2>Glucose metrics</h2><div class="card grid">
${stat("Mean glucose", formatGlucoseWithUnit(m.mean, unit))}${stat("GMI", formatPercent(m.gmi))}${stat("Coefficient of variation", formatPercent(m.cv))}
${stat("Time in range", formatPercent(m.ranges.inRange))}${stat("CGM active", formatPercent(m.activePercent))}${stat("Readings", String(m.readings))}
${stat("GRI", `${formatNumber(m.gri)} (zone ${m.griZone})`)}${stat("MAGE", m.mage === null ? MISSING : formatGlucoseWithUnit(m.mage, unit))}</div>`);

    const bands = describeRangeBands(unit);
    const bar = bands.map((b) => `<span class="b-${b.key}" style="width:${m.ranges[b.key].toFixed(2)}%" title="${escapeHtml(b.label)}"></span>`).join("");
    const rows = bands.map((b) => `<tr><td>${escapeHtml(b.label)}</td><td>${escapeHtml(b.limits)}</td><td>${escapeHtml(formatPercent(m.ranges[b.key]))}</td></tr>`).join("");
    parts.push(`<h2>Time in ranges</h2><div class="card"><div class="bar" aria-hidden="true">${bar}</div>
<table><thead><tr><th>Range</th><th>Glucose</th><th>Time</th></tr></thead><tbody>${rows}</tbody></table></div>`);

    const targets = m.targets
      .map((t) => {
        const cls = t.met === null ? "" : t.met ? "met" : "unmet";
        return `<tr><td>${escapeHtml(describeTarget(t.id, unit))}</td><td>${escapeHtml(formatTarget(t, true))}</td><td>${escapeHtml(formatTargetValue(t))}</td><td class="${cls}">${escapeHtml(describeMet(t.met))}</td></tr>`;
      })
      .join("");
    parts.push(`<h2>Consensus targets</h2><div class="card"><table><thead><tr><th>Metric</th><th>Target</th><th>Measured</th><th>Status</th></tr></thead><tbody>${targets}</tbody></table>
<p class="muted">Targets of the International Consensus on Time in Range (Battelino et al., 2019).</p></div>`);
  }

  if (data.stories.length > 0) {
    const stories = data.stories
      .map(
        (s) => `<div class="card"><p class="muted">Week of ${escapeHtml(s.weekOf)}</p><h3>${escapeHtml(s.title)}</h3>${paragraphs(s.narrative)}${
          s.personalNote ? `<p><strong>Patient's note:</strong> ${escapeHtml(s.personalNote)}</p>` : ""
        }</div>`,
      )
      .join("");
    parts.push(`<h2>Weekly stories</h2>${stories}`);
  }

  if (data.insights.length > 0) {
    const items = data.insights.map((i) => `<li><strong>${escapeHtml(i.title)}</strong> (${escapeHtml(i.type)}, confidence ${i.confidence}%): ${escapeHtml(i.description)}</li>`).join("");
    parts.push(`<h2>Insights</h2><div class="card"><ul>${items}</ul></div>`);
  }
  if (data.predictions.length > 0) {
    const items = data.predictions
      .map((p) => `<li><strong>${escapeHtml(p.event)}</strong>: ${p.probability}% ${escapeHtml(p.timeframe)}${p.sampleSize !== null ? ` (from ${p.sampleSize} days of history)` : ""}${p.reasoning ? `. ${escapeHtml(p.reasoning)}` : ""}</li>`)
      .join("");
    parts.push(`<h2>Outlook</h2><div class="card"><ul>${items}</ul><p class="muted">Probabilities are smoothed frequencies from the patient's own history.</p></div>`);
  }
  if (data.notablePatterns.length > 0) {
    parts.push(`<h2>Notable patterns</h2><div class="card"><ul>${data.notablePatterns.map((p) => `<li>${escapeHtml(p)}</li>`).join("")}</ul></div>`);
  }
  return page(`Glucose report: ${data.patient.name}`, parts.join("\n"));
}

function stat(label: string, value: string): string {
  return `<div class="stat"><span class="muted">${escapeHtml(label)}</span><b>${escapeHtml(value)}</b></div>`;
}

function paragraphs(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter((p) => p !== "")
    .map((p) => `<p>${escapeHtml(p)}</p>`)
    .join("");
}

export type ShareProblem = "not_found" | "gone" | "rate_limited" | "error";

const PROBLEMS: Record<ShareProblem, { status: number; title: string; text: string }> = {
  not_found: { status: 404, title: "Report not found", text: "This link does not lead to a report. Check that it was copied completely, or ask the patient for a new link." },
  gone: { status: 410, title: "This link has expired or was revoked", text: "The patient's share link is no longer active: it expired or the patient revoked it. Ask the patient for a new link if you still need the report." },
  rate_limited: { status: 429, title: "Too many attempts", text: "Too many report links were tried from this network. Please wait a few minutes and try again." },
  error: { status: 500, title: "The report could not be shown", text: "Something went wrong on our side. Please try again in a moment." },
};

export function describeProblem(problem: ShareProblem): { status: number; html: string } {
  const p = PROBLEMS[problem];
  return { status: p.status, html: page(p.title, `<h1>${escapeHtml(p.title)}</h1><p>${escapeHtml(p.text)}</p>`) };
}
