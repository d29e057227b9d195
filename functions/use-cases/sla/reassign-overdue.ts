import type { Dependencies } from '../../commons/dependencies.js';
import { logger } from '../../commons/logger.js';
import type { Agent } from '../../domain/agent.js';
import { rankCandidates } from '../../domain/assignment.js';
import type { Case } from '../../domain/case.js';
import { AgentUnavailableError, StateConflictError, TransientError } from '../../domain/errors.js';
import { assignmentChange } from '../assignment/assignment-change.js';

/** The escalation step acts as the system; `Assignee.assignedBy` records it as `escalation`. */
const ESCALATION_ACTOR = { kind: 'system' as const, id: 'escalation' };

/**
 * Level 2's reassignment: a breached case whose agent is no longer available (off shift, on leave, removed) moves to
 * the best eligible agent with room, in one transaction with both agents' loads. An available agent keeps the case:
 * the supervisors, now told, decide whether to move it (`POST /v1/staff/cases/{id}/assign`). Returns the new agent,
 * or undefined when the case stays where it is (nobody free, or it changed meanwhile: the next step reads it again).
 */
export const reassignOverdue = async (
  dependencies: Pick<Dependencies, 'cases' | 'agents' | 'clock'>,
  current: Case,
): Promise<Agent | undefined> => {
  const assignee = current.assignee;
  if (!assignee) return undefined;
  const agents = await dependencies.agents.list(current.storeId);
  if (agents.find((agent) => agent.agentId === assignee.agentId)?.available) return undefined;
  const [best] = rankCandidates(
    agents.filter((agent) => agent.agentId !== assignee.agentId),
    current,
  );
  if (!best) return undefined;
  const { change } = assignmentChange(
    current,
    best,
    { actor: ESCALATION_ACTOR, assignedBy: 'escalation' },
    dependencies.clock.now(),
  );
  try {
    await dependencies.cases.update(current, change);
    return best;
  } catch (error) {
    const expected =
      error instanceof StateConflictError || error instanceof AgentUnavailableError || error instanceof TransientError;
    if (!expected) throw error;
    logger.info('Overdue case not reassigned: it or the agent changed meanwhile', { caseId: current.caseId });
    return undefined;
  }
};
