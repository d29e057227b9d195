import type { Dependencies } from '../../commons/dependencies.js';
import { isOpenCase, type Case } from '../../domain/case.js';
import { NotFoundError, StateConflictError } from '../../domain/errors.js';
import { outboxItem } from '../../domain/outbox.js';
import { timelineEvent } from '../../domain/timeline-events.js';
import { applyTimedCaseAction } from '../apply-case-action.js';
import { queueOutbox } from '../notifications/outbox.js';
import { offerFreedCapacity } from '../assignment/offer-freed-capacity.js';
import { releaseAssignee } from '../assignment/assignment-change.js';
import { signalWorkflow } from '../workflow/signal-workflow.js';

export interface CustomerCancellation {
  storeId: string;
  caseId: string;
  reason: string;
}

/**
 * The customer withdraws the case (`POST /v1/cases/{caseId}/cancel`):
 * - 404 for another store's case; 409 once finished;
 * - status `cancelled` with the reason, when and by whom (`customer`); the assignee's load is released in the same
 *   write; a public `cancelled` event;
 * - the customer's confirmation is written with it (an outbox item, see `notifications/outbox.ts`), then queued; the
 *   workflow is signalled (every wait ends on a cancellation), and the freed capacity goes to waiting cases.
 * Returns the cancelled case.
 */
export const cancelCase = async (
  dependencies: Pick<Dependencies, 'cases' | 'stores' | 'workflow' | 'workQueue' | 'clock'>,
  request: CustomerCancellation,
): Promise<Case> => {
  const { before, after, outbox } = await applyTimedCaseAction(dependencies, request.caseId, (current) => {
    if (current.storeId !== request.storeId) throw new NotFoundError('No such case');
    // A finished case (rejected, resolved, closed, cancelled) cannot be cancelled.
    if (!isOpenCase(current.status)) {
      throw new StateConflictError(`A ${current.status} case cannot be cancelled`);
    }
    const now = dependencies.clock.now();
    return {
      event: timelineEvent(
        current.caseId,
        now,
        'cancelled',
        { kind: 'customer', id: current.customer.id },
        {
          from: current.status,
          to: 'cancelled',
          details: { reason: request.reason },
        },
      ),
      set: {
        status: 'cancelled',
        cancellation: { reason: request.reason, cancelledAt: now.toISOString(), cancelledBy: 'customer' },
        updatedAt: now.toISOString(),
      },
      ...releaseAssignee(current, now.toISOString()),
      outbox: [outboxItem({ kind: 'cancelled' }, now.toISOString())],
    };
  });
  await queueOutbox(dependencies, after.caseId, outbox);
  await signalWorkflow(dependencies, after.caseId);
  if (before.assignee) await offerFreedCapacity(dependencies, after.storeId);
  return after;
};
