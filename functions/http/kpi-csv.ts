import { CASE_TYPES, CHANNELS, ROOT_CAUSES } from '../domain/case.js';
import { SURVEY_DIMENSIONS } from '../domain/aftercare/survey.js';
import type { KpiPeriodFigures, KpiReport } from '../domain/kpi/kpi-report.js';
import { csvLine } from './csv.js';

type Cell = string | number | boolean | null;

/**
 * The columns of the KPI CSV, in order: a stable header (a spreadsheet or a script reads columns by these names), every
 * number of a period. Breakdowns have one column per type, channel and root cause the service knows, whether or not the
 * period has any, so two exports always line up; a missing breakdown entry is 0 (no case), a null figure an empty cell.
 */
const COLUMNS: ReadonlyArray<readonly [name: string, cell: (figures: KpiPeriodFigures) => Cell]> = [
  ['period', (f) => f.period],
  ['label', (f) => f.label],
  ['start', (f) => f.start],
  ['end', (f) => f.end],
  ['casesReceived', (f) => f.casesReceived],
  ['casesResolved', (f) => f.casesResolved],
  ['firstResponseCount', (f) => f.firstResponse.count],
  ['firstResponseAvgMinutes', (f) => f.firstResponse.avgMinutes],
  ['firstResponseAvgCalendarMinutes', (f) => f.firstResponse.avgCalendarMinutes],
  ['firstResponseWithinSlaRate', (f) => f.firstResponse.withinSlaRate],
  ['firstResponseTargetMaxMinutes', (f) => f.firstResponse.target.target],
  ['firstResponseTargetMet', (f) => f.firstResponse.target.met],
  ['resolutionCohortCases', (f) => f.resolution.cohortCases],
  ['resolutionCohortResolved', (f) => f.resolution.cohortResolved],
  ['resolutionRate', (f) => f.resolution.resolutionRate],
  ['resolutionWithinSlaRate', (f) => f.resolution.withinSlaRate],
  ['resolutionAvgHours', (f) => f.resolution.avgHours],
  ['resolutionAvgCalendarHours', (f) => f.resolution.avgCalendarHours],
  ['resolutionMedianHours', (f) => f.resolution.medianHours],
  ['resolutionRateTargetMin', (f) => f.resolution.target.target],
  ['resolutionRateTargetMet', (f) => f.resolution.target.met],
  ['csatSurveysSent', (f) => f.csat.surveysSent],
  ['csatResponses', (f) => f.csat.responses],
  ['csatResponseRate', (f) => f.csat.responseRate],
  ['csatAvgOverall', (f) => f.csat.avgOverall],
  ['csatSatisfiedRate', (f) => f.csat.satisfiedRate],
  ['csatTargetMin', (f) => f.csat.target.target],
  ['csatTargetMet', (f) => f.csat.target.met],
  ...SURVEY_DIMENSIONS.map(
    (dimension) => [`csatAvg_${dimension}`, (f: KpiPeriodFigures) => f.csat.dimensions[dimension]] as const,
  ),
  ['escalations', (f) => f.escalations],
  ['escalationsLevel1', (f) => f.escalationsByLevel['1']],
  ['escalationsLevel2', (f) => f.escalationsByLevel['2']],
  ['escalationsLevel3', (f) => f.escalationsByLevel['3']],
  ['breachesFirstResponse', (f) => f.breaches.firstResponse],
  ['breachesResolution', (f) => f.breaches.resolution],
  ['reopensResolutions', (f) => f.reopens.resolutions],
  ['reopensWithin7Days', (f) => f.reopens.reopenedWithin7Days],
  ['reopenRate', (f) => f.reopens.reopenRate],
  ['revisitsCompleted', (f) => f.revisits.completed],
  ['revisitsRecurred', (f) => f.revisits.recurred],
  ['revisitsRecurredRate', (f) => f.revisits.recurredRate],
  ...CASE_TYPES.flatMap((type) => [
    [`received_type_${type}`, (f: KpiPeriodFigures) => f.byType[type]?.received ?? 0] as const,
    [`resolved_type_${type}`, (f: KpiPeriodFigures) => f.byType[type]?.resolved ?? 0] as const,
  ]),
  ...CHANNELS.map(
    (channel) => [`received_channel_${channel}`, (f: KpiPeriodFigures) => f.byChannel[channel]?.received ?? 0] as const,
  ),
  ...ROOT_CAUSES.map(
    (cause) => [`resolved_rootCause_${cause}`, (f: KpiPeriodFigures) => f.byRootCause[cause]?.resolved ?? 0] as const,
  ),
];

export const KPI_CSV_COLUMNS: readonly string[] = COLUMNS.map(([name]) => name);

/**
 * The KPI report as CSV (RFC 4180): a header row, then one row per period, CRLF line ends (the last line too), fields
 * quoted only when they hold a comma, a quote or a line break. Targets and met/missed (`true`/`false`, empty when there
 * was nothing to judge) sit beside their figures.
 */
export const kpiReportCsv = (report: KpiReport): string =>
  [KPI_CSV_COLUMNS, ...report.periods.map((figures) => COLUMNS.map(([, cell]) => cell(figures)))].map(csvLine).join('');
