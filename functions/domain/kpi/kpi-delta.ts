import type { KpiCounts } from './kpi-buckets.js';
import type { CaseKpiFacts, KpiRecord } from './case-kpi-facts.js';

/** What a write changes in the KPI store: counts to add per bucket, records to put or delete. */
export interface KpiDelta {
  /** By bucket key; only non-zero amounts. */
  counters: Map<string, KpiCounts>;
  puts: KpiRecord[];
  deletes: Array<Pick<KpiRecord, 'list' | 'sortKey'>>;
}

export const EMPTY_FACTS: CaseKpiFacts = { counters: new Map(), records: new Map() };

/** Field by field, whatever order the attributes come back in. */
const sameRecord = (a: KpiRecord, b: KpiRecord): boolean => {
  const names = Object.keys(a.fields);
  return names.length === Object.keys(b.fields).length && names.every((name) => a.fields[name] === b.fields[name]);
};

/** `after - before`: added to the counters, it keeps them equal to the sum of every case's facts. */
export const kpiDelta = (before: CaseKpiFacts, after: CaseKpiFacts): KpiDelta => {
  const counters = new Map<string, KpiCounts>();
  for (const key of new Set([...before.counters.keys(), ...after.counters.keys()])) {
    const old = before.counters.get(key) ?? {};
    const next = after.counters.get(key) ?? {};
    const change: KpiCounts = {};
    for (const name of new Set([...Object.keys(old), ...Object.keys(next)])) {
      const amount = (next[name] ?? 0) - (old[name] ?? 0);
      if (amount !== 0) change[name] = amount;
    }
    if (Object.keys(change).length) counters.set(key, change);
  }
  const puts = [...after.records.entries()]
    .filter(([key, record]) => {
      const old = before.records.get(key);
      return !old || !sameRecord(old, record);
    })
    .map(([, record]) => record);
  const deletes = [...before.records.entries()]
    .filter(([key]) => !after.records.has(key))
    .map(([, { list, sortKey }]) => ({ list, sortKey }));
  return { counters, puts, deletes };
};

export const isEmptyDelta = (delta: KpiDelta): boolean =>
  delta.counters.size === 0 && delta.puts.length === 0 && delta.deletes.length === 0;
