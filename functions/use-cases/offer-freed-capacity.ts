import type { Dependencies } from '../commons/dependencies.js';
import { logger } from '../commons/logger.js';
import { assignWaitingCases } from './assignment/assign-waiting-cases.js';

/**
 * After an action freed agent capacity (a case resolved, cancelled or reassigned; an agent's profile changed), gives it
 * to the store's waiting cases. The action itself is done by then, so a failure here is logged, not reported: the
 * waiting cases' workflows re-check on their own timeout, and the next freed capacity tries again.
 */
export const offerFreedCapacity = async (dependencies: Dependencies, storeId: string): Promise<void> => {
  try {
    await assignWaitingCases(dependencies, storeId);
  } catch (error) {
    logger.warn('Could not assign waiting cases after capacity freed up', {
      storeId,
      errorName: (error as Error).name,
    });
  }
};
