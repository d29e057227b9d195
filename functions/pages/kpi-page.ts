import { createHash } from 'node:crypto';
import type { Locale } from '../domain/case.js';
import type { KpiReport } from '../domain/kpi/kpi-report.js';
import { escapeHtml } from '../email/render.js';
import { UPLOT_SCRIPT, UPLOT_STYLESHEET } from './chart-library.js';
import { KPI_CHART_SCRIPT } from './kpi-chart-script.js';
import { chartsOf, figureOf } from './kpi-page-charts.js';
import { formatsFor, type Formats } from './kpi-page-format.js';
import { breakdownTable, detailsTable, figuresTable, scrollTable } from './kpi-page-tables.js';
import { KPI_PAGE_WORDS, type KpiPageWords } from './kpi-page-words.js';

export interface KpiPageOptions {
  locale: Locale;
  /** The store's display name; the report's storeId when absent. */
  storeName?: string;
  /** HTML shown under the heading (the console's: back to the console, period form, CSV links); trusted markup. */
  toolbar?: string;
}

/**
 * The page's stylesheet: uPlot's own, then ours (mobile-first: charts one per row on a phone, two side by side from
 * 54rem; tables scroll sideways inside a focusable region). Text #1f2933 on white (13:1); met/missed are words, the
 * colours only repeat them.
 */
const STYLESHEET = `${UPLOT_STYLESHEET}
*{box-sizing:border-box}
body{margin:0;background:#f4f5f7;color:#1f2933;font:16px/1.5 -apple-system,"Segoe UI","PingFang SC","Noto Sans CJK SC","Microsoft YaHei",Helvetica,Arial,sans-serif}
main{max-width:90rem;margin:0 auto;padding:1.25rem 1rem 2.5rem;background:#fff;min-height:100vh}
h1{font-size:1.5rem;line-height:1.3;margin:0 0 .25rem}
h2{font-size:1.15rem;margin:2rem 0 .5rem}
p{margin:0 0 1rem}
.small{color:#52606d;font-size:.875rem}
.charts{display:grid;gap:1.5rem 2rem;grid-template-columns:minmax(0,1fr);margin:1.25rem 0 0}
@media (min-width:54rem){.charts{grid-template-columns:repeat(2,minmax(0,1fr))}}
figure{margin:0;min-width:0}
figcaption{font-weight:600;margin:0 0 .25rem}
.legend{display:flex;flex-wrap:wrap;gap:.25rem 1rem;margin:0 0 .5rem;padding:0;list-style:none;font-size:.875rem;color:#3e4c59}
.swatch{display:inline-block;width:1.5rem;height:0;border-top:3px solid #1d4ed8;vertical-align:middle;margin-right:.4rem}
.swatch.c2{border-top-color:#c2410c}
.swatch.target{border-top:3px dashed #52606d}
.chart{min-height:220px;width:100%}
.scroll{overflow-x:auto;margin:0 0 1rem}
.scroll:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}
table{border-collapse:collapse;font-size:.8125rem;font-variant-numeric:tabular-nums}
caption{text-align:left;color:#52606d;padding:0 0 .5rem}
th,td{padding:.4rem .5rem;border-bottom:1px solid #e4e7eb;text-align:right;vertical-align:top;white-space:nowrap}
thead th{border-bottom:2px solid #9aa5b1;white-space:normal;min-width:5rem;vertical-align:bottom}
th[scope=row],thead th:first-child{text-align:left}
th[scope=rowgroup]{text-align:left;background:#f4f5f7}
.dates{display:block;font-weight:400;color:#52606d}
.met{color:#166534}
.missed{color:#b91c1c;font-weight:600}
.none{color:#52606d}
.toolbar{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:flex-end;margin:0 0 1rem}
.toolbar label{display:block;font-size:.875rem;font-weight:600}
.toolbar input,.toolbar select,.toolbar button{font:inherit;padding:.4rem .5rem;border:2px solid #9aa5b1;border-radius:.375rem;background:#fff;color:inherit;min-height:2.75rem}
.toolbar button{background:#1d4ed8;border-color:#1d4ed8;color:#fff;font-weight:600}
.toolbar form{display:flex;flex-wrap:wrap;gap:.5rem;align-items:flex-end;margin:0}
a{color:#1d4ed8}
a:focus-visible,.toolbar input:focus-visible,.toolbar select:focus-visible,.toolbar button:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}
`;

const hash = (text: string): string => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

for (const [name, text, closing] of [
  ['uPlot', UPLOT_SCRIPT, '</script'],
  ['uPlot stylesheet', STYLESHEET, '</style'],
] as const) {
  // Inlined as is: a closing tag inside would end the element early.
  if (text.toLowerCase().includes(closing)) throw new Error(`${name} holds ${closing}: it cannot be inlined`);
}

/** Nothing but uPlot, our chart script and the stylesheet, each by its hash; no request leaves the page. */
export const KPI_PAGE_CSP = [
  "default-src 'none'",
  `script-src ${hash(UPLOT_SCRIPT)} ${hash(KPI_CHART_SCRIPT)}`,
  `style-src ${hash(STYLESHEET)}`,
  "img-src 'none'",
  "form-action 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** JSON inside a `<script>` element: `<`, `>`, `&` and the JavaScript line separators escaped, so no text ends it. */
const scriptJson = (value: unknown): string =>
  JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );

const generatedAtText = (iso: string, locale: Locale, timezone: string): string => {
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: timezone }).format(
      new Date(iso),
    );
  } catch {
    return iso;
  }
};

/** The charts, the tables under them (the breakdown only when the range had a case), then the data and the scripts. */
const reportSections = (report: KpiReport, words: KpiPageWords, formats: Formats): string => {
  const periods = report.periods;
  const charts = chartsOf(report, words, formats);
  const data = {
    labels: periods.map((period) => period.label),
    hoursUnit: words.hoursUnit,
    charts: charts.map(({ id, unit, yMax, target, series }) => ({ id, unit, yMax, target, series })),
  };
  const breakdown = breakdownTable(periods, words, formats);
  return (
    `<div class="charts">${charts.map((chart) => figureOf(chart, words)).join('')}</div>` +
    scrollTable('figures', words.figuresHeading, figuresTable(periods, words, formats)) +
    scrollTable('details', words.detailsHeading, detailsTable(periods, words, formats)) +
    (breakdown === '' ? '' : scrollTable('breakdown', words.breakdownHeading, breakdown)) +
    `<script type="application/json" id="kpi-data">${scriptJson(data)}</script>` +
    `<script>${UPLOT_SCRIPT}</script><script>${KPI_CHART_SCRIPT}</script>`
  );
};

/**
 * The KPI page for supervisors: four trend charts (first-response time vs its target, resolution rate, CSAT, SLA
 * compliance) drawn by uPlot from the JSON in `#kpi-data`, and under them the tables that carry every figure, with
 * met/missed in words. A chart's text alternative lists its values; a null figure is "no data" (a gap in the chart),
 * never 0. Serve `html` with `csp` as its Content-Security-Policy header.
 */
export const kpiPage = (report: KpiReport, options: KpiPageOptions): { html: string; csp: string } => {
  const { locale } = options;
  const words = KPI_PAGE_WORDS[locale];
  const formats = formatsFor(locale, words);
  const store = options.storeName ?? report.storeId;
  const body =
    `<h1>${escapeHtml(words.title)}</h1>` +
    `<p>${escapeHtml(words.subtitle(store, words.periodNames[report.period], report.from, report.to, report.timezone))}</p>` +
    `<p class="small">${escapeHtml(words.generatedAt(generatedAtText(report.generatedAt, locale, report.timezone)))}</p>` +
    (options.toolbar ?? '') +
    (report.periods.length === 0 ? `<p>${escapeHtml(words.noPeriods)}</p>` : reportSections(report, words, formats));
  const html =
    `<!DOCTYPE html><html lang="${locale}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width,initial-scale=1">` +
    `<meta name="robots" content="noindex"><title>${escapeHtml(`${words.title} · ${store}`)}</title>` +
    `<style>${STYLESHEET}</style></head><body><main>${body}</main></body></html>`;
  return { html, csp: KPI_PAGE_CSP };
};
