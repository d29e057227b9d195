import { caseWithChange, type Case } from '../../domain/case.js';
import { NotFoundError, WriteConflictError } from '../../domain/errors.js';
import { caseKpiFacts, type KpiFactOptions } from '../../domain/kpi/case-kpi-facts.js';
import { countsForKpis } from '../../domain/kpi/kpi-relevance.js';
import { EMPTY_FACTS, isEmptyDelta, kpiDelta } from '../../domain/kpi/kpi-delta.js';
import { stampMeasures } from '../../domain/kpi/kpi-measurements.js';
import type { TimelineEvent } from '../../domain/timeline.js';
import {
  type CaseCreationWrites,
  KpiRevisionMovedError,
  type CaseChange,
  type CaseStore,
} from '../../ports/case-store.js';
import { CaseStoreDecorator } from '../../ports/case-store-decorator.js';
import type { StoreDirectory } from '../../ports/store-directory.js';
import { backOff, CONTENTION_ATTEMPTS } from '../assignment/contention.js';

/** The reporting context of a store: its profile's time zone (where days are cut) and its SLA policy (measures). */
export const kpiContextOf = async (
  stores: Pick<StoreDirectory, 'getStore' | 'getSlaPolicy'>,
  storeId: string,
): Promise<KpiFactOptions & Required<Pick<KpiFactOptions, 'policy'>>> => {
  const [store, policy] = await Promise.all([stores.getStore(storeId), stores.getSlaPolicy(storeId)]);
  return { timeZone: store?.timezone ?? policy.calendar.timezone, policy };
};

const withEvents = (timeline: readonly TimelineEvent[], events: readonly TimelineEvent[]): TimelineEvent[] => {
  const written = new Set(timeline.map((event) => event.eventId));
  return [...timeline, ...events.filter((event) => !written.has(event.eventId))];
};

/**
 * The case store every function that writes cases gets: it moves the store's KPI counters and report rows in the same
 * transaction as each change that counts (`countsForKpis`), by `facts(after) - facts(before)` (see case-kpi-facts.ts),
 * and stamps the measures of a met milestone on the event that met it.
 * - Exact under retries: the transaction's client request token makes an SDK retry of a committed write a no-op, and
 *   each counting write requires the case's `kpiRevision` it computed from (so a retried or concurrent write that
 *   would count from a stale case is refused, then recomputed from the case as stored).
 * - Safe under concurrent writers: counters are `ADD`ed (commutative); a transaction cancelled by a concurrent one on
 *   the same bucket wrote nothing and is retried with jittered back-off.
 * Reads pass through. The extra cost of a counting write: one consistent Query of the case's items, and the buckets'
 * write units in the transaction (see the README's benchmark).
 */
export class KpiCountingCaseStore extends CaseStoreDecorator {
  constructor(
    inner: CaseStore,
    private readonly stores: Pick<StoreDirectory, 'getStore' | 'getSlaPolicy'>,
  ) {
    super(inner);
  }

  override async create(newCase: Case, firstEvent: TimelineEvent, writes: CaseCreationWrites = {}): Promise<void> {
    const context = await kpiContextOf(this.stores, newCase.storeId);
    const kpi = kpiDelta(EMPTY_FACTS, caseKpiFacts(newCase, [firstEvent], context));
    await this.inner.create(newCase, firstEvent, { ...writes, kpi });
  }

  override async update(current: Case, change: CaseChange): Promise<void> {
    if (!countsForKpis(current, change)) return this.inner.update(current, change);
    const context = await kpiContextOf(this.stores, current.storeId);
    for (let attempt = 1; ; attempt += 1) {
      const found = await this.inner.getWithTimeline(current.caseId);
      if (!found) throw new NotFoundError(`Case ${current.caseId} not found`);
      const { case: stored, timeline } = found;
      const after = caseWithChange(stored, change);
      const events = stampMeasures(stored, after, timeline, change.events, context.policy);
      const delta = kpiDelta(
        caseKpiFacts(stored, timeline, context),
        caseKpiFacts(after, withEvents(timeline, events), context),
      );
      try {
        await this.inner.update(stored, {
          ...change,
          events,
          ...(isEmptyDelta(delta) ? {} : { kpi: { delta, ifRevision: stored.kpiRevision ?? 0 } }),
        });
        return;
      } catch (error) {
        const recount = error instanceof KpiRevisionMovedError || error instanceof WriteConflictError;
        if (!recount || attempt >= CONTENTION_ATTEMPTS) throw error;
        await backOff(attempt);
      }
    }
  }
}

/**
 * The case store a function gets: counting when it declares the KPI table (every function that writes cases does, with
 * the stores table for the reporting context; a wiring test holds that), the plain store otherwise (readers).
 */
export const countedCaseStore = (
  store: CaseStore,
  stores: Pick<StoreDirectory, 'getStore' | 'getSlaPolicy'> | undefined,
): CaseStore => (stores ? new KpiCountingCaseStore(store, stores) : store);
