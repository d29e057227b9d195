import { createHash } from 'node:crypto';
import { SURVEY_DIMENSIONS } from '../domain/aftercare/survey.js';
import { CASE_TYPES, CHANNELS, ROOT_CAUSES, type Locale } from '../domain/case.js';
import type { KpiPeriodFigures, KpiReport, TargetCheck } from '../domain/kpi/kpi-report.js';
import { escapeHtml } from '../email/render.js';
import { UPLOT_SCRIPT, UPLOT_STYLESHEET } from './chart-library.js';
import { KPI_CHART_SCRIPT } from './kpi-chart-script.js';
import { KPI_PAGE_WORDS, type KpiPageWords } from './kpi-page-words.js';

export interface KpiPageOptions {
  locale: Locale;
  /** The store's display name; the report's storeId when absent. */
  storeName?: string;
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

interface Formats {
  count: (value: number) => string;
  hours: (value: number | null) => string;
  percent: (value: number | null) => string;
  rating: (value: number | null) => string;
  /** A target as people say it: "4 h", "4.5 h". */
  targetHours: (value: number) => string;
}

const formatsFor = (locale: Locale, words: KpiPageWords): Formats => {
  const count = new Intl.NumberFormat(locale);
  const oneDecimal = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const upToOneDecimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  return {
    count: (value) => count.format(value),
    hours: (value) => (value === null ? words.noData : `${oneDecimal.format(value)} ${words.hoursUnit}`),
    percent: (value) => (value === null ? words.noData : percent.format(value)),
    rating: (value) => (value === null ? words.noData : oneDecimal.format(value)),
    targetHours: (value) => `${upToOneDecimal.format(value)} ${words.hoursUnit}`,
  };
};

const hoursOf = (minutes: number | null): number | null => (minutes === null ? null : minutes / 60);
const percentOf = (rate: number | null): number | null => (rate === null ? null : rate * 100);

const verdictWord = (words: KpiPageWords, check: TargetCheck): string =>
  check.met === null ? words.noData : check.met ? words.met : words.missed;

/** Met/missed in words, with a sign; the colour only repeats it. */
const verdictCell = (words: KpiPageWords, check: TargetCheck): string => {
  if (check.met === null) return `<td class="none">${escapeHtml(words.noData)}</td>`;
  return check.met
    ? `<td class="met">✓ ${escapeHtml(words.met)}</td>`
    : `<td class="missed">✗ ${escapeHtml(words.missed)}</td>`;
};

const cell = (text: string): string => `<td>${escapeHtml(text)}</td>`;

interface ChartSeries {
  label: string;
  color: string;
  values: (number | null)[];
}
interface Chart {
  id: string;
  title: string;
  unit: 'hours' | 'percent';
  yMax: number;
  target: number | null;
  targetText: string | null;
  series: ChartSeries[];
  /** The text alternative: every value, and how often the target was met. */
  summary: string;
}

const SERIES_COLORS = ['#1d4ed8', '#c2410c'] as const;

const chartsOf = (report: KpiReport, words: KpiPageWords, formats: Formats): Chart[] => {
  const periods = report.periods;
  const { targets } = report;
  const valuesText = (values: (number | null)[], format: (value: number | null) => string): string =>
    periods
      .map((period, index) => words.periodValue(period.label, format(values[index] ?? null)))
      .join(words.listSeparator);
  const verdict = (checks: TargetCheck[]): string => {
    const judged = checks.filter((check) => check.met !== null);
    return words.metCount(judged.filter((check) => check.met).length, judged.length);
  };

  const firstResponseHours = periods.map((period) => hoursOf(period.firstResponse.avgMinutes));
  const targetHours = targets.firstResponseMaxMinutes / 60;
  const highestHours = Math.max(targetHours, ...firstResponseHours.map((value) => value ?? 0));
  const resolutionRates = periods.map((period) => percentOf(period.resolution.resolutionRate));
  const satisfiedRates = periods.map((period) => percentOf(period.csat.satisfiedRate));
  const firstResponseSla = periods.map((period) => percentOf(period.firstResponse.withinSlaRate));
  const resolutionSla = periods.map((period) => percentOf(period.resolution.withinSlaRate));
  const hoursText = (value: number | null) => formats.hours(value);
  const percentText = (value: number | null) => formats.percent(value === null ? null : value / 100);

  const firstResponse: Chart = {
    id: 'chart-first-response',
    title: words.charts.firstResponse.title,
    unit: 'hours',
    // Room above the target line and the highest point; whole hours.
    yMax: Math.ceil(highestHours * 1.15),
    target: targetHours,
    targetText: words.charts.firstResponse.target(formats.targetHours(targetHours)),
    series: [{ label: words.charts.firstResponse.series, color: SERIES_COLORS[0], values: firstResponseHours }],
    summary: words.chartSummary(
      words.charts.firstResponse.title,
      words.charts.firstResponse.target(formats.targetHours(targetHours)),
      valuesText(firstResponseHours, hoursText),
      verdict(periods.map((period) => period.firstResponse.target)),
    ),
  };
  const rateChart = (
    id: string,
    chartWords: { title: string; series: string; target: (percent: string) => string },
    values: (number | null)[],
    target: number,
    checks: TargetCheck[],
  ): Chart => ({
    id,
    title: chartWords.title,
    unit: 'percent',
    yMax: 100,
    target: target * 100,
    targetText: chartWords.target(formats.percent(target)),
    series: [{ label: chartWords.series, color: SERIES_COLORS[0], values }],
    summary: words.chartSummary(
      chartWords.title,
      chartWords.target(formats.percent(target)),
      valuesText(values, percentText),
      verdict(checks),
    ),
  });
  const sla: Chart = {
    id: 'chart-sla',
    title: words.charts.sla.title,
    unit: 'percent',
    yMax: 100,
    target: null,
    targetText: null,
    series: [
      { label: words.charts.sla.firstResponse, color: SERIES_COLORS[0], values: firstResponseSla },
      { label: words.charts.sla.resolution, color: SERIES_COLORS[1], values: resolutionSla },
    ],
    summary: words.chartSummary(
      words.charts.sla.title,
      null,
      [
        words.seriesValues(words.charts.sla.firstResponse, valuesText(firstResponseSla, percentText)),
        words.seriesValues(words.charts.sla.resolution, valuesText(resolutionSla, percentText)),
      ].join('; '),
      '',
    ),
  };
  return [
    firstResponse,
    rateChart(
      'chart-resolution',
      words.charts.resolution,
      resolutionRates,
      targets.resolutionRateMin,
      periods.map((period) => period.resolution.target),
    ),
    rateChart(
      'chart-csat',
      words.charts.csat,
      satisfiedRates,
      targets.csatMin,
      periods.map((period) => period.csat.target),
    ),
    sla,
  ];
};

const figureOf = (chart: Chart, words: KpiPageWords): string =>
  `<figure aria-labelledby="${chart.id}-title">` +
  `<figcaption id="${chart.id}-title">${escapeHtml(chart.title)}</figcaption>` +
  `<ul class="legend" aria-label="${escapeHtml(words.legend)}">` +
  chart.series
    .map(
      (series, index) =>
        `<li><span class="swatch${index === 1 ? ' c2' : ''}" aria-hidden="true"></span>${escapeHtml(series.label)}</li>`,
    )
    .join('') +
  (chart.targetText
    ? `<li><span class="swatch target" aria-hidden="true"></span>${escapeHtml(chart.targetText)}</li>`
    : '') +
  `</ul>` +
  `<div class="chart" id="${chart.id}" role="img" aria-label="${escapeHtml(chart.summary)}"></div>` +
  `</figure>`;

const scrollTable = (id: string, heading: string, table: string): string =>
  `<h2 id="${id}">${escapeHtml(heading)}</h2>` +
  `<div class="scroll" role="region" aria-labelledby="${id}" tabindex="0">${table}</div>`;

const headerRow = (headers: string[]): string =>
  `<thead><tr>${headers.map((header) => `<th scope="col">${escapeHtml(header)}</th>`).join('')}</tr></thead>`;

const figuresTable = (periods: KpiPeriodFigures[], words: KpiPageWords, formats: Formats): string => {
  const c = words.columns;
  const rows = periods.map((p) => {
    const sent = p.csat.surveysSent;
    return (
      `<tr><th scope="row">${escapeHtml(p.label)}<span class="dates">${escapeHtml(`${p.start} – ${p.end}`)}</span></th>` +
      cell(formats.count(p.casesReceived)) +
      cell(formats.count(p.casesResolved)) +
      cell(formats.hours(hoursOf(p.firstResponse.avgMinutes))) +
      cell(formats.hours(hoursOf(p.firstResponse.avgCalendarMinutes))) +
      cell(formats.percent(p.firstResponse.withinSlaRate)) +
      verdictCell(words, p.firstResponse.target) +
      cell(
        `${formats.percent(p.resolution.resolutionRate)} (${words.ofCases(p.resolution.cohortResolved, p.resolution.cohortCases)})`,
      ) +
      cell(formats.percent(p.resolution.withinSlaRate)) +
      verdictCell(words, p.resolution.target) +
      cell(words.averageMedian(formats.hours(p.resolution.avgHours), formats.hours(p.resolution.medianHours))) +
      cell(formats.percent(p.csat.satisfiedRate)) +
      cell(`${words.ofCases(p.csat.responses, sent)} (${formats.percent(p.csat.responseRate)})`) +
      verdictCell(words, p.csat.target) +
      `</tr>`
    );
  });
  return (
    `<table><caption>${escapeHtml(words.figuresCaption)}</caption>` +
    headerRow([
      c.period,
      c.received,
      c.resolved,
      c.firstResponseAvg,
      c.firstResponseCalendar,
      c.firstResponseWithinSla,
      c.firstResponseTarget,
      c.resolutionRate,
      c.resolutionWithinSla,
      c.resolutionTarget,
      c.resolutionTimes,
      c.csat,
      c.csatResponses,
      c.csatTarget,
    ]) +
    `<tbody>${rows.join('')}</tbody></table>`
  );
};

const detailsTable = (periods: KpiPeriodFigures[], words: KpiPageWords, formats: Formats): string => {
  const c = words.columns;
  const rows = periods.map(
    (p) =>
      `<tr><th scope="row">${escapeHtml(p.label)}</th>` +
      cell(
        `${formats.count(p.escalations)} (${words.levels(p.escalationsByLevel['1'], p.escalationsByLevel['2'], p.escalationsByLevel['3'])})`,
      ) +
      cell(words.breachesOf(p.breaches.firstResponse, p.breaches.resolution)) +
      cell(
        `${formats.percent(p.reopens.reopenRate)} (${words.ofCases(p.reopens.reopenedWithin7Days, p.reopens.resolutions)})`,
      ) +
      cell(
        `${formats.percent(p.revisits.recurredRate)} (${words.ofCases(p.revisits.recurred, p.revisits.completed)})`,
      ) +
      SURVEY_DIMENSIONS.map((dimension) => cell(formats.rating(p.csat.dimensions[dimension]))).join('') +
      `</tr>`,
  );
  return (
    `<table>` +
    headerRow([
      c.period,
      c.escalations,
      c.breaches,
      c.reopens,
      c.revisits,
      ...SURVEY_DIMENSIONS.map((dimension) => c.rating(words.dimensions[dimension])),
    ]) +
    `<tbody>${rows.join('')}</tbody></table>`
  );
};

/** Rows = type, channel or root cause (only those with a case in the range), columns = periods. */
const breakdownTable = (periods: KpiPeriodFigures[], words: KpiPageWords, formats: Formats): string => {
  const group = <K extends string>(
    title: string,
    keys: readonly K[],
    name: (key: K) => string,
    value: (period: KpiPeriodFigures, key: K) => number,
  ): string => {
    const present = keys.filter((key) => periods.some((period) => value(period, key) > 0));
    if (present.length === 0) return '';
    return (
      `<tbody><tr><th scope="rowgroup" colspan="${periods.length + 1}">${escapeHtml(title)}</th></tr>` +
      present
        .map(
          (key) =>
            `<tr><th scope="row">${escapeHtml(name(key))}</th>` +
            periods.map((period) => cell(formats.count(value(period, key)))).join('') +
            `</tr>`,
        )
        .join('') +
      `</tbody>`
    );
  };
  const rows = [
    group(
      words.breakdownRows.receivedType,
      CASE_TYPES,
      (type) => words.caseTypes[type],
      (p, type) => p.byType[type]?.received ?? 0,
    ),
    group(
      words.breakdownRows.resolvedType,
      CASE_TYPES,
      (type) => words.caseTypes[type],
      (p, type) => p.byType[type]?.resolved ?? 0,
    ),
    group(
      words.breakdownRows.channel,
      CHANNELS,
      (channel) => words.channels[channel],
      (p, channel) => p.byChannel[channel]?.received ?? 0,
    ),
    group(
      words.breakdownRows.rootCause,
      ROOT_CAUSES,
      (cause) => words.rootCauses[cause],
      (p, cause) => p.byRootCause[cause]?.resolved ?? 0,
    ),
  ].join('');
  if (rows === '') return '';
  return `<table>${headerRow([words.columns.period, ...periods.map((period) => period.label)])}${rows}</table>`;
};

const generatedAtText = (iso: string, locale: Locale, timezone: string): string => {
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: timezone }).format(
      new Date(iso),
    );
  } catch {
    return iso;
  }
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
  const periods = report.periods;
  const charts = periods.length > 0 ? chartsOf(report, words, formats) : [];
  const data = {
    labels: periods.map((period) => period.label),
    hoursUnit: words.hoursUnit,
    charts: charts.map(({ id, unit, yMax, target, series }) => ({ id, unit, yMax, target, series })),
  };
  const body =
    `<h1>${escapeHtml(words.title)}</h1>` +
    `<p>${escapeHtml(words.subtitle(store, words.periodNames[report.period], report.from, report.to, report.timezone))}</p>` +
    `<p class="small">${escapeHtml(words.generatedAt(generatedAtText(report.generatedAt, locale, report.timezone)))}</p>` +
    (periods.length === 0
      ? `<p>${escapeHtml(words.noPeriods)}</p>`
      : `<div class="charts">${charts.map((chart) => figureOf(chart, words)).join('')}</div>` +
        scrollTable('figures', words.figuresHeading, figuresTable(periods, words, formats)) +
        scrollTable('details', words.detailsHeading, detailsTable(periods, words, formats)) +
        (() => {
          const breakdown = breakdownTable(periods, words, formats);
          return breakdown === '' ? '' : scrollTable('breakdown', words.breakdownHeading, breakdown);
        })() +
        `<script type="application/json" id="kpi-data">${scriptJson(data)}</script>` +
        `<script>${UPLOT_SCRIPT}</script><script>${KPI_CHART_SCRIPT}</script>`);
  const html =
    `<!DOCTYPE html><html lang="${locale}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width,initial-scale=1">` +
    `<meta name="robots" content="noindex"><title>${escapeHtml(`${words.title} · ${store}`)}</title>` +
    `<style>${STYLESHEET}</style></head><body><main>${body}</main></body></html>`;
  return { html, csp: KPI_PAGE_CSP };
};
