import type { Dependencies } from '../../commons/dependencies.js';
import { logger, errorName } from '../../commons/logger.js';
import type { Case } from '../../domain/case.js';
import { slaOfCase } from '../sla/sla-context.js';
import { notifyAssigned, notifyP1Assigned, type MailDependencies } from './customer-notices.js';

/**
 * Whoever assigned the case (the workflow, freed capacity, a supervisor, the escalation): the customer is told who
 * handles it, and for a P1 the supervisors too, with the first response's due time, so they watch it from the start.
 * Never throws: the assignment is done.
 */
export const announceAssignment = async (
  dependencies: MailDependencies & Pick<Dependencies, 'clock'>,
  assigned: Case,
  /** `toCustomer: false` when the customer already learnt the agent's name from the acknowledgement. */
  { toCustomer = true }: { toCustomer?: boolean } = {},
): Promise<void> => {
  if (toCustomer) await notifyAssigned(dependencies, assigned);
  if (assigned.classification?.priority !== 'P1') return;
  try {
    // The first response's clock never pauses, so the timeline is not needed for its due time.
    const { sla, timezone } = await slaOfCase(dependencies, assigned, []);
    await notifyP1Assigned(dependencies, assigned, {
      timezone,
      firstResponseDueAt: sla?.milestones.firstResponse.dueAt,
    });
  } catch (error) {
    logger.warn('Could not tell the supervisors of a P1 assignment', {
      caseId: assigned.caseId,
      errorName: errorName(error),
    });
  }
};
