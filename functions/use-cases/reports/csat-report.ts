import type { Dependencies } from '../../commons/dependencies.js';
import type { KpiBucket, KpiDimension } from '../../domain/kpi/kpi-buckets.js';
import type { KpiPeriodFigures } from '../../domain/kpi/kpi-report.js';
import { csatOf, sumCounts } from '../../domain/kpi/kpi-rollup.js';
import { addDays, localDayOf } from '../../domain/kpi/report-calendar.js';
import { reportRange } from '../../domain/kpi/report-range.js';
import { kpiTargetsOf } from '../../domain/store-profile.js';
import { dayOfIsoDate, instantOf } from '../../domain/zoned-time.js';
import type { CsatReportQuery } from '../../schemas/report-requests.js';
import { loadStore } from '../workflow/load-case.js';
import { readBuckets, type Costed } from './kpi-report.js';

export type CsatFigures = KpiPeriodFigures['csat'];

export interface CsatReport {
  storeId: string;
  timezone: string;
  from: string;
  to: string;
  overall: CsatFigures;
  /** As recorded when each survey was sent (`attribution`): a later reassignment moves no rating. */
  byAgent: Array<{ agentId: string } & CsatFigures>;
  byType: Array<{ type: string } & CsatFigures>;
  byRootCause: Array<{ rootCause: string } & CsatFigures>;
  /** The answers in the range, oldest first, each with its ratings and comment; paged. */
  answers: Array<Record<string, string | number | boolean>>;
  nextToken?: string;
}

/** The store-local days `from`..`to` as instants: from the first day's midnight to the last millisecond of the last. */
export const instantRange = (from: string, to: string, timeZone: string): { from: string; to: string } => ({
  from: new Date(instantOf(dayOfIsoDate(from) as number, 0, timeZone)).toISOString(),
  to: new Date(instantOf(dayOfIsoDate(addDays(to, 1)) as number, 0, timeZone) - 1).toISOString(),
});

const byValue = <K extends string>(
  buckets: readonly KpiBucket[],
  dimension: KpiDimension,
  key: K,
  figures: (bucketsOfValue: readonly KpiBucket[]) => CsatFigures,
): Array<Record<K, string> & CsatFigures> =>
  [...new Set(buckets.filter((bucket) => bucket.dimension === dimension).map((bucket) => bucket.value))]
    .sort()
    .map((value) => ({
      [key]: value,
      ...figures(buckets.filter((bucket) => bucket.dimension === dimension && bucket.value === value)),
    }))
    .filter((row) => row.surveysSent > 0 || row.responses > 0) as Array<Record<K, string> & CsatFigures>;

/** `GET /v1/reports/csat`: satisfaction over `from`..`to` (whole days, store-local), with the answers paged. */
export const csatReport = async (
  dependencies: Pick<Dependencies, 'kpis' | 'stores' | 'clock'>,
  storeId: string,
  query: CsatReportQuery,
): Promise<Costed<CsatReport>> => {
  const store = await loadStore(dependencies, storeId);
  const today = localDayOf(dependencies.clock.now(), store.timezone);
  // The range's own days (not whole periods): `period` only sets the default `from`, the current month.
  const { from, to } = reportRange({ from: query.from, to: query.to, period: 'month' }, today);
  const targets = kpiTargetsOf(store);
  const [buckets, page] = await Promise.all([
    readBuckets(dependencies, storeId, ['store', 'agent', 'type', 'rootCause'], from, to),
    dependencies.kpis.listRecords(storeId, 'surveys', instantRange(from, to, store.timezone), {
      limit: query.limit,
      nextToken: query.nextToken,
    }),
  ]);
  const figures = (of: readonly KpiBucket[]) => csatOf(sumCounts(of), targets);
  return {
    value: {
      storeId,
      timezone: store.timezone,
      from,
      to,
      overall: figures(buckets.value.filter((bucket) => bucket.dimension === 'store')),
      byAgent: byValue(buckets.value, 'agent', 'agentId', figures),
      byType: byValue(buckets.value, 'type', 'type', figures),
      byRootCause: byValue(buckets.value, 'rootCause', 'rootCause', figures),
      answers: page.records.map((record) => record.fields),
      ...(page.nextToken ? { nextToken: page.nextToken } : {}),
    },
    itemsRead: buckets.itemsRead + page.records.length,
  };
};
