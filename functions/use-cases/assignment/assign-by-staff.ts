import type { Dependencies } from '../../commons/dependencies.js';
import { CASE_ID_PATTERN, isOpenCase, UNDECIDED_STATUSES, type Case } from '../../domain/case.js';
import { ForbiddenError, NotFoundError, StateConflictError } from '../../domain/errors.js';
import { outboxItem } from '../../domain/outbox.js';
import { isSupervising, type StaffUser } from '../../domain/staff.js';
import { assignmentChange } from './assignment-change.js';
import { backOff, retryableOrThrow } from './contention.js';

export interface StaffAssignment {
  caseId: string;
  agentId: string;
  by: StaffUser;
}

/**
 * CONTRACT: a supervisor or admin assigns (`open`) or reassigns (any active status) a case of their store to an agent
 * of their store: one transaction moves the case, takes the new agent's load (`AgentUnavailableError` -> 409 when
 * unavailable or full), releases the previous agent's and writes the assignment's announcement as an outbox item
 * (the caller queues it: `queueOutbox`). Returns the updated case. Signals nothing: callers do. `NotFoundError` for
 * another store's case or agent; `StateConflictError` when the case is not active, is already the agent's, or was assigned by someone else since it was read. The agent's skills are not
 * checked: a supervisor may hand a case to anyone with room.
 */
export const assignByStaff = async (
  dependencies: Pick<Dependencies, 'cases' | 'agents' | 'clock'>,
  { caseId, agentId, by }: StaffAssignment,
): Promise<Case> => {
  if (!isSupervising(by)) throw new ForbiddenError('Only supervisors and admins assign cases');
  let seenAssignee: string | null | undefined;
  for (let attempt = 1; ; attempt += 1) {
    // A malformed id names no case (and a long one would be refused by DynamoDB as a key): 404 like an unknown one.
    const current = CASE_ID_PATTERN.test(caseId) ? await dependencies.cases.get(caseId) : undefined;
    if (!current || current.storeId !== by.storeId) throw new NotFoundError(`Case ${caseId} not found`);
    // A retry after a conflict must not reassign on top of someone else's assignment the supervisor never saw.
    const assigneeNow = current.assignee?.agentId ?? null;
    if (seenAssignee !== undefined && assigneeNow !== seenAssignee) {
      throw new StateConflictError(`Case ${caseId} was assigned by someone else meanwhile`);
    }
    seenAssignee = assigneeNow;
    const agent = await dependencies.agents.get(by.storeId, agentId);
    if (!agent) throw new NotFoundError(`Agent ${agentId} not found`);
    if (!isOpenCase(current.status) || UNDECIDED_STATUSES.includes(current.status)) {
      throw new StateConflictError(`Case ${caseId} cannot be assigned while ${current.status}`);
    }
    if (current.assignee?.agentId === agentId) {
      throw new StateConflictError(`Case ${caseId} is already assigned to ${agentId}`);
    }
    const now = dependencies.clock.now();
    const { change, assigned } = assignmentChange(
      current,
      agent,
      { actor: { kind: 'staff', id: by.userId, name: by.name }, assignedBy: by.userId },
      now,
    );
    const announcement = assigned.assignee
      ? [outboxItem({ kind: 'assigned', assignee: assigned.assignee, agentEmail: agent.email }, now.toISOString())]
      : [];
    try {
      await dependencies.cases.update(current, { ...change, outbox: announcement });
      return assigned;
    } catch (error) {
      retryableOrThrow(error, attempt);
      await backOff(attempt);
    }
  }
};
