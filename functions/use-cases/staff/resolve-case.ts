import type { Dependencies } from '../../commons/dependencies.js';
import {
  HANDLED_STATUSES,
  orderValue,
  type Case,
  type CaseStatus,
  type PendingApproval,
  type Resolution,
} from '../../domain/case.js';
import { assertCaseAccess } from '../../domain/case-access.js';
import { ApprovalRequiredError, StateConflictError, ValidationError } from '../../domain/errors.js';
import { needsApproval, resolutionMoneyProblems, type ResolutionMoney } from '../../domain/resolution-money.js';
import { isSupervising, type StaffUser } from '../../domain/staff.js';
import { compensationLimitOf } from '../../domain/store.js';
import { timelineEvent } from '../../domain/timeline-events.js';
import { outboxItem, type OutboxItem } from '../../domain/outbox.js';
import type { ResolveBody } from '../../schemas/staff-requests.js';
import { applyTimedCaseAction, type PlannedChange } from '../apply-case-action.js';
import { queueOutbox } from '../notifications/outbox.js';
import { offerFreedCapacity } from '../assignment/offer-freed-capacity.js';
import { releaseAssignee } from '../assignment/assignment-change.js';
import { signalWorkflow } from '../workflow/signal-workflow.js';
import { loadStore } from '../workflow/load-case.js';
import { staffActor } from './staff-actor.js';

export interface CaseResolution extends ResolveBody {
  user: StaffUser;
  caseId: string;
}

/** What a resolution is recorded with, as requested (by the resolver, or by the agent whose request was approved). */
export type RequestedResolution = PendingApproval['resolution'];

/** The store's limits on the money of a resolution. */
export interface MoneyLimits {
  autoApproveValueLimit: number;
  compensationLimit: number;
}

export const moneyLimitsOf = async (
  dependencies: Pick<Dependencies, 'stores'>,
  storeId: string,
): Promise<MoneyLimits> => {
  const [policy, store] = await Promise.all([dependencies.stores.getPolicy(storeId), loadStore(dependencies, storeId)]);
  return { autoApproveValueLimit: policy.autoApproveValueLimit, compensationLimit: compensationLimitOf(store) };
};

export const resolvableBy = (user: StaffUser, status: CaseStatus): boolean =>
  HANDLED_STATUSES.includes(status) || (status === 'open' && isSupervising(user));

/** 400 naming `resolution.amount` / `resolution.currency` unless the money is right for this case and store. */
export const assertResolutionMoney = (current: Case, resolution: ResolutionMoney, limits: MoneyLimits): void => {
  const problems = resolutionMoneyProblems(resolution, {
    caseCurrency: current.currency,
    orderTotal: orderValue(current.items),
    compensationLimit: limits.compensationLimit,
  });
  if (problems.length > 0) {
    throw new ValidationError('Invalid body', {
      details: problems.map((problem) => ({ path: `resolution.${problem.path}`, message: problem.message })),
    });
  }
};

/**
 * The write that resolves a case: the resolution (an amount in the case's currency), status `resolved`, the
 * assignee's load released, any pending approval gone, a public `resolved` event by `actor`.
 */
export const resolvedChange = (
  current: Case,
  requested: RequestedResolution,
  { resolvedBy, approvedBy, actor, now }: { resolvedBy: string; approvedBy?: StaffUser; actor: StaffUser; now: Date },
): PlannedChange => {
  const { type, amount, reference, rootCause, summary } = requested;
  const resolution: Resolution = {
    type,
    ...(amount !== undefined ? { amount, currency: current.currency } : {}),
    ...(reference !== undefined ? { reference } : {}),
    rootCause,
    summary,
    resolvedAt: now.toISOString(),
    resolvedBy,
    ...(approvedBy ? { approvedBy: approvedBy.userId } : {}),
  };
  return {
    event: timelineEvent(current.caseId, now, 'resolved', staffActor(actor), {
      from: current.status,
      to: 'resolved',
      details: { type, rootCause },
    }),
    set: { status: 'resolved', resolution, updatedAt: now.toISOString() },
    ...(current.pendingApproval ? { remove: ['pendingApproval'] as const } : {}),
    ...releaseAssignee(current, now.toISOString()),
    outbox: [
      outboxItem(
        { kind: 'resolved', resolution, ...(current.round !== undefined ? { round: current.round } : {}) },
        now.toISOString(),
      ),
    ],
  };
};

/** After the resolving write: the outcome's email queued, the workflow signalled, the freed capacity offered. */
export const announceResolution = async (
  dependencies: Pick<Dependencies, 'cases' | 'stores' | 'agents' | 'workflow' | 'workQueue' | 'clock'>,
  before: Case,
  after: Case,
  outbox: readonly OutboxItem[],
): Promise<void> => {
  await queueOutbox(dependencies, after.caseId, outbox);
  await signalWorkflow(dependencies, after.caseId);
  if (before.assignee) await offerFreedCapacity(dependencies, after.storeId);
};

/** The agent's resolution recorded as the case's pending approval (replacing one there), with an internal event. */
const approvalRequest = (current: Case, user: StaffUser, requested: RequestedResolution, now: Date): PlannedChange => {
  const pendingApproval: PendingApproval = {
    resolution: requested,
    requestedBy: { userId: user.userId, name: user.name, ...(user.agentId ? { agentId: user.agentId } : {}) },
    requestedAt: now.toISOString(),
  };
  return {
    event: timelineEvent(current.caseId, now, 'resolution_approval_requested', staffActor(user), {
      visibility: 'internal',
      details: { resolution: requested, ...(current.pendingApproval ? { replaces: current.pendingApproval } : {}) },
    }),
    set: { pendingApproval, updatedAt: now.toISOString() },
  };
};

/**
 * Resolves a case (`POST /v1/staff/cases/{caseId}/resolve`):
 * 1. from `assigned`, `in_progress` or `awaiting_customer`; supervisors and admins may also resolve an unassigned
 *    `open` case (e.g. answered by phone); anything else is a 409;
 * 2. the money must be right (`resolutionMoneyProblems`: the case's currency, its decimals, a refund within the order,
 *    a compensation within the store's limit), else a 400 naming the field and nothing is written;
 * 3. an agent's payout above the policy's `autoApproveValueLimit` is not resolved: it becomes the case's pending
 *    approval (replacing an earlier request) and the answer is `409 approval_required`; a supervisor approves it with
 *    `decideResolutionApproval`. Supervisors and admins resolve above the limit directly;
 * 4. otherwise records the resolution, who resolved it and when; status `resolved`; the assignee keeps the case (their
 *    done queue) and their load is released in the same write; a public `resolved` event;
 * 5. the customer's email of the outcome is written with it (an outbox item), then queued; the workflow is
 *    signalled, and the freed capacity goes to waiting cases.
 * Returns the resolved case.
 */
export const resolveCase = async (
  dependencies: Pick<Dependencies, 'cases' | 'stores' | 'agents' | 'workflow' | 'workQueue' | 'clock'>,
  request: CaseResolution,
): Promise<Case> => {
  const limits = await moneyLimitsOf(dependencies, request.user.storeId);
  const { after, before, outbox } = await applyTimedCaseAction(dependencies, request.caseId, (current) => {
    assertCaseAccess(request.user, current);
    if (!resolvableBy(request.user, current.status)) {
      throw new StateConflictError(`A ${current.status} case cannot be resolved`);
    }
    assertResolutionMoney(current, request.resolution, limits);
    const { type, amount, reference } = request.resolution;
    const requested: RequestedResolution = {
      type,
      // Checked to be the case's: an omitted currency is the case's too.
      ...(amount !== undefined ? { amount, currency: current.currency } : {}),
      ...(reference !== undefined ? { reference } : {}),
      rootCause: request.rootCause,
      summary: request.summary,
    };
    const now = dependencies.clock.now();
    if (!isSupervising(request.user) && needsApproval(requested, limits.autoApproveValueLimit)) {
      return approvalRequest(current, request.user, requested, now);
    }
    return resolvedChange(current, requested, { resolvedBy: request.user.userId, actor: request.user, now });
  });
  // Not resolved: the write recorded the agent's request as the case's pending approval.
  if (after.status !== 'resolved') {
    throw new ApprovalRequiredError(
      `Above the store's auto-approve limit of ${limits.autoApproveValueLimit} ${after.currency}: the resolution awaits a supervisor's approval (a new resolve replaces the request)`,
    );
  }
  await announceResolution(dependencies, before, after, outbox);
  return after;
};
