import type { Dependencies } from '../../commons/dependencies.js';
import type { KpiBucket, KpiDimension } from '../../domain/kpi/kpi-buckets.js';
import type { KpiReport } from '../../domain/kpi/kpi-report.js';
import { kpiFigures } from '../../domain/kpi/kpi-rollup.js';
import { localDayOf } from '../../domain/kpi/report-calendar.js';
import { reportRange, type ReportRangeQuery } from '../../domain/kpi/report-range.js';
import { kpiTargetsOf } from '../../domain/store-profile.js';
import { loadStore } from '../workflow/load-case.js';

/** A report and what it cost: DynamoDB items read (the benchmark prints it; it does not grow with the case count). */
export interface Costed<T> {
  value: T;
  itemsRead: number;
}

/** The buckets of several dimensions over the report's days, one Query per dimension, in parallel. */
export const readBuckets = async (
  dependencies: Pick<Dependencies, 'kpis'>,
  storeId: string,
  dimensions: readonly KpiDimension[],
  firstDay: string,
  lastDay: string,
): Promise<Costed<KpiBucket[]>> => {
  const reads = await Promise.all(
    dimensions.map((dimension) => dependencies.kpis.listBuckets(storeId, dimension, firstDay, lastDay)),
  );
  return {
    value: reads.flatMap((read) => read.buckets),
    itemsRead: reads.reduce((sum, read) => sum + read.itemsRead, 0),
  };
};

/** `GET /v1/reports/kpis`: the store's figures per period beside its targets (see the README's definitions). */
export const kpiReport = async (
  dependencies: Pick<Dependencies, 'kpis' | 'stores' | 'clock'>,
  storeId: string,
  query: ReportRangeQuery,
): Promise<Costed<KpiReport>> => {
  const store = await loadStore(dependencies, storeId);
  const now = dependencies.clock.now();
  const range = reportRange(query, localDayOf(now, store.timezone));
  const targets = kpiTargetsOf(store);
  const buckets = await readBuckets(
    dependencies,
    storeId,
    ['store', 'type', 'channel', 'rootCause'],
    range.firstDay,
    range.lastDay,
  );
  return {
    value: {
      storeId,
      storeName: store.name,
      timezone: store.timezone,
      period: query.period,
      from: range.from,
      to: range.to,
      generatedAt: now.toISOString(),
      targets,
      periods: kpiFigures(range.periods, buckets.value, targets),
    },
    itemsRead: buckets.itemsRead,
  };
};
