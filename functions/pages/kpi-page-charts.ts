import type { KpiReport, TargetCheck } from '../domain/kpi/kpi-report.js';
import { escapeHtml } from '../email/render.js';
import { hoursOf, percentOf, type Formats } from './kpi-page-format.js';
import type { KpiPageWords } from './kpi-page-words.js';

interface ChartSeries {
  label: string;
  color: string;
  values: (number | null)[];
}
export interface Chart {
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

export const chartsOf = (report: KpiReport, words: KpiPageWords, formats: Formats): Chart[] => {
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

export const figureOf = (chart: Chart, words: KpiPageWords): string =>
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
