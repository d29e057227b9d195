import type { Case } from '../domain/case.js';
import type { TimelineEvent } from '../domain/timeline.js';
import type { CaseChange, CaseCreationWrites, CaseStore } from './case-store.js';

/**
 * A case store that hands every call to `inner`: the base of the stores that add something to the writes (the KPI
 * counters, the business metrics) and override `create`/`update` only, so each stays composable with the others.
 */
export abstract class CaseStoreDecorator implements CaseStore {
  constructor(protected readonly inner: CaseStore) {}

  create(newCase: Case, firstEvent: TimelineEvent, writes?: CaseCreationWrites): Promise<void> {
    return this.inner.create(newCase, firstEvent, writes);
  }
  update(current: Case, change: CaseChange): Promise<void> {
    return this.inner.update(current, change);
  }
  nextCaseSequence: CaseStore['nextCaseSequence'] = (...args) => this.inner.nextCaseSequence(...args);
  findIdempotencyRecord: CaseStore['findIdempotencyRecord'] = (...args) => this.inner.findIdempotencyRecord(...args);
  listAwaitingWorkflow: CaseStore['listAwaitingWorkflow'] = (...args) => this.inner.listAwaitingWorkflow(...args);
  clearAwaitingWorkflow: CaseStore['clearAwaitingWorkflow'] = (...args) => this.inner.clearAwaitingWorkflow(...args);
  get: CaseStore['get'] = (...args) => this.inner.get(...args);
  getWithTimeline: CaseStore['getWithTimeline'] = (...args) => this.inner.getWithTimeline(...args);
  listByCustomer: CaseStore['listByCustomer'] = (...args) => this.inner.listByCustomer(...args);
  findIdByCaseNumber: CaseStore['findIdByCaseNumber'] = (...args) => this.inner.findIdByCaseNumber(...args);
  search: CaseStore['search'] = (...args) => this.inner.search(...args);
  listOpenCasesForOrder: CaseStore['listOpenCasesForOrder'] = (...args) => this.inner.listOpenCasesForOrder(...args);
  listQueue: CaseStore['listQueue'] = (...args) => this.inner.listQueue(...args);
  listByStatus: CaseStore['listByStatus'] = (...args) => this.inner.listByStatus(...args);
  listFlaggedCustomerWaits: CaseStore['listFlaggedCustomerWaits'] = (...args) =>
    this.inner.listFlaggedCustomerWaits(...args);
  listWorkflowFailures: CaseStore['listWorkflowFailures'] = (...args) => this.inner.listWorkflowFailures(...args);
  countCases: CaseStore['countCases'] = (...args) => this.inner.countCases(...args);
  listOutbox: CaseStore['listOutbox'] = (...args) => this.inner.listOutbox(...args);
  removeOutbox: CaseStore['removeOutbox'] = (...args) => this.inner.removeOutbox(...args);
  listStaleOutbox: CaseStore['listStaleOutbox'] = (...args) => this.inner.listStaleOutbox(...args);
}
