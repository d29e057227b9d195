import type { Dependencies } from '../../commons/dependencies.js';
import type { KpiBucket, KpiCounts, KpiDimension } from '../../domain/kpi/kpi-buckets.js';
import type { KpiPeriodFigures } from '../../domain/kpi/kpi-report.js';
import { countsByValue, csatOf, sumCounts } from '../../domain/kpi/kpi-rollup.js';
import { instantRange, localDayOf } from '../../domain/kpi/report-calendar.js';
import { reportRange } from '../../domain/kpi/report-range.js';
import { kpiTargetsOf } from '../../domain/store-profile.js';
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

const byValue = <K extends string>(
  buckets: readonly KpiBucket[],
  dimension: KpiDimension,
  key: K,
  figures: (counts: KpiCounts) => CsatFigures,
): Array<Record<K, string> & CsatFigures> =>
  countsByValue(buckets.filter((bucket) => bucket.dimension === dimension))
    .map(([value, counts]) => ({ [key]: value, ...figures(counts) }) as Record<K, string> & CsatFigures)
    .filter((row) => row.surveysSent > 0 || row.responses > 0);

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
  const figures = (counts: KpiCounts) => csatOf(counts, targets);
  return {
    value: {
      storeId,
      timezone: store.timezone,
      from,
      to,
      overall: figures(sumCounts(buckets.value.filter((bucket) => bucket.dimension === 'store'))),
      byAgent: byValue(buckets.value, 'agent', 'agentId', figures),
      byType: byValue(buckets.value, 'type', 'type', figures),
      byRootCause: byValue(buckets.value, 'rootCause', 'rootCause', figures),
      answers: page.records.map((record) => record.fields),
      ...(page.nextToken ? { nextToken: page.nextToken } : {}),
    },
    itemsRead: buckets.itemsRead + page.records.length,
  };
};
