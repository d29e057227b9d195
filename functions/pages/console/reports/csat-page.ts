import type { Locale } from '../../../domain/case-vocabulary.js';
import { escapeHtml } from '../../../email/render.js';
import type { CsatFigures, CsatReport } from '../../../use-cases/reports/csat-report.js';
import { ADMIN_WORDS } from '../admin/admin-words.js';
import { reportToolbar } from './report-toolbar.js';

/** The console's CSAT report (`/console/reports/csat`): the figures by group, then the answers with their comments. */
const share = (locale: Locale, value: number | null): string =>
  value === null ? '—' : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value);
const average = (locale: Locale, value: number | null): string =>
  value === null ? '—' : new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);

const figuresTable = (
  locale: Locale,
  caption: string,
  rows: ReadonlyArray<{ label: string; figures: CsatFigures }>,
): string => {
  const columns = ADMIN_WORDS[locale].reports.columns;
  const cell = (label: string, text: string) => `<td data-label="${escapeHtml(label)}">${escapeHtml(text)}</td>`;
  return (
    `<table><caption>${escapeHtml(caption)}</caption><thead><tr>` +
    [columns.group, columns.sent, columns.responses, columns.avgOverall, columns.satisfiedRate]
      .map((label) => `<th scope="col">${escapeHtml(label)}</th>`)
      .join('') +
    `</tr></thead><tbody>` +
    rows
      .map(
        ({ label, figures }) =>
          `<tr><th scope="row">${escapeHtml(label)}</th>` +
          cell(columns.sent, String(figures.surveysSent)) +
          cell(columns.responses, String(figures.responses)) +
          cell(columns.avgOverall, average(locale, figures.avgOverall)) +
          cell(columns.satisfiedRate, share(locale, figures.satisfiedRate)) +
          `</tr>`,
      )
      .join('') +
    `</tbody></table>`
  );
};

export const csatPageBody = (
  locale: Locale,
  report: CsatReport,
  names: { type: (type: string) => string },
  nextHref: string | undefined,
): string => {
  const words = ADMIN_WORDS[locale].reports;
  const answerColumns = words.answerColumns;
  const answers =
    report.answers.length === 0
      ? `<p>${escapeHtml(words.noAnswers)}</p>`
      : `<table><caption>${escapeHtml(words.answers)}</caption><thead><tr>` +
        [answerColumns.answeredAt, answerColumns.overall, answerColumns.comment]
          .map((label) => `<th scope="col">${escapeHtml(label)}</th>`)
          .join('') +
        `</tr></thead><tbody>` +
        report.answers
          .map(
            (answer) =>
              `<tr><td data-label="${escapeHtml(answerColumns.answeredAt)}">${escapeHtml(String(answer.answeredAt ?? ''))}</td>` +
              `<td data-label="${escapeHtml(answerColumns.overall)}">${escapeHtml(String(answer.overall ?? ''))}</td>` +
              `<td data-label="${escapeHtml(answerColumns.comment)}">${escapeHtml(String(answer.comment ?? ''))}</td></tr>`,
          )
          .join('') +
        `</tbody></table>`;
  return (
    `<h1>${escapeHtml(words.csatTitle)}</h1><p class="muted">${escapeHtml(words.csatIntro(report.from, report.to))}</p>` +
    reportToolbar(locale, 'csat', report) +
    figuresTable(locale, words.groups.overall, [{ label: words.groups.overall, figures: report.overall }]) +
    figuresTable(
      locale,
      words.groups.agent,
      report.byAgent.map(({ agentId, ...figures }) => ({ label: agentId, figures })),
    ) +
    figuresTable(
      locale,
      words.groups.type,
      report.byType.map(({ type, ...figures }) => ({ label: names.type(type), figures })),
    ) +
    figuresTable(
      locale,
      words.groups.rootCause,
      report.byRootCause.map(({ rootCause, ...figures }) => ({ label: rootCause, figures })),
    ) +
    `<h2>${escapeHtml(words.answers)}</h2>` +
    answers +
    (nextHref ? `<p><a href="${escapeHtml(nextHref)}">${escapeHtml(words.more)}</a></p>` : '')
  );
};
