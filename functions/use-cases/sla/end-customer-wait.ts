import type { Dependencies } from '../../commons/dependencies.js';
import {
  awaitingCustomerPlanOf,
  awaitingCustomerRulesOf,
  reminderKeyOf,
  unansweredSummary,
} from '../../domain/awaiting-customer.js';
import type { Case, Resolution } from '../../domain/case.js';
import { SYSTEM } from '../../domain/timeline.js';
import { timelineEvent } from '../../domain/timeline-events.js';
import { assignWaitingCases } from '../assignment/assign-waiting-cases.js';
import { releaseAssignee } from '../assignment/assignment-change.js';
import { notifyResolved } from '../notifications/customer-notices.js';
import { notifyCustomerWaitOverdue, remindAwaitedCustomer } from '../notifications/customer-wait-notices.js';
import { applyIfStill } from '../workflow/load-case.js';
import type { SlaContext } from './sla-context.js';

/**
 * The workflow's step for a case that awaits the customer (run from the escalation step when its wait times out): the
 * one reminder once `reminderAfter` has passed, and at the store's `limit` either the resolution as `no_action`
 * (root cause `other`, the summary saying why, the agent's load released; the follow-up stage runs next) or the flag
 * for the supervisors (an internal event, their email, and `GET /v1/staff/cases?flagged=true`). Each is taken once per
 * wait (a conditional write: a customer's answer in between wins). Returns true when it changed the case.
 */
export const endCustomerWait = async (
  dependencies: Pick<Dependencies, 'cases' | 'stores' | 'agents' | 'mailer' | 'workflow' | 'clock'>,
  context: SlaContext,
): Promise<boolean> => {
  const { current, timeline, store, now, policy } = context;
  const plan = awaitingCustomerPlanOf(current, timeline, store, now);
  if (!plan.due || !plan.since) return false;
  const rules = awaitingCustomerRulesOf(store);
  switch (plan.due) {
    case 'remind':
      await remindAwaitedCustomer(dependencies, current, {
        key: reminderKeyOf(plan.since),
        closesCase: rules.outcome === 'resolve_no_action',
      });
      return true;
    case 'flag':
      return flagCase(dependencies, current, plan.since, now, policy.calendar.timezone);
    case 'resolve_no_action':
      return resolveUnanswered(dependencies, current, rules.limit, now);
  }
};

const flagCase = async (
  dependencies: Pick<Dependencies, 'cases' | 'stores' | 'mailer' | 'clock'>,
  current: Case,
  since: Date,
  now: Date,
  timezone: string,
): Promise<boolean> => {
  const customerWaitFlag = { since: since.toISOString(), flaggedAt: now.toISOString() };
  // Unless the case moved on meanwhile (the customer answered, staff acted): then nothing is owed.
  const flagged = await applyIfStill(dependencies, current, {
    ifStatusIn: ['awaiting_customer'],
    set: { customerWaitFlag, updatedAt: now.toISOString() },
    events: [
      timelineEvent(current.caseId, now, 'customer_wait_flagged', SYSTEM, {
        visibility: 'internal',
        details: { since: customerWaitFlag.since },
      }),
    ],
  });
  if (flagged) await notifyCustomerWaitOverdue(dependencies, { ...current, customerWaitFlag }, { since, timezone });
  return flagged;
};

const resolveUnanswered = async (
  dependencies: Pick<Dependencies, 'cases' | 'stores' | 'agents' | 'mailer' | 'workflow' | 'clock'>,
  current: Case,
  limit: string,
  now: Date,
): Promise<boolean> => {
  const resolution: Resolution = {
    type: 'no_action',
    rootCause: 'other',
    summary: unansweredSummary(limit, current.customer.locale),
    resolvedAt: now.toISOString(),
    resolvedBy: 'workflow',
  };
  const set = { status: 'resolved' as const, resolution, updatedAt: now.toISOString() };
  const resolved = await applyIfStill(dependencies, current, {
    ifStatusIn: ['awaiting_customer'],
    ifAssignee: current.assignee?.agentId ?? null,
    set,
    ...releaseAssignee(current, now.toISOString()),
    events: [
      timelineEvent(current.caseId, now, 'resolved', SYSTEM, {
        from: 'awaiting_customer',
        to: 'resolved',
        details: { type: 'no_action', rootCause: 'other', reason: 'customer_unresponsive', limit },
      }),
    ],
  });
  if (!resolved) return false;
  await notifyResolved(dependencies, { ...current, ...set });
  if (current.assignee) await assignWaitingCases(dependencies, current.storeId);
  return true;
};
