import type { KpiRecord } from '../domain/kpi/case-kpi-facts.js';
import type { KpiBucket, KpiDimension } from '../domain/kpi/kpi-buckets.js';
import type { KpiDelta } from '../domain/kpi/kpi-delta.js';

export interface KpiBucketRead {
  buckets: KpiBucket[];
  /** Items DynamoDB returned (what a report costs; see the benchmark). */
  itemsRead: number;
}

export interface KpiRecordPage {
  records: KpiRecord[];
  nextToken?: string;
}

/**
 * The KPI counters and report rows, for the reports and the rebuild. They are written by the case store in the case
 * transactions (`CaseChange.kpi`), never here, except by the rebuild's repair (`applyDelta`).
 */
export interface KpiStore {
  /** One dimension's day buckets from `fromDay` to `toDay` (store-local dates, inclusive), every value. */
  listBuckets(storeId: string, dimension: KpiDimension, fromDay: string, toDay: string): Promise<KpiBucketRead>;
  /**
   * One page of a report list whose sort keys start within `from`..`to` (ISO instants; `to` inclusive to the
   * millisecond), in order. `nextToken` is this listing's own (ValidationError on anything else).
   */
  listRecords(
    storeId: string,
    list: KpiRecord['list'],
    range: { from: string; to: string },
    page: { limit: number; nextToken?: string },
  ): Promise<KpiRecordPage>;
  /** Adds a repair delta (the rebuild's differences), a bucket or row at a time. */
  applyDelta(storeId: string, delta: KpiDelta): Promise<void>;
}
