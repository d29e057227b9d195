import type { Dependencies } from '../../commons/dependencies.js';
import type { Case, CaseStatus } from '../../domain/case.js';
import { assertCaseAccess } from '../../domain/case-access.js';
import { StateConflictError } from '../../domain/errors.js';
import type { StaffUser } from '../../domain/staff.js';
import { timelineEvent } from '../../domain/timeline-events.js';
import { outboxItem } from '../../domain/outbox.js';
import { applyTimedCaseAction } from '../apply-case-action.js';
import { queueOutbox } from '../notifications/outbox.js';
import { signalWorkflow } from '../workflow/signal-workflow.js';
import { staffActor } from './staff-actor.js';

export type WorkingStatus = 'awaiting_customer' | 'in_progress';

/** The one status each working status may be entered from: staff toggle between them once the work has begun. */
const ENTERED_FROM: Record<WorkingStatus, CaseStatus> = {
  awaiting_customer: 'in_progress',
  in_progress: 'awaiting_customer',
};

export interface StatusChange {
  user: StaffUser;
  caseId: string;
  status: WorkingStatus;
}

/**
 * Staff wait for the customer, or take the case back (`POST /v1/staff/cases/{caseId}/status`):
 * `awaiting_customer` only from `in_progress` (so not before the first reply, which is what starts the work), and
 * `in_progress` only from `awaiting_customer`; anything else is a 409. A public `status_changed` event; waiting for
 * the customer emails them (an outbox item written with the change, then queued); then the workflow is signalled.
 * Returns the changed case.
 */
export const changeCaseStatus = async (
  dependencies: Pick<Dependencies, 'cases' | 'stores' | 'workflow' | 'workQueue' | 'clock'>,
  request: StatusChange,
): Promise<Case> => {
  const { after, outbox } = await applyTimedCaseAction(dependencies, request.caseId, (current) => {
    assertCaseAccess(request.user, current);
    const required = ENTERED_FROM[request.status];
    if (current.status !== required) {
      throw new StateConflictError(
        `Only a case ${required} can become ${request.status}; this one is ${current.status}`,
      );
    }
    const now = dependencies.clock.now();
    const event = timelineEvent(current.caseId, now, 'status_changed', staffActor(request.user), {
      from: current.status,
      to: request.status,
    });
    return {
      event,
      set: { status: request.status, updatedAt: now.toISOString() },
      ...(request.status === 'awaiting_customer'
        ? { outbox: [outboxItem({ kind: 'awaiting_customer', eventId: event.eventId }, now.toISOString())] }
        : {}),
      // A new wait for the customer starts its reminder and limit anew: a flag of an earlier wait no longer holds.
      ...(request.status === 'awaiting_customer' && current.customerWaitFlag ? { remove: ['customerWaitFlag'] } : {}),
    };
  });
  await queueOutbox(dependencies, after.caseId, outbox);
  await signalWorkflow(dependencies, after.caseId);
  return after;
};
