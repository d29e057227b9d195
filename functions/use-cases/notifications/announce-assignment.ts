import type { Dependencies } from '../../commons/dependencies.js';
import { logger, errorName } from '../../commons/logger.js';
import type { Case } from '../../domain/case.js';
import { slaOfCase } from '../sla/sla-context.js';
import { notifyAgentAssigned } from './agent-notices.js';
import { notifyAssigned, notifyP1Assigned, type MailDependencies } from './customer-notices.js';

/** The store calendar's timezone and the first response's due time; without them when they cannot be read. */
const firstResponseDue = async (
  dependencies: MailDependencies,
  assigned: Case,
): Promise<{ timezone: string; firstResponseDueAt?: Date | undefined } | undefined> => {
  try {
    // The first response's clock never pauses, so the timeline is not needed for its due time.
    const { sla, timezone } = await slaOfCase(dependencies, assigned, []);
    return { timezone, firstResponseDueAt: sla?.milestones.firstResponse.dueAt };
  } catch (error) {
    logger.warn('Could not read the first response due time for the assignment emails', {
      caseId: assigned.caseId,
      errorName: errorName(error),
    });
    return undefined;
  }
};

/**
 * Whoever assigned the case (the workflow, freed capacity, a supervisor, the escalation): the customer is told who
 * handles it, the agent that the case is theirs (with a link to its page), and for a P1 the supervisors too, with the
 * first response's due time, so they watch it from the start. Each email once per assignment. Never throws: the
 * assignment is done.
 */
export const announceAssignment = async (
  dependencies: MailDependencies & Pick<Dependencies, 'clock'> & Partial<Pick<Dependencies, 'agents'>>,
  assigned: Case,
  {
    toCustomer = true,
    agentEmail,
  }: {
    /** `false` when the customer already learnt the agent's name from the acknowledgement. */
    toCustomer?: boolean;
    /** The agent's address as the assigning action read it; else the directory's (`agents`). */
    agentEmail?: string | undefined;
  } = {},
): Promise<void> => {
  if (toCustomer) await notifyAssigned(dependencies, assigned);
  const assignee = assigned.assignee;
  if (!assignee) return;
  const due = await firstResponseDue(dependencies, assigned);
  const timezone = due?.timezone ?? 'UTC';
  await notifyAgentAssigned(
    dependencies,
    { ...assigned, assignee },
    { timezone, firstResponseDueAt: due?.firstResponseDueAt, agentEmail },
  );
  if (assigned.classification?.priority !== 'P1' || !due) return;
  await notifyP1Assigned(dependencies, assigned, due);
};
