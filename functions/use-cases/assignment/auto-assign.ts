import type { Dependencies } from '../../commons/dependencies.js';
import type { Agent } from '../../domain/agent.js';

export type AutoAssignResult =
  | { outcome: 'assigned'; agent: Agent }
  /** No eligible agent has capacity: the case stays `open` in the unassigned queue. */
  | { outcome: 'unassigned' }
  /** The case is no longer `open` and unassigned (assigned meanwhile, cancelled, ...): nothing was done. */
  | { outcome: 'not_waiting' };

/**
 * CONTRACT (owned by the assignment helper): picks the best eligible agent (`domain/assignment.ts`) for an `open`,
 * unassigned case and assigns it in one transaction with the agent's load; tries the next candidate when one is
 * taken meanwhile; retries transaction conflicts. Sends no email and signals nothing: callers do.
 */
export const autoAssign = async (
  _dependencies: Pick<Dependencies, 'cases' | 'agents' | 'stores' | 'clock'>,
  _caseId: string,
): Promise<AutoAssignResult> => {
  throw new Error('autoAssign: not implemented yet');
};
