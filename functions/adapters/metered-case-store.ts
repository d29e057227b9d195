import { errorName, logger } from '../commons/logger.js';
import type { Case } from '../domain/case.js';
import { metricsOfChange, type MetricPoint } from '../domain/operations-metrics.js';
import type { TimelineEvent } from '../domain/timeline.js';
import type { CaseMetrics } from '../ports/case-metrics.js';
import type { CaseChange, CaseCreationWrites, CaseStore } from '../ports/case-store.js';
import { CaseStoreDecorator } from '../ports/case-store-decorator.js';

/**
 * A case store that counts the business metrics of every change it writes (`metricsOfChange`), after the write
 * succeeded: a failed or conflicting write counts nothing, a retried one counts once per success. It only wraps the
 * `CaseStore` port, so it composes with any store (and any other wrapper) underneath.
 */
export class MeteredCaseStore extends CaseStoreDecorator {
  constructor(
    inner: CaseStore,
    private readonly metrics: CaseMetrics,
  ) {
    super(inner);
  }

  override async create(newCase: Case, firstEvent: TimelineEvent, writes?: CaseCreationWrites): Promise<void> {
    await this.inner.create(newCase, firstEvent, writes);
    this.count(() => metricsOfChange([firstEvent]));
  }

  override async update(current: Case, change: CaseChange): Promise<void> {
    await this.inner.update(current, change);
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
}
