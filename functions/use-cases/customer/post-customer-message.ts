import type { Dependencies } from '../../commons/dependencies.js';
import { isOpenCase, type Case, type CaseStatus } from '../../domain/case.js';
import { durationToSeconds } from '../../domain/duration.js';
import { NotFoundError, StateConflictError } from '../../domain/errors.js';
import { DEFAULT_REOPEN_WINDOW, type Store } from '../../domain/store.js';
import type { Actor, TimelineEvent } from '../../domain/timeline.js';
import { timelineEvent } from '../../domain/timeline-events.js';
import { applyReopeningAction, reopenPlan } from '../aftercare/reopen-case.js';
import { applyCaseAction, applyTimedCaseAction } from '../apply-case-action.js';
import { fileCase } from '../file-case.js';
import { findCase } from '../find-case.js';
import { signalWorkflow } from '../workflow/signal-workflow.js';
import { checkAttachments, claimingAttachments } from '../check-attachments.js';
import { withCustomerMessage } from './message-attachments.js';

/** A customer may write while the case is under review or being handled (and on a finished one, see below). */
export const MESSAGE_STATUSES: readonly CaseStatus[] = [
  'pending_review',
  'open',
  'assigned',
  'in_progress',
  'awaiting_customer',
];

export interface CustomerMessage {
  store: Store;
  caseId: string;
  body: string;
  /** Uploaded files sent with the message (ids from `POST /v1/attachments`); none when absent. */
  attachments?: readonly string[];
}

export type PostedMessage =
  | { kind: 'posted'; event: TimelineEvent; reopened: boolean }
  /** Past the reopen window or on a closed case: the message filed a new case, linked to the old one. */
  | { kind: 'follow_up_filed'; event: TimelineEvent; followUp: Case };

/** Whether a message now still reopens the resolved case rather than starting a new one. */
const withinReopenWindow = (current: Case, store: Store, now: Date): boolean =>
  current.status === 'resolved' &&
  current.resolution !== undefined &&
  now.getTime() - Date.parse(current.resolution.resolvedAt) <
    durationToSeconds(store.reopenWindow ?? DEFAULT_REOPEN_WINDOW) * 1000;

/**
 * The customer's message, relayed by their store's storefront (`POST /v1/cases/{caseId}/messages`):
 * - 404 for another store's case; 409 before review (`submitted`, decided within seconds), and on a rejected or
 *   cancelled case (nothing to follow up);
 * - a public `customer_message` event with the text, the customer as its actor;
 * - a case awaiting the customer resumes (`in_progress`, with a `status_changed` event; `open` when no agent holds it
 *   yet, see `requestEvidence`), and the workflow is signalled;
 * - a resolved case within the store's reopen window (`reopenWindow`, 7 days by default) is reopened: back to its
 *   agent with a new resolution clock, its unanswered survey voided (see `reopenPlan`);
 * - after that window, or on a closed case, the message files a new case (same order, items and type; the store's
 *   policy reviews it like any other) linked to the old one, which records a public `follow_up_filed` event;
 * - files sent with it (`attachments`: uploaded under the store, once each, on no other case; else 400 naming each,
 *   see `checkAttachments`) are kept on the message event and added to the case's attachments (or filed with the new
 *   case), so staff can download them;
 * - a case takes at most 100 customer messages and 20 files (intake included): past them 409 `case_limit_reached`,
 *   nothing written (see `withCustomerMessage`). A message that files a new case is not counted here.
 */
export const postCustomerMessage = async (
  dependencies: Dependencies,
  message: CustomerMessage,
): Promise<PostedMessage> => {
  const current = await findCase(dependencies, message.caseId);
  if (current.storeId !== message.store.storeId) throw new NotFoundError('No such case');
  const attachments = message.attachments ?? [];
  await checkAttachments(dependencies, current.storeId, attachments);
  return claimingAttachments(attachments, () => postChecked(dependencies, message, current, attachments));
};

const postChecked = async (
  dependencies: Dependencies,
  message: CustomerMessage,
  current: Case,
  attachments: readonly string[],
): Promise<PostedMessage> => {
  const now = dependencies.clock.now();
  const customer: Actor = { kind: 'customer', id: current.customer.id };
  const messageEvent = (on: Case) =>
    timelineEvent(on.caseId, dependencies.clock.now(), 'customer_message', customer, {
      details: { body: message.body, ...(attachments.length > 0 ? { attachments } : {}) },
    });
  if (current.status === 'resolved' && withinReopenWindow(current, message.store, now)) {
    const { event, before, after } = await applyReopeningAction(dependencies, message.caseId, (latest, toAgent) => {
      if (latest.status !== 'resolved') {
        return withCustomerMessage(latest, plainMessage(latest, messageEvent(latest), customer), attachments);
      }
      return withCustomerMessage(
        latest,
        reopenPlan(
          latest,
          { reason: 'customer_message', actor: customer, event: messageEvent(latest), now: dependencies.clock.now() },
          { toAgent },
        ),
        attachments,
      );
    });
    return { kind: 'posted', event, reopened: after.round !== before.round };
  }
  if (current.status === 'resolved' || current.status === 'closed') {
    return fileFollowUp(dependencies, message, current, customer, attachments);
  }
  const { after, event } = await applyTimedCaseAction(dependencies, message.caseId, (latest) =>
    withCustomerMessage(latest, plainMessage(latest, messageEvent(latest), customer), attachments),
  );
  await signalWorkflow(dependencies, after.caseId);
  return { kind: 'posted', event, reopened: false };
};

const plainMessage = (current: Case, event: TimelineEvent, customer: Actor) => {
  if (!MESSAGE_STATUSES.includes(current.status)) {
    throw new StateConflictError(`A ${current.status} case takes no messages`);
  }
  const resumes = current.status === 'awaiting_customer';
  // Waiting for evidence before any agent had capacity: back to the unassigned queue, not to work nobody holds.
  const resumed = current.assignee ? ('in_progress' as const) : ('open' as const);
  return {
    event,
    followUps: resumes
      ? [
          timelineEvent(current.caseId, new Date(event.at), 'status_changed', customer, {
            from: current.status,
            to: resumed,
          }),
        ]
      : [],
    set: { updatedAt: event.at, ...(resumes ? { status: resumed } : {}) },
  };
};

/** A new case for a message on a finished one: the old case's order, customer and type, the message as description. */
const fileFollowUp = async (
  dependencies: Dependencies,
  message: CustomerMessage,
  current: Case,
  customer: Actor,
  attachments: readonly string[],
): Promise<PostedMessage> => {
  const { filed } = await fileCase(dependencies, {
    store: message.store,
    linkedCaseId: current.caseId,
    request: {
      orderId: current.orderId,
      orderedAt: current.orderedAt,
      ...(current.deliveredAt ? { deliveredAt: current.deliveredAt } : {}),
      customer: current.customer,
      type: current.type,
      items: current.items,
      currency: current.currency,
      description: message.body,
      attachments: [...attachments],
      channel: current.channel,
    },
  });
  const { event } = await applyCaseAction(dependencies, current.caseId, (latest) => {
    if (isOpenCase(latest.status)) throw new StateConflictError('The case was reopened meanwhile');
    return {
      event: timelineEvent(latest.caseId, dependencies.clock.now(), 'follow_up_filed', customer, {
        details: { caseId: filed.caseId, caseNumber: filed.caseNumber },
      }),
    };
  });
  return { kind: 'follow_up_filed', event, followUp: filed };
};
