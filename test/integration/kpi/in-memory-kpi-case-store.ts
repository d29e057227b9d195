import { caseWithChange, type Case } from '../../../functions/domain/case.js';
import { NotFoundError, StateConflictError } from '../../../functions/domain/errors.js';
import {
  bucketKey,
  bucketRefOf,
  type KpiBucket,
  type KpiDimension,
} from '../../../functions/domain/kpi/kpi-buckets.js';
import type { KpiDelta } from '../../../functions/domain/kpi/kpi-delta.js';
import type { TimelineEvent } from '../../../functions/domain/timeline.js';
import {
  KpiRevisionMovedError,
  type CaseChange,
  type CaseCreationWrites,
  type CaseStore,
} from '../../../functions/ports/case-store.js';
import type { KpiBucketRead, KpiStore } from '../../../functions/ports/kpi-store.js';

/**
 * A case store in memory that applies a change's KPI delta as the DynamoDB transaction does: in the same step as the
 * change, only while the case's `kpiRevision` is `kpi.ifRevision` (then one more; `KpiRevisionMovedError` otherwise),
 * counts ADDed per bucket, report rows put or deleted. The counting store runs over it unchanged, so a dataset too large
 * for DynamoDB Local in a test's time still goes through the production counting code. Only what that needs is here.
 */
export class InMemoryKpiCaseStore implements CaseStore, Pick<KpiStore, 'listBuckets'> {
  private readonly cases = new Map<string, Case>();
  private readonly timelines = new Map<string, TimelineEvent[]>();
  /** By `storeId|bucketKey`. */
  private readonly buckets = new Map<string, Record<string, number>>();
  private readonly records = new Map<string, Record<string, unknown>>();

  private applyDelta(storeId: string, delta: KpiDelta): void {
    for (const [key, counts] of delta.counters) {
      const bucket = this.buckets.get(`${storeId}|${key}`) ?? {};
      for (const [name, amount] of Object.entries(counts)) bucket[name] = (bucket[name] ?? 0) + amount;
      this.buckets.set(`${storeId}|${key}`, bucket);
    }
    for (const record of delta.puts) this.records.set(`${storeId}|${record.list}|${record.sortKey}`, record.fields);
    for (const record of delta.deletes) this.records.delete(`${storeId}|${record.list}|${record.sortKey}`);
  }

  async create(newCase: Case, firstEvent: TimelineEvent, { kpi }: CaseCreationWrites = {}): Promise<void> {
    await Promise.resolve();
    if (this.cases.has(newCase.caseId)) throw new Error(`Case ${newCase.caseId} exists`);
    this.cases.set(newCase.caseId, structuredClone(newCase));
    this.timelines.set(newCase.caseId, [firstEvent]);
    if (kpi) this.applyDelta(newCase.storeId, kpi);
  }

  async update(current: Case, change: CaseChange): Promise<void> {
    await Promise.resolve();
    const stored = this.cases.get(current.caseId);
    if (!stored) throw new NotFoundError(`Case ${current.caseId} not found`);
    if (change.kpi && (stored.kpiRevision ?? 0) !== change.kpi.ifRevision) {
      throw new KpiRevisionMovedError(current.caseId);
    }
    if (change.ifStatusIn && !change.ifStatusIn.includes(stored.status)) {
      throw new StateConflictError(`Case ${current.caseId} is not in a state that allows this change`);
    }
    const next = caseWithChange(stored, change);
    if (change.addNotificationsSent) {
      next.notificationsSent = [...(stored.notificationsSent ?? []), ...change.addNotificationsSent];
    }
    if (change.kpi) next.kpiRevision = change.kpi.ifRevision + 1;
    this.cases.set(current.caseId, structuredClone(next));
    this.timelines.get(current.caseId)?.push(...change.events);
    if (change.kpi) this.applyDelta(stored.storeId, change.kpi.delta);
  }

  async get(caseId: string): Promise<Case | undefined> {
    const found = this.cases.get(caseId);
    return found && structuredClone(found);
  }

  async getWithTimeline(caseId: string): Promise<{ case: Case; timeline: TimelineEvent[] } | undefined> {
    const found = this.cases.get(caseId);
    if (!found) return undefined;
    const timeline = [...(this.timelines.get(caseId) ?? [])].sort((a, b) => (a.eventId < b.eventId ? -1 : 1));
    return { case: structuredClone(found), timeline };
  }

  async listBuckets(storeId: string, dimension: KpiDimension, fromDay: string, toDay: string): Promise<KpiBucketRead> {
    const buckets: KpiBucket[] = [];
    for (const [key, counts] of this.buckets) {
      if (!key.startsWith(`${storeId}|`)) continue;
      const ref = bucketRefOf(key.slice(storeId.length + 1));
      if (ref.dimension === dimension && ref.day >= fromDay && ref.day <= toDay) buckets.push({ ...ref, counts });
    }
    buckets.sort((a, b) => (bucketKey(a) < bucketKey(b) ? -1 : 1));
    return { buckets, itemsRead: buckets.length };
  }

  nextCaseSequence = unsupported;
  findIdempotencyRecord = unsupported;
  listAwaitingWorkflow = unsupported;
  clearAwaitingWorkflow = unsupported;
  listByCustomer = unsupported;
  findIdByCaseNumber = unsupported;
  search = unsupported;
  listOpenCasesForOrder = unsupported;
  listQueue = unsupported;
  listByStatus = unsupported;
  listFlaggedCustomerWaits = unsupported;
  listWorkflowFailures = unsupported;
  countCases = unsupported;
  listOutbox = unsupported;
  removeOutbox = unsupported;
  listStaleOutbox = unsupported;
}

async function unsupported(): Promise<never> {
  throw new Error('Not part of the in-memory KPI case store');
}
