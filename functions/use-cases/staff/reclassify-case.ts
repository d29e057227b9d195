import type { Dependencies } from '../../commons/dependencies.js';
import { HANDLED_STATUSES, type Case, type CaseStatus, type Severity, type Urgency } from '../../domain/case.js';
import { assertCaseAccess } from '../../domain/case-access.js';
import { overrideClassification } from '../../domain/classification.js';
import { ForbiddenError, StateConflictError } from '../../domain/errors.js';
import { lowersPriority } from '../../domain/priority.js';
import { isSupervising, type StaffUser } from '../../domain/staff.js';
import { timelineEvent } from '../../domain/timeline-events.js';
import { applyTimedCaseAction } from '../apply-case-action.js';
import { signalWorkflow } from '../workflow/signal-workflow.js';
import { staffActor } from './staff-actor.js';

/** Approved cases still being worked on: before approval the workflow has not classified them yet. */
const RECLASSIFIABLE_STATUSES: readonly CaseStatus[] = ['open', ...HANDLED_STATUSES];

export interface Reclassification {
  user: StaffUser;
  caseId: string;
  severity?: Severity;
  urgency?: Urgency;
  reason: string;
}

/**
 * Staff override the severity and/or urgency (`POST /v1/staff/cases/{caseId}/classification`), and so the priority
 * under the store's matrix: only while the case is approved and active (else 409). An agent may raise the priority or
 * keep it, but not lower it (403: a supervisor or an admin reclassifies it), so a P1 cannot be talked out of its
 * escalation by the person it escalates about. What changed is recorded as
 * `staff_override` with the reason; an internal `priority_overridden` event has the priority from/to. The SLA targets
 * follow the new priority: the due times and the queue order move, and the workflow's wait is re-timed when the next
 * step is now sooner. Returns the reclassified case.
 */
export const reclassifyCase = async (
  dependencies: Pick<Dependencies, 'cases' | 'stores' | 'workflow' | 'clock'>,
  request: Reclassification,
): Promise<Case> => {
  const { user, caseId, severity, urgency, reason } = request;
  // The user's store is the case's, or the access check below answers 404 before anything is written.
  const { priorityMatrix } = await dependencies.stores.getPolicy(user.storeId);
  const { after } = await applyTimedCaseAction(dependencies, caseId, (current) => {
    assertCaseAccess(user, current);
    if (!RECLASSIFIABLE_STATUSES.includes(current.status)) {
      throw new StateConflictError(`A ${current.status} case cannot be reclassified`);
    }
    const now = dependencies.clock.now();
    const classification = overrideClassification(
      current.classification,
      { severity, urgency, reason },
      priorityMatrix,
      user.userId,
      now,
    );
    const from = current.classification?.priority;
    if (!isSupervising(user) && lowersPriority(from, classification.priority)) {
      throw new ForbiddenError(
        `Lowering the priority (${from} -> ${classification.priority}) needs a supervisor or an admin: ask one to reclassify the case`,
      );
    }
    return {
      event: timelineEvent(current.caseId, now, 'priority_overridden', staffActor(user), {
        visibility: 'internal',
        from: current.classification?.priority,
        to: classification.priority,
        details: { severity: classification.severity, urgency: classification.urgency, reason },
      }),
      set: { classification, updatedAt: now.toISOString() },
    };
  });
  await signalWorkflow(dependencies, caseId);
  return after;
};
