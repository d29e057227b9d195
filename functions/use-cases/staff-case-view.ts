import { isRevisitPending } from '../domain/aftercare/revisit.js';
import { orderValue, pendingApprovalOf, roundOf, type Case } from '../domain/case.js';
import { waitOutcome } from '../domain/case-progress.js';
import type { CaseSla } from '../domain/sla/case-sla.js';
import type { TimelineEvent } from '../domain/timeline.js';
import { staffAftercareView } from './aftercare/aftercare-views.js';
import { staffSlaView } from './sla/sla-views.js';
import { staffAttachmentsOf, staffMessagesOf } from './staff-case-files.js';

/**
 * What staff see of a case (`GET /v1/staff/cases/{caseId}`, the console's case page): the case in the business's
 * terms, field by field. The customer and order, the classification and assignee, the SLA clocks with due times and
 * breaches, the resolution, survey rounds and answers, the files with their names, the conversation (`messages`) and
 * the whole timeline (each event `public` or `internal`). Not the store's own bookkeeping: KPI revisions, the
 * notifications already sent, retry counters, the stored copy of due times, and never the workflow's task token (a
 * credential that completes the workflow's wait: only the API's own signal may use it).
 */
export const staffCaseView = (
  value: Case,
  timeline: readonly TimelineEvent[],
  { sla, timezone, now = new Date() }: { sla?: CaseSla; timezone: string; now?: Date },
) => ({
  caseId: value.caseId,
  caseNumber: value.caseNumber,
  storeId: value.storeId,
  status: value.status,
  type: value.type,
  channel: value.channel,
  createdAt: value.createdAt,
  updatedAt: value.updatedAt,
  customer: value.customer,
  orderId: value.orderId,
  orderedAt: value.orderedAt,
  deliveredAt: value.deliveredAt ?? null,
  items: value.items,
  currency: value.currency,
  orderValue: orderValue(value.items),
  description: value.description,
  /** The storefront's hints, as filed; `classification` holds what the case was classified as. */
  severity: value.severity ?? null,
  urgency: value.urgency ?? null,
  attachments: staffAttachmentsOf(value),
  priority: value.classification?.priority ?? null,
  classification: value.classification ?? null,
  assignee: value.assignee ?? null,
  firstRespondedAt: value.firstRespondedAt ?? null,
  decision: value.decision ?? null,
  resolution: value.resolution ?? null,
  /** An agent's resolution awaiting a supervisor's approval: what, by whom, since when (null: none). */
  pendingApproval: pendingApprovalOf(value) ?? null,
  cancellation: value.cancellation ?? null,
  /** Awaiting the customer past the store's limit, flagged for supervisors: since when (null: not flagged). */
  customerWaitFlaggedSince:
    value.status === 'awaiting_customer' && value.customerWaitFlag ? value.customerWaitFlag.since : null,
  // What the workflow is still parked on: a wait whose event already happened is over (or being completed).
  workflowWait:
    value.workflowWait && !waitOutcome(value.workflowWait.signal, value)
      ? { signal: value.workflowWait.signal, since: value.workflowWait.since }
      : null,
  workflowFailure: value.workflowFailure ?? null,
  sla: staffSlaView(value, sla, timezone),
  ...staffAftercareView(value, now),
  messages: staffMessagesOf(value, timeline),
  timeline: [...timeline],
});
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
