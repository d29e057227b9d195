import type { Locale } from '../../../domain/case-vocabulary.js';
import { REPORT_PERIODS } from '../../../domain/kpi/kpi-report.js';
import { escapeHtml } from '../../../email/render.js';
import { ADMIN_WORDS } from '../admin/admin-words.js';

/** The range a report page shows, as the report computed it (its own defaults filled in). */
export interface ShownRange {
  from: string;
  to: string;
  period?: (typeof REPORT_PERIODS)[number];
}

const query = (range: ShownRange, extra: Record<string, string> = {}): string =>
  new URLSearchParams({
    from: range.from,
    to: range.to,
    ...(range.period ? { period: range.period } : {}),
    ...extra,
  }).toString();

/**
 * The console's report toolbar: back to the console, the range form (a GET: it works without JavaScript and the URL
 * can be shared), the CSV downloads of that range (same session, no token) and the other report.
 */
export const reportToolbar = (locale: Locale, current: 'kpis' | 'csat', range: ShownRange): string => {
  const words = ADMIN_WORDS[locale].reports;
  const action = current === 'kpis' ? '/console/reports' : '/console/reports/csat';
  const periodSelect =
    current === 'kpis'
      ? `<div><label for="r-period">${escapeHtml(words.period)}</label><select id="r-period" name="period">` +
        REPORT_PERIODS.map(
          (period) =>
            `<option value="${period}"${period === range.period ? ' selected' : ''}>${escapeHtml(words.periods[period])}</option>`,
        ).join('') +
        `</select></div>`
      : '';
  const link = (href: string, text: string, download = false) =>
    `<a href="${escapeHtml(href)}"${download ? ' download' : ''}>${escapeHtml(text)}</a>`;
  return (
    `<nav class="toolbar" aria-label="${escapeHtml(words.range)}">` +
    link('/console', words.back) +
    `<form method="get" action="${action}">` +
    `<div><label for="r-from">${escapeHtml(words.from)}</label><input id="r-from" name="from" type="date" value="${escapeHtml(range.from)}"></div>` +
    `<div><label for="r-to">${escapeHtml(words.to)}</label><input id="r-to" name="to" type="date" value="${escapeHtml(range.to)}"></div>` +
    periodSelect +
    `<button type="submit">${escapeHtml(words.show)}</button></form>` +
    (current === 'kpis'
      ? link(`/console/reports?${query(range, { format: 'csv' })}`, words.kpiCsv, true) +
        link(`/console/reports/csat?${query({ from: range.from, to: range.to })}`, words.csat)
      : link(`/console/reports?${query({ from: range.from, to: range.to })}`, words.kpis)) +
    link(`/console/reports/cases.csv?${query({ from: range.from, to: range.to })}`, words.casesCsv, true) +
    `</nav>`
  );
};
