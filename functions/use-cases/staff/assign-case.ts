import type { Dependencies } from '../../commons/dependencies.js';
import type { Case } from '../../domain/case.js';
import { assertCaseAccess } from '../../domain/case-access.js';
import { StateConflictError } from '../../domain/errors.js';
import type { StaffUser } from '../../domain/staff.js';
import { AgentUnavailableError } from '../../ports/case-store.js';
import { assignByStaff } from '../assignment/assign-by-staff.js';
import { findCase } from '../apply-case-action.js';
import { notifyAssigned } from '../notifications/customer-notices.js';
import { offerFreedCapacity } from '../offer-freed-capacity.js';
import { signalWorkflow } from '../workflow/signal-workflow.js';

export interface CaseAssignment {
  user: StaffUser;
  caseId: string;
  agentId: string;
}

/**
 * A supervisor or admin assigns or reassigns a case (`POST /v1/staff/cases/{caseId}/assign`; the route admits only
 * them). The move and both agents' loads are one transaction in `assignByStaff`: 409 when the agent is unavailable,
 * full or already the assignee, or when the case is not active; 404 for an unknown agent or another store's case.
 * Then the customer is told who handles the case, the workflow's assignment wait is signalled, and a reassignment's
 * freed capacity goes to waiting cases. Returns the assigned case.
 */
export const assignCase = async (dependencies: Dependencies, request: CaseAssignment): Promise<Case> => {
  const before = await findCase(dependencies, request.caseId);
  assertCaseAccess(request.user, before);
  const assigned = await assignByStaff(dependencies, {
    caseId: before.caseId,
    agentId: request.agentId,
    by: request.user,
  }).catch((error: unknown) => {
    if (error instanceof AgentUnavailableError) {
      throw new StateConflictError(`${request.agentId} is unavailable or has no room for another case`);
    }
    throw error;
  });
  await notifyAssigned(dependencies, assigned);
  await signalWorkflow(dependencies, assigned.caseId);
  // Whether someone was released is known only inside the transaction (the case may have been auto-assigned since it
  // was read here), so the store's waiting cases are always offered the capacity; with none freed, nothing happens.
  await offerFreedCapacity(dependencies, assigned.storeId);
  return assigned;
};
