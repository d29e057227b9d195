import type { Dependencies } from '../../commons/dependencies.js';
import type { CaseStatus } from '../../domain/case.js';
import { NotFoundError, StateConflictError } from '../../domain/errors.js';
import type { Actor, TimelineEvent } from '../../domain/timeline.js';
import { timelineEvent } from '../../domain/timeline-events.js';
import { applyTimedCaseAction } from '../apply-case-action.js';
import { signalWorkflow } from '../workflow/signal-workflow.js';

/** A customer may write while the case is under review or being handled; a finished case takes a new case instead. */
export const MESSAGE_STATUSES: readonly CaseStatus[] = [
  'pending_review',
  'open',
  'assigned',
  'in_progress',
  'awaiting_customer',
];

export interface CustomerMessage {
  storeId: string;
  caseId: string;
  body: string;
}

/**
 * The customer's message, relayed by their store's storefront (`POST /v1/cases/{caseId}/messages`):
 * - 404 for another store's case; 409 before review (`submitted`, decided within seconds) and once finished;
 * - a public `customer_message` event with the text, the customer as its actor;
 * - a case awaiting the customer resumes (`in_progress`, with a `status_changed` event), and the workflow is signalled.
 * Returns the message's event.
 */
export const postCustomerMessage = async (
  dependencies: Pick<Dependencies, 'cases' | 'stores' | 'workflow' | 'clock'>,
  message: CustomerMessage,
): Promise<TimelineEvent> => {
  const { after, event } = await applyTimedCaseAction(dependencies, message.caseId, (current) => {
    if (current.storeId !== message.storeId) throw new NotFoundError('No such case');
    if (!MESSAGE_STATUSES.includes(current.status)) {
      throw new StateConflictError(`A ${current.status} case takes no messages`);
    }
    const now = dependencies.clock.now();
    const customer: Actor = { kind: 'customer', id: current.customer.id };
    const resumes = current.status === 'awaiting_customer';
    return {
      event: timelineEvent(current.caseId, now, 'customer_message', customer, { details: { body: message.body } }),
      followUps: resumes
        ? [timelineEvent(current.caseId, now, 'status_changed', customer, { from: current.status, to: 'in_progress' })]
        : [],
      set: { updatedAt: now.toISOString(), ...(resumes ? { status: 'in_progress' as const } : {}) },
    };
  });
  await signalWorkflow(dependencies, after.caseId);
  return event;
};
