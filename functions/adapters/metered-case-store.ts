import { errorName, logger } from '../commons/logger.js';
import type { Case } from '../domain/case.js';
import { metricsOfChange, type MetricPoint } from '../domain/operations-metrics.js';
import type { TimelineEvent } from '../domain/timeline.js';
import type { CaseMetrics } from '../ports/case-metrics.js';
import type { CaseChange, CaseStore, IdempotencyRecord } from '../ports/case-store.js';

/**
 * A case store that counts the business metrics of every change it writes (`metricsOfChange`), after the write
 * succeeded: a failed or conflicting write counts nothing, a retried one counts once per success. It only wraps the
 * `CaseStore` port, so it composes with any store (and any other wrapper) underneath.
 */
export class MeteredCaseStore implements CaseStore {
  constructor(
    private readonly store: CaseStore,
    private readonly metrics: CaseMetrics,
  ) {}

  async create(newCase: Case, firstEvent: TimelineEvent, idempotency?: IdempotencyRecord): Promise<void> {
    await this.store.create(newCase, firstEvent, idempotency);
    this.count(() => metricsOfChange([firstEvent]));
  }

  async update(current: Case, change: CaseChange): Promise<void> {
    await this.store.update(current, change);
    // `current` is the case as the writer read it: for the SLA step, still parked on the wait that just woke it.
    this.count(() => metricsOfChange(change.events, current.workflowWait));
  }

  /** The change is written: a metric that cannot be recorded is logged, never an error of the change. */
  private count(points: () => MetricPoint[]): void {
    try {
      this.metrics.record(points());
    } catch (error) {
      logger.warn('Case metrics not recorded', { errorName: errorName(error) });
    }
  }

  nextCaseSequence: CaseStore['nextCaseSequence'] = (storeId, day) => this.store.nextCaseSequence(storeId, day);
  findIdempotencyRecord: CaseStore['findIdempotencyRecord'] = (storeId, key) =>
    this.store.findIdempotencyRecord(storeId, key);
  listAwaitingWorkflow: CaseStore['listAwaitingWorkflow'] = (filedBefore, limit) =>
    this.store.listAwaitingWorkflow(filedBefore, limit);
  clearAwaitingWorkflow: CaseStore['clearAwaitingWorkflow'] = (caseId) => this.store.clearAwaitingWorkflow(caseId);
  get: CaseStore['get'] = (caseId) => this.store.get(caseId);
  getWithTimeline: CaseStore['getWithTimeline'] = (caseId) => this.store.getWithTimeline(caseId);
  listByCustomer: CaseStore['listByCustomer'] = (storeId, customerId, page) =>
    this.store.listByCustomer(storeId, customerId, page);
  listOpenCasesForOrder: CaseStore['listOpenCasesForOrder'] = (storeId, orderId) =>
    this.store.listOpenCasesForOrder(storeId, orderId);
  listQueue: CaseStore['listQueue'] = (storeId, queue, page) => this.store.listQueue(storeId, queue, page);
  listByStatus: CaseStore['listByStatus'] = (storeId, status, page) => this.store.listByStatus(storeId, status, page);
  listFlaggedCustomerWaits: CaseStore['listFlaggedCustomerWaits'] = (storeId, page) =>
    this.store.listFlaggedCustomerWaits(storeId, page);
  listWorkflowFailures: CaseStore['listWorkflowFailures'] = (storeId, page) =>
    this.store.listWorkflowFailures(storeId, page);
}
