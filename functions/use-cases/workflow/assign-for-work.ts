import type { Dependencies } from '../../commons/dependencies.js';
import type { WorkflowStep } from '../../domain/case-progress.js';
import { autoAssign } from '../assignment/auto-assign.js';
import { announceAssignment } from '../notifications/announce-assignment.js';
import { notifyUnassigned } from '../notifications/customer-notices.js';
import { loadSlaContext, stepOf } from '../sla/sla-context.js';
import { syncDeadlines } from '../sla/sync-deadlines.js';

/**
 * Workflow step after classification: assign the case to the best eligible agent, or leave it in the store's unassigned
 * queue and tell the supervisors (it is assigned when capacity frees up or a supervisor assigns it). The customer is
 * told who handles the case; the supervisors too when it is a P1, so they watch it from the start. The case's due times
 * are set for the work queue. Returns where the case stands and how long to wait, which routes the workflow to the
 * matching wait.
 */
export const assignForWork = async (
  dependencies: Pick<Dependencies, 'cases' | 'stores' | 'agents' | 'mailer' | 'clock'>,
  caseId: string,
): Promise<WorkflowStep> => {
  const result = await autoAssign(dependencies, caseId);
  const context = await loadSlaContext(dependencies, caseId);
  const latest = context.current;
  if (result.outcome === 'assigned') await announceAssignment(dependencies, latest);
  if (result.outcome === 'unassigned') await notifyUnassigned(dependencies, latest);
  await syncDeadlines(dependencies, context);
  return stepOf(context);
};
