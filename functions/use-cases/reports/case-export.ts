import type { Dependencies } from '../../commons/dependencies.js';
import { instantRange, localDayOf } from '../../domain/kpi/report-calendar.js';
import { reportRange } from '../../domain/kpi/report-range.js';
import type { CaseExportQuery } from '../../schemas/report-requests.js';
import { loadStore } from '../workflow/load-case.js';

/**
 * The per-case export's columns, in order. Ids, classifications, times and outcomes only: no customer name, email,
 * order contents or message text (the export leaves the system; staff open a case for the rest).
 */
export const CASE_EXPORT_COLUMNS = [
  'caseNumber',
  'caseId',
  'receivedAt',
  'type',
  'channel',
  'priority',
  'state',
  'decision',
  'firstResponseAt',
  'firstResponseBusinessMinutes',
  'firstResponseWithinSla',
  'resolvedAt',
  'resolutionType',
  'rootCause',
  'resolutionBusinessHours',
  'resolutionWithinSla',
  'agentId',
  'reopens',
  'escalationLevel',
  'breaches',
  'surveyOverall',
] as const;
export type CaseExportRow = Partial<Record<(typeof CASE_EXPORT_COLUMNS)[number], string | number | boolean>>;

const inUnits = (seconds: unknown, unitSeconds: number): number | undefined =>
  typeof seconds === 'number' ? Math.round((seconds / unitSeconds) * 100) / 100 : undefined;

export interface CaseExportPage {
  timezone: string;
  from: string;
  to: string;
  rows: CaseExportRow[];
  nextToken?: string;
}

/** `GET /v1/reports/cases.csv`: the cases received in `from`..`to` (store-local days), oldest first, one page. */
export const exportCases = async (
  dependencies: Pick<Dependencies, 'kpis' | 'stores' | 'clock'>,
  storeId: string,
  query: CaseExportQuery,
): Promise<CaseExportPage> => {
  const store = await loadStore(dependencies, storeId);
  const today = localDayOf(dependencies.clock.now(), store.timezone);
  const { from, to } = reportRange({ from: query.from, to: query.to, period: 'month' }, today);
  const page = await dependencies.kpis.listRecords(storeId, 'cases', instantRange(from, to, store.timezone), {
    limit: query.limit,
    nextToken: query.nextToken,
  });
  const rows = page.records.map(({ fields }): CaseExportRow => {
    const { firstResponseBusinessSeconds, resolutionBusinessSeconds, ...rest } = fields;
    const row: CaseExportRow = {
      ...rest,
      firstResponseBusinessMinutes: inUnits(firstResponseBusinessSeconds, 60),
      resolutionBusinessHours: inUnits(resolutionBusinessSeconds, 3600),
    };
    return Object.fromEntries(
      CASE_EXPORT_COLUMNS.filter((column) => row[column] !== undefined).map((column) => [column, row[column]]),
    );
  });
  return { timezone: store.timezone, from, to, rows, ...(page.nextToken ? { nextToken: page.nextToken } : {}) };
};
