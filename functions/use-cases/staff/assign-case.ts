import type { Dependencies } from '../../commons/dependencies.js';
import type { Case } from '../../domain/case.js';
import { outboxKey } from '../../domain/outbox.js';
import type { StaffUser } from '../../domain/staff.js';
import { assignByStaff } from '../assignment/assign-by-staff.js';
import { offerFreedCapacity } from '../assignment/offer-freed-capacity.js';
import { queueOutbox } from '../notifications/outbox.js';
import { signalWorkflow } from '../workflow/signal-workflow.js';

export interface CaseAssignment {
  user: StaffUser;
  caseId: string;
  agentId: string;
}

/**
 * A supervisor or admin assigns or reassigns a case (`POST /v1/staff/cases/{caseId}/assign`; the route admits only
 * them). The move and both agents' loads are one transaction in `assignByStaff`: 409 when the agent is unavailable or
 * full (`agent_unavailable`), already the assignee, or the case is not active; 404 for an unknown agent or another
 * store's case. The customer's email of who handles the case is written with it (an outbox item) and then queued,
 * the workflow's assignment wait is signalled, and a reassignment's freed capacity goes to waiting cases. Returns the assigned case.
 */
export const assignCase = async (
  dependencies: Pick<Dependencies, 'cases' | 'stores' | 'agents' | 'workflow' | 'workQueue' | 'clock'>,
  request: CaseAssignment,
): Promise<Case> => {
  const assigned = await assignByStaff(dependencies, {
    caseId: request.caseId,
    agentId: request.agentId,
    by: request.user,
  });
  // The announcement `assignByStaff` wrote with the assignment.
  const announced = assigned.assignee ? [{ key: outboxKey({ kind: 'assigned', assignee: assigned.assignee }) }] : [];
  await queueOutbox(dependencies, assigned.caseId, announced);
  await signalWorkflow(dependencies, assigned.caseId);
  // Whether someone was released is known only inside the transaction (the case may have been auto-assigned since it
  // was read), so the store's waiting cases are always offered the capacity; with none freed, nothing happens.
  await offerFreedCapacity(dependencies, assigned.storeId);
  return assigned;
};
