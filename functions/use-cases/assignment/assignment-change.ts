import type { Agent } from '../../domain/agent.js';
import type { Assignee, Case } from '../../domain/case.js';
import type { Actor } from '../../domain/timeline.js';
import { timelineEvent } from '../../domain/timeline-events.js';
import type { CaseChange } from '../../ports/case-store.js';

/** The automatic assignment acts as the system; `Assignee.assignedBy` records it as `assignment`. */
export const ASSIGNMENT_ACTOR: Actor = { kind: 'system', id: 'assignment' };

export interface AssignmentChange {
  change: CaseChange;
  /** The case as the change leaves it. */
  assigned: Case;
}

/**
 * Moves `current` to `agent` in one change: guarded by the status and assignee it was read with (so a concurrent
 * assignment, reassignment or cancellation makes it fail), taking the new agent's load and releasing the previous
 * one's. An `open` case becomes `assigned`; a case already being worked on keeps its status.
 */
export const assignmentChange = (
  current: Case,
  agent: Pick<Agent, 'storeId' | 'agentId' | 'name'>,
  by: { actor: Actor; assignedBy: string },
  now: Date,
): AssignmentChange => {
  const at = now.toISOString();
  const previous = current.assignee;
  const assignee: Assignee = { agentId: agent.agentId, name: agent.name, assignedAt: at, assignedBy: by.assignedBy };
  const status = current.status === 'open' ? 'assigned' : current.status;
  const change: CaseChange = {
    ifStatusIn: [current.status],
    ifAssignee: previous?.agentId ?? null,
    set: { status, assignee, updatedAt: at },
    agentLoad: {
      take: { storeId: agent.storeId, agentId: agent.agentId },
      ...(previous ? { release: { storeId: current.storeId, agentId: previous.agentId } } : {}),
      at,
    },
    events: [
      // Public: the customer sees who handles the case (by display name).
      timelineEvent(current.caseId, now, 'assigned', by.actor, {
        ...(previous ? { from: previous.agentId } : {}),
        to: agent.agentId,
        details: { agentName: agent.name, ...(previous ? { previousAgentName: previous.name } : {}) },
      }),
      ...(status !== current.status
        ? [timelineEvent(current.caseId, now, 'status_changed', by.actor, { from: current.status, to: status })]
        : []),
    ],
  };
  return { change, assigned: { ...current, status, assignee, updatedAt: at } };
};

/** The load move that frees the case's assignee, for a change that ends the case (resolve, cancel); none when unassigned. */
export const releaseAssignee = (current: Case, at: string): Pick<CaseChange, 'agentLoad'> =>
  current.assignee
    ? { agentLoad: { release: { storeId: current.storeId, agentId: current.assignee.agentId }, at } }
    : {};
