import type { Dependencies } from '../../commons/dependencies.js';
import { workflowStep, type WorkflowStep } from '../../domain/case-progress.js';
import { autoAssign } from '../assignment/auto-assign.js';
import { notifyAssigned, notifyUnassigned } from '../notifications/customer-notices.js';
import { loadCase, loadStore } from './load-case.js';

/**
 * Workflow step after classification: assign the case to the best eligible agent, or leave it in the store's unassigned
 * queue and tell the supervisors (it is assigned when capacity frees up or a supervisor assigns it). The customer is
 * told who handles the case. Returns where the case stands, which routes the workflow to the matching wait.
 */
export const assignForWork = async (dependencies: Dependencies, caseId: string): Promise<WorkflowStep> => {
  const result = await autoAssign(dependencies, caseId);
  const latest = await loadCase(dependencies, caseId);
  if (result.outcome === 'assigned') await notifyAssigned(dependencies, latest);
  if (result.outcome === 'unassigned') await notifyUnassigned(dependencies, latest);
  return workflowStep(latest, await loadStore(dependencies, latest.storeId));
};
