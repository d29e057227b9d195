import { CASE_STATUSES } from '../../domain/case.js';
import { caseKpiFacts, type CaseKpiFacts, type KpiRecord } from '../../domain/kpi/case-kpi-facts.js';
import { bucketKey, bucketRefOf, KPI_DIMENSIONS, type KpiCounts } from '../../domain/kpi/kpi-buckets.js';
import { instantRange } from '../../domain/kpi/report-calendar.js';
import { kpiDelta, type KpiDelta } from '../../domain/kpi/kpi-delta.js';
import type { CaseStore } from '../../ports/case-store.js';
import type { KpiStore } from '../../ports/kpi-store.js';
import type { StoreDirectory } from '../../ports/store-directory.js';
import { kpiContextOf } from './kpi-counting-case-store.js';

export interface KpiRebuild {
  casesRead: number;
  /** Stored -> recomputed, per bucket counter or report row that differs (empty: the counters are exact). */
  differences: Array<{ item: string; stored: number | string; recomputed: number | string }>;
  /** What `apply` adds to make the stored counters the recomputed ones. */
  repair: KpiDelta;
}

const addFacts = (
  into: CaseKpiFacts,
  facts: CaseKpiFacts,
  keepBucket: (key: string) => boolean,
  keepRecord: (record: KpiRecord) => boolean,
) => {
  for (const [key, counts] of facts.counters) {
    if (!keepBucket(key)) continue;
    const bucket = into.counters.get(key) ?? {};
    for (const [name, amount] of Object.entries(counts)) bucket[name] = (bucket[name] ?? 0) + amount;
    into.counters.set(key, bucket);
  }
  for (const [key, record] of facts.records) if (keepRecord(record)) into.records.set(key, record);
};

/**
 * Recomputes a store's KPI counters and report rows for the days `from`..`to` from the timelines of all its cases (a
 * Query per status, never a Scan: a case received long before may have been resolved in the range), compares them with
 * the stored ones and returns the differences and the repair. Offline work for an operator (a definition change, a
 * repair, a new time zone); `apply` writes the repair as additions, so counts moved meanwhile by live traffic survive.
 */
export const rebuildKpis = async (
  dependencies: { cases: CaseStore; kpis: KpiStore; stores: Pick<StoreDirectory, 'getStore' | 'getSlaPolicy'> },
  storeId: string,
  from: string,
  to: string,
  { apply = false }: { apply?: boolean } = {},
): Promise<KpiRebuild> => {
  const context = await kpiContextOf(dependencies.stores, storeId);
  const instants = instantRange(from, to, context.timeZone);
  const inDays = (key: string) => {
    const { day } = bucketRefOf(key);
    return day >= from && day <= to;
  };
  const inInstants = (record: KpiRecord) => {
    const at = record.sortKey.slice(0, record.sortKey.indexOf('#'));
    return at >= instants.from && at <= instants.to;
  };

  const recomputed: CaseKpiFacts = { counters: new Map(), records: new Map() };
  let casesRead = 0;
  for (const status of CASE_STATUSES) {
    let nextToken: string | undefined;
    do {
      const page = await dependencies.cases.listByStatus(storeId, status, { limit: 100, nextToken });
      for (const listed of page.items) {
        const found = await dependencies.cases.getWithTimeline(listed.caseId);
        if (!found) continue;
        casesRead += 1;
        addFacts(recomputed, caseKpiFacts(found.case, found.timeline, context), inDays, inInstants);
      }
      nextToken = page.nextToken;
    } while (nextToken);
  }

  const stored: CaseKpiFacts = { counters: new Map(), records: new Map() };
  for (const dimension of KPI_DIMENSIONS) {
    const { buckets } = await dependencies.kpis.listBuckets(storeId, dimension, from, to);
    for (const bucket of buckets) stored.counters.set(bucketKey(bucket), bucket.counts);
  }
  for (const list of ['cases', 'surveys'] as const) {
    let nextToken: string | undefined;
    do {
      const page = await dependencies.kpis.listRecords(storeId, list, instants, { limit: 500, nextToken });
      for (const record of page.records) stored.records.set(`${record.list}|${record.sortKey}`, record);
      nextToken = page.nextToken;
    } while (nextToken);
  }

  const repair = kpiDelta(stored, recomputed);
  const differences: KpiRebuild['differences'] = [];
  for (const [key, change] of repair.counters) {
    const before: KpiCounts = stored.counters.get(key) ?? {};
    for (const [name, amount] of Object.entries(change)) {
      differences.push({ item: `${key} ${name}`, stored: before[name] ?? 0, recomputed: (before[name] ?? 0) + amount });
    }
  }
  for (const record of repair.puts) {
    const key = `${record.list}|${record.sortKey}`;
    differences.push({
      item: key,
      stored: stored.records.has(key) ? JSON.stringify(stored.records.get(key)?.fields) : '(none)',
      recomputed: JSON.stringify(record.fields),
    });
  }
  for (const record of repair.deletes) {
    differences.push({ item: `${record.list}|${record.sortKey}`, stored: '(row)', recomputed: '(none)' });
  }
  if (apply) await dependencies.kpis.applyDelta(storeId, repair);
  return { casesRead, differences, repair };
};
