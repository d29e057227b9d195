import type { Dependencies } from '../../commons/dependencies.js';
import { HANDLED_STATUSES, type Case, type CaseStatus, type Resolution } from '../../domain/case.js';
import { assertCaseAccess } from '../../domain/case-access.js';
import { StateConflictError } from '../../domain/errors.js';
import { isSupervising, type StaffUser } from '../../domain/staff.js';
import { timelineEvent } from '../../domain/timeline-events.js';
import { outboxItem } from '../../domain/outbox.js';
import type { ResolveBody } from '../../schemas/staff-requests.js';
import { applyTimedCaseAction } from '../apply-case-action.js';
import { queueOutbox } from '../notifications/outbox.js';
import { offerFreedCapacity } from '../assignment/offer-freed-capacity.js';
import { releaseAssignee } from '../assignment/assignment-change.js';
import { signalWorkflow } from '../workflow/signal-workflow.js';
import { staffActor } from './staff-actor.js';

export interface CaseResolution extends ResolveBody {
  user: StaffUser;
  caseId: string;
}

const resolvableBy = (user: StaffUser, status: CaseStatus): boolean =>
  HANDLED_STATUSES.includes(status) || (status === 'open' && isSupervising(user));

/**
 * Resolves a case (`POST /v1/staff/cases/{caseId}/resolve`):
 * - from `assigned`, `in_progress` or `awaiting_customer`; supervisors and admins may also resolve an unassigned `open`
 *   case (e.g. answered by phone); anything else is a 409;
 * - records the resolution (an amount without a currency is in the case's currency), its root cause and summary, who
 *   resolved it and when; status `resolved`; the assignee keeps the case (their done queue) and their load is released
 *   in the same write; a public `resolved` event;
 * - the customer's email of the outcome is written with it (an outbox item), then queued; the workflow is
 *   signalled, and the freed capacity goes to waiting cases.
 * Returns the resolved case.
 */
export const resolveCase = async (dependencies: Dependencies, request: CaseResolution): Promise<Case> => {
  const { after, before, outbox } = await applyTimedCaseAction(dependencies, request.caseId, (current) => {
    assertCaseAccess(request.user, current);
    if (!resolvableBy(request.user, current.status)) {
      throw new StateConflictError(`A ${current.status} case cannot be resolved`);
    }
    const now = dependencies.clock.now();
    const { type, amount, currency, reference } = request.resolution;
    const resolution: Resolution = {
      type,
      ...(amount !== undefined ? { amount, currency: currency ?? current.currency } : {}),
      ...(reference !== undefined ? { reference } : {}),
      rootCause: request.rootCause,
      summary: request.summary,
      resolvedAt: now.toISOString(),
      resolvedBy: request.user.userId,
    };
    return {
      event: timelineEvent(current.caseId, now, 'resolved', staffActor(request.user), {
        from: current.status,
        to: 'resolved',
        details: { type, rootCause: request.rootCause },
      }),
      set: { status: 'resolved', resolution, updatedAt: now.toISOString() },
      ...releaseAssignee(current, now.toISOString()),
      outbox: [
        outboxItem(
          { kind: 'resolved', resolution, ...(current.round !== undefined ? { round: current.round } : {}) },
          now.toISOString(),
        ),
      ],
    };
  });
  await queueOutbox(dependencies, after.caseId, outbox);
  await signalWorkflow(dependencies, after.caseId);
  if (before.assignee) await offerFreedCapacity(dependencies, after.storeId);
  return after;
};
