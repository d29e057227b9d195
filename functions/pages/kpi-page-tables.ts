import { SURVEY_DIMENSIONS } from '../domain/aftercare/survey.js';
import { CASE_TYPES, CHANNELS, ROOT_CAUSES } from '../domain/case.js';
import type { KpiPeriodFigures } from '../domain/kpi/kpi-report.js';
import { escapeHtml } from '../email/render.js';
import { cell, hoursOf, verdictCell, type Formats } from './kpi-page-format.js';
import type { KpiPageWords } from './kpi-page-words.js';

export const scrollTable = (id: string, heading: string, table: string): string =>
  `<h2 id="${id}">${escapeHtml(heading)}</h2>` +
  `<div class="scroll" role="region" aria-labelledby="${id}" tabindex="0">${table}</div>`;

const headerRow = (headers: string[]): string =>
  `<thead><tr>${headers.map((header) => `<th scope="col">${escapeHtml(header)}</th>`).join('')}</tr></thead>`;

export const figuresTable = (periods: KpiPeriodFigures[], words: KpiPageWords, formats: Formats): string => {
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

export const detailsTable = (periods: KpiPeriodFigures[], words: KpiPageWords, formats: Formats): string => {
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
export const breakdownTable = (periods: KpiPeriodFigures[], words: KpiPageWords, formats: Formats): string => {
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
  return `<table>${headerRow([words.columns.breakdown, ...periods.map((period) => period.label)])}${rows}</table>`;
};
