import { isRevisitPending } from '../domain/aftercare/revisit.js';
import { pendingApprovalOf, roundOf, type Case } from '../domain/case.js';
import { waitOutcome } from '../domain/case-progress.js';
import type { CaseSla } from '../domain/sla/case-sla.js';
import type { TimelineEvent } from '../domain/timeline.js';
import { staffAftercareView } from './aftercare/aftercare-views.js';
import { staffSlaView } from './sla/sla-views.js';

/**
 * What staff see of a case: everything, the full timeline with internal notes included, except the workflow's task
 * token (a credential that completes the workflow's wait: only the API's own signal may use it).
 */
export const staffCaseView = (
  value: Case,
  timeline: readonly TimelineEvent[],
  { sla, timezone, now = new Date() }: { sla?: CaseSla; timezone: string; now?: Date },
) => {
  const {
    workflowWait,
    deadlines: _deadlines,
    escalation: _escalation,
    survey: _survey,
    revisit: _revisit,
    rounds: _rounds,
    ...fields
  } = value;
  return {
    ...fields,
    ...staffAftercareView(value, now),
    priority: value.classification?.priority ?? null,
    classification: value.classification ?? null,
    assignee: value.assignee ?? null,
    decision: value.decision ?? null,
    resolution: value.resolution ?? null,
    /** An agent's resolution awaiting a supervisor's approval: what, by whom, since when (null: none). */
    pendingApproval: pendingApprovalOf(value) ?? null,
    cancellation: value.cancellation ?? null,
    // What the workflow is still parked on: a wait whose event already happened is over (or being completed).
    workflowWait:
      workflowWait && !waitOutcome(workflowWait.signal, value)
        ? { signal: workflowWait.signal, since: workflowWait.since }
        : null,
    workflowFailure: value.workflowFailure ?? null,
    sla: staffSlaView(value, sla, timezone),
    timeline: [...timeline],
  };
};
export type StaffCaseView = ReturnType<typeof staffCaseView>;

/** One line of a work queue. */
export const staffCaseSummary = (value: Case) => ({
  caseId: value.caseId,
  caseNumber: value.caseNumber,
  status: value.status,
  type: value.type,
  priority: value.classification?.priority ?? null,
  assignee: value.assignee ? { agentId: value.assignee.agentId, name: value.assignee.name } : null,
  createdAt: value.createdAt,
  updatedAt: value.updatedAt,
  firstRespondedAt: value.firstRespondedAt ?? null,
  /** The nearest due time still running, as the queue is ordered; null when no clock runs (paused, met). */
  nextDueAt: value.deadlines?.nextDueAt ?? null,
  escalationLevel: value.escalation?.level ?? 0,
  round: roundOf(value),
  /** A follow-up task waits: when the revisit is due to be answered (null when none waits). */
  revisitDueAt: isRevisitPending(value.revisit) ? (value.revisit?.answerDueAt ?? null) : null,
  /** Awaiting the customer past the store's limit, flagged for supervisors: since when (null: not flagged). */
  customerWaitFlaggedSince:
    value.status === 'awaiting_customer' && value.customerWaitFlag ? value.customerWaitFlag.since : null,
  /** The workflow gave up on a step: where, with what error, when (null while it runs or ended well). */
  workflowFailure: value.workflowFailure
    ? { state: value.workflowFailure.state ?? null, error: value.workflowFailure.error, at: value.workflowFailure.at }
    : null,
});
export type StaffCaseSummary = ReturnType<typeof staffCaseSummary>;
