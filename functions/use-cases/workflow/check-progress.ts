import type { Dependencies } from '../../commons/dependencies.js';
import { workflowStep, type WorkflowStep } from '../../domain/case-progress.js';
import { loadCase, loadStore } from './load-case.js';

/**
 * A wait timed out: read where the case stands now. Routes the workflow on when a signal was lost (its completion failed
 * after retries), or back into the same wait when nothing happened.
 */
export const checkProgress = async (dependencies: Dependencies, caseId: string): Promise<WorkflowStep> => {
  const current = await loadCase(dependencies, caseId);
  return workflowStep(current, await loadStore(dependencies, current.storeId));
};
