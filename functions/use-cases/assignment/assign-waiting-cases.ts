import type { Dependencies } from '../../commons/dependencies.js';
import { logger, errorName } from '../../commons/logger.js';
import { anyAgentHasRoom } from '../../domain/assignment.js';
import { announceAssignment } from '../notifications/announce-assignment.js';
import { signalWorkflow } from '../workflow/signal-workflow.js';
import { AGENT_WAITING_STATUSES, autoAssign, type AutoAssignResult } from './auto-assign.js';

/** Cases tried per call: a sweep after one case frees one slot rarely needs more; the rest wait for the next one. */
const MAX_CASES_TRIED = 50;

const roomLeft = async ({ agents }: Pick<Dependencies, 'agents'>, storeId: string): Promise<boolean> =>
  anyAgentHasRoom(await agents.list(storeId));

/** Assigns the waiting cases in turn, yielding each one assigned, until none waits or no agent has room. */
async function* assignInTurn(
  dependencies: Pick<Dependencies, 'cases' | 'stores' | 'agents' | 'mailer' | 'workflow' | 'clock'>,
  storeId: string,
): AsyncGenerator<string> {
  if (!(await roomLeft(dependencies, storeId))) return;
  const waiting = await dependencies.cases.listQueue(
    storeId,
    { agentId: null, state: 'active', statuses: AGENT_WAITING_STATUSES },
    { limit: MAX_CASES_TRIED },
  );
  for (const { caseId } of waiting.items) {
    let result: AutoAssignResult;
    try {
      result = await autoAssign(dependencies, caseId);
    } catch (error) {
      logger.warn('Could not assign a waiting case; it stays in the unassigned queue', {
        caseId,
        storeId,
        errorName: errorName(error),
      });
      continue;
    }
    if (result.outcome === 'assigned') {
      // The emails (never thrown), then the signal: the workflow parked on AwaitAssignment must hear of it anyway.
      await announceAssignment(dependencies, result.assigned);
      await signalWorkflow(dependencies, caseId);
      yield caseId;
    } else if (result.outcome === 'unassigned' && !(await roomLeft(dependencies, storeId))) {
      return;
    }
  }
}

/**
 * CONTRACT: after capacity frees up in a store (a case resolved or cancelled, an agent made available or given more
 * capacity), assigns the store's unassigned active cases, most urgent first, until no available agent has capacity;
 * for each case assigned, emails the customer (`notifyAssigned`) and signals its workflow (`signalWorkflow`).
 * Returns the ids of the cases assigned. Never throws: the action that triggered the sweep is done whatever happens
 * here, and a case left over stays in the unassigned queue for the next sweep or a supervisor (failures are logged).
 */
export const assignWaitingCases = async (
  dependencies: Pick<Dependencies, 'cases' | 'stores' | 'agents' | 'mailer' | 'workflow' | 'clock'>,
  storeId: string,
): Promise<string[]> => {
  const assigned: string[] = [];
  try {
    for await (const caseId of assignInTurn(dependencies, storeId)) assigned.push(caseId);
  } catch (error) {
    logger.warn('Could not assign the waiting cases', { storeId, errorName: errorName(error) });
  }
  return assigned;
};
