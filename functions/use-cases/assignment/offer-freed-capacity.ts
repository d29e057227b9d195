import type { Dependencies } from '../../commons/dependencies.js';
import { errorName, logger } from '../../commons/logger.js';

/**
 * After an action frees agent capacity (a case resolved, cancelled, reassigned or reopened; an agent added, made
 * available or given more room): queues an `offerCapacity` job and returns at once, so the action answers without
 * waiting for the sweep (up to 50 cases, each assigned, emailed and signalled). The work queue's consumer runs
 * `assignWaitingCases` just after. Never throws.
 *
 * Should the queue refuse the job, the capacity is not offered from the request (it would need the mailer and so an
 * SES client in every function that moves load). It is not lost either: every waiting case's workflow tries to assign
 * it again at its next SLA step (`escalateOverdue` step 1, at the latest its daily recheck), and the store's next
 * action that moves load queues an offer of all its room, as does a supervisor's assignment.
 */
export const offerFreedCapacity = async (
  { workQueue }: Pick<Dependencies, 'workQueue'>,
  storeId: string,
): Promise<void> => {
  try {
    await workQueue.enqueue({ kind: 'offerCapacity', storeId });
  } catch (error) {
    logger.warn('Could not queue the offer of freed capacity; the waiting cases get it at their next SLA step', {
      storeId,
      errorName: errorName(error),
    });
  }
};
