import type { Dependencies } from '../../commons/dependencies.js';

/**
 * CONTRACT (owned by the assignment helper): after capacity frees up in a store (a case resolved or cancelled, an
 * agent made available or given more capacity), assigns the store's unassigned active cases, most urgent first,
 * until no eligible agent has capacity; for each case assigned, emails the customer (`notifyAssigned`) and signals
 * its workflow (`signalWorkflow`). Returns the ids of the cases assigned.
 */
export const assignWaitingCases = async (_dependencies: Dependencies, _storeId: string): Promise<string[]> => {
  throw new Error('assignWaitingCases: not implemented yet');
};
