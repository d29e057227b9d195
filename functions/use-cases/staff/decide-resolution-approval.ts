import type { Dependencies } from '../../commons/dependencies.js';
import { pendingApprovalOf, type Case, type PendingApproval } from '../../domain/case.js';
import { assertCaseAccess } from '../../domain/case-access.js';
import { StateConflictError, ValidationError } from '../../domain/errors.js';
import type { StaffUser } from '../../domain/staff.js';
import { timelineEvent } from '../../domain/timeline-events.js';
import { applyTimedCaseAction } from '../apply-case-action.js';
import {
  announceResolution,
  assertResolutionMoney,
  moneyLimitsOf,
  resolvableBy,
  resolvedChange,
  type MoneyLimits,
} from './resolve-case.js';
import { staffActor } from './staff-actor.js';

export interface ResolutionApprovalDecision {
  user: StaffUser;
  caseId: string;
  approve: boolean;
  note?: string;
  /** The request the decider saw (`pendingApproval.requestedAt`): a newer one is not decided blind. */
  requestedAt?: string;
}

/** The store's rules may have changed since the request (a lower compensation limit): then it cannot be approved. */
const assertStillValid = (current: Case, pending: PendingApproval, limits: MoneyLimits): void => {
  try {
    assertResolutionMoney(current, pending.resolution, limits);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    throw new StateConflictError("The pending resolution no longer meets the store's money rules; decline it", {
      details: error.details,
    });
  }
};

/**
 * A supervisor or admin decides the resolution an agent asked approval for
 * (`POST /v1/staff/cases/{caseId}/resolution-approval`; the route admits only them):
 * 1. 404 for another store's case; 409 unless the open case has a pending approval (the one asked at `requestedAt`,
 *    when the decider names it);
 * 2. `approve: false`: the request is removed and an internal `resolution_declined` event tells the agent; the case
 *    stays as it was (open, theirs);
 * 3. `approve: true`: the money rules are checked again (409 if the store's limits changed meanwhile), then the case is
 *    resolved with the requested resolution in one write, as a resolve does (`resolved` event, load released), with
 *    an internal `resolution_approved` event before it; `resolvedBy` is the requesting agent, `approvedBy` the
 *    approver; then the customer is emailed, the workflow signalled and the freed capacity offered.
 * Returns the case as it now is.
 */
export const decideResolutionApproval = async (
  dependencies: Pick<Dependencies, 'cases' | 'stores' | 'agents' | 'workflow' | 'workQueue' | 'clock'>,
  request: ResolutionApprovalDecision,
): Promise<Case> => {
  const limits = await moneyLimitsOf(dependencies, request.user.storeId);
  const { after, before, outbox } = await applyTimedCaseAction(dependencies, request.caseId, (current) => {
    assertCaseAccess(request.user, current);
    const pending = pendingApprovalOf(current);
    if (!pending) throw new StateConflictError('No resolution awaits approval');
    if (request.requestedAt !== undefined && Date.parse(request.requestedAt) !== Date.parse(pending.requestedAt)) {
      throw new StateConflictError('The agent replaced the pending resolution since; read the case again');
    }
    const now = dependencies.clock.now();
    const decided = timelineEvent(
      current.caseId,
      now,
      request.approve ? 'resolution_approved' : 'resolution_declined',
      staffActor(request.user),
      {
        visibility: 'internal',
        details: {
          resolution: pending.resolution,
          requestedBy: pending.requestedBy,
          requestedAt: pending.requestedAt,
          ...(request.note !== undefined ? { note: request.note } : {}),
        },
      },
    );
    if (!request.approve) {
      return { event: decided, set: { updatedAt: now.toISOString() }, remove: ['pendingApproval'] };
    }
    if (!resolvableBy(request.user, current.status)) {
      throw new StateConflictError(`A ${current.status} case cannot be resolved`);
    }
    assertStillValid(current, pending, limits);
    const resolved = resolvedChange(current, pending.resolution, {
      resolvedBy: pending.requestedBy.userId,
      approvedBy: request.user,
      actor: request.user,
      now,
    });
    return { ...resolved, event: decided, followUps: [resolved.event] };
  });
  if (request.approve) await announceResolution(dependencies, before, after, outbox);
  return after;
};
