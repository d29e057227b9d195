import type { Dependencies } from '../../commons/dependencies.js';
import { errorName, logger } from '../../commons/logger.js';
import { assignWaitingCases } from './assign-waiting-cases.js';

/**
 * After an action frees agent capacity (a case resolved, cancelled, reassigned or reopened; an agent added, made
 * available or given more room): queues an `offerCapacity` job and returns at once, so the action answers without
 * waiting for the sweep (up to 50 cases, each assigned, emailed and signalled). The work queue's consumer runs
 * `assignWaitingCases` just after. Should the queue refuse the job, the sweep runs here instead, as it did before
 * there was a queue: slower for this one answer, but no freed capacity is left unoffered. Never throws.
 */
export const offerFreedCapacity = async (
  dependencies: Pick<Dependencies, 'cases' | 'stores' | 'agents' | 'mailer' | 'workflow' | 'workQueue' | 'clock'>,
  storeId: string,
): Promise<void> => {
  try {
    await dependencies.workQueue.enqueue({ kind: 'offerCapacity', storeId });
  } catch (error) {
    logger.warn('Could not queue the offer of freed capacity; offering it now', {
      storeId,
      errorName: errorName(error),
    });
    await assignWaitingCases(dependencies, storeId);
  }
};
