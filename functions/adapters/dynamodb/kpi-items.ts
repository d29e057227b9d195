import type { KpiBucket, KpiCounts, KpiDimension } from '../../domain/kpi/kpi-buckets.js';
import { bucketRefOf } from '../../domain/kpi/kpi-buckets.js';
import type { KpiRecord } from '../../domain/kpi/case-kpi-facts.js';
import type { KpiDelta } from '../../domain/kpi/kpi-delta.js';
import type { TransactItem } from './transact-write.js';

/**
 * The KPI table's items. Counters: one item per store, dimension, local day and dimension value,
 * pk=KPI#<storeId>#<dimension>, sk=<day>#<value>, each counter a numeric attribute (so one Query reads a dimension's
 * days in a range, a quarter at most 92 items per value). Report rows: pk=KPI#<storeId>#list#<list>, sk=<sortKey>.
 */

export const bucketPartition = (storeId: string, dimension: KpiDimension): string => `KPI#${storeId}#${dimension}`;
export const bucketSortKey = (day: string, value: string): string => `${day}#${value}`;
export const recordPartition = (storeId: string, list: KpiRecord['list']): string => `KPI#${storeId}#list#${list}`;

const KEY_ATTRIBUTES = new Set(['pk', 'sk']);

export const fromBucketItem = (dimension: KpiDimension, item: Record<string, unknown>): KpiBucket => {
  const sortKey = String(item.sk);
  const split = sortKey.indexOf('#');
  const counts: KpiCounts = {};
  for (const [name, value] of Object.entries(item)) {
    if (!KEY_ATTRIBUTES.has(name) && typeof value === 'number') counts[name] = value;
  }
  return { dimension, day: sortKey.slice(0, split), value: sortKey.slice(split + 1), counts };
};

/** `ADD` each count to its bucket: commutative, so concurrent writers of one bucket never lose each other's counts. */
const bucketUpdate = (table: string, storeId: string, key: string, counts: KpiCounts): TransactItem => {
  const { dimension, value, day } = bucketRefOf(key);
  const names: Record<string, string> = {};
  const values: Record<string, number> = {};
  const additions = Object.entries(counts).map(([name, amount], index) => {
    names[`#c${index}`] = name;
    values[`:c${index}`] = amount;
    return `#c${index} :c${index}`;
  });
  return {
    Update: {
      TableName: table,
      Key: { pk: bucketPartition(storeId, dimension), sk: bucketSortKey(day, value) },
      UpdateExpression: `ADD ${additions.join(', ')}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
};

/** The transaction items that apply a case's KPI delta: bucket additions, then report rows put or deleted. */
export const kpiDeltaItems = (table: string, storeId: string, delta: KpiDelta): TransactItem[] => [
  ...[...delta.counters.entries()].map(([key, counts]) => bucketUpdate(table, storeId, key, counts)),
  ...delta.puts.map((record): TransactItem => ({
    Put: {
      TableName: table,
      Item: { ...record.fields, pk: recordPartition(storeId, record.list), sk: record.sortKey },
    },
  })),
  ...delta.deletes.map((record): TransactItem => ({
    Delete: { TableName: table, Key: { pk: recordPartition(storeId, record.list), sk: record.sortKey } },
  })),
];
