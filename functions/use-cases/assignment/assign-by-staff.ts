import type { Dependencies } from '../../commons/dependencies.js';
import type { Case } from '../../domain/case.js';
import type { StaffUser } from '../../domain/staff.js';

export interface StaffAssignment {
  caseId: string;
  agentId: string;
  by: StaffUser;
}

/**
 * CONTRACT (owned by the assignment helper): a supervisor or admin assigns (`open`) or reassigns (any active status)
 * a case of their store to an agent of their store: one transaction moves the case, takes the new agent's load
 * (`AgentUnavailableError` -> 409 when unavailable or full) and releases the previous agent's. Returns the updated
 * case. Sends no email and signals nothing: callers do. `NotFoundError` for another store's case or agent.
 */
export const assignByStaff = async (
  _dependencies: Pick<Dependencies, 'cases' | 'agents' | 'clock'>,
  _assignment: StaffAssignment,
): Promise<Case> => {
  throw new Error('assignByStaff: not implemented yet');
};
