import type { Dependencies } from '../../commons/dependencies.js';
import { isOpenCase, type Case, type CaseStatus } from '../../domain/case.js';
import { durationToSeconds } from '../../domain/duration.js';
import { NotFoundError, StateConflictError, TransientError } from '../../domain/errors.js';
import { DEFAULT_REOPEN_WINDOW, type Store } from '../../domain/store.js';
import type { Actor, TimelineEvent } from '../../domain/timeline.js';
import { timelineEvent } from '../../domain/timeline-events.js';
import { applyReopeningAction, reopenPlan } from '../aftercare/reopen-case.js';
import { applyCaseAction, applyTimedCaseAction } from '../apply-case-action.js';
import { fileCase } from '../file-case.js';
import { findCase } from '../find-case.js';
import { signalWorkflow } from '../workflow/signal-workflow.js';
import type { AttachmentFile } from '../../domain/attachment-file.js';
import { checkAttachments, claimingAttachments } from '../check-attachments.js';
import { IdempotencyKeyTakenError } from '../../ports/case-store.js';
import type { PlannedChange } from '../apply-case-action.js';
import { withCustomerMessage } from './message-attachments.js';
import { messageIdempotency, messageRequestHash, type MessageAnswer } from './message-idempotency.js';

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
  /** The storefront's `Idempotency-Key`: a retry with the same key and message gets the first answer. */
  idempotencyKey?: string;
}

/** The message's answer; `replayed` when an earlier request with the same Idempotency-Key gave it. */
export interface PostedMessage extends MessageAnswer {
  replayed: boolean;
}

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
 *   nothing written (see `withCustomerMessage`). A message that files a new case is not counted here;
 * - with an `Idempotency-Key` (intake's records and rules, see `messageIdempotency`), the record is written in the
 *   message's own transaction (the new case's, for a follow-up): a retry with the same key and message gets the
 *   first answer and writes nothing, the same key with anything else is a 409 `idempotency_conflict`.
 */
export const postCustomerMessage = async (
  dependencies: Pick<Dependencies, 'cases' | 'stores' | 'agents' | 'workflow' | 'uploads' | 'workQueue' | 'clock'>,
  message: CustomerMessage,
): Promise<PostedMessage> => {
  const current = await findCase(dependencies, message.caseId);
  if (current.storeId !== message.store.storeId) throw new NotFoundError('No such case');
  const attachments = message.attachments ?? [];
  const idempotency = message.idempotencyKey
    ? messageIdempotency(dependencies, {
        storeId: current.storeId,
        caseId: current.caseId,
        idempotencyKey: message.idempotencyKey,
        requestHash: messageRequestHash(message),
      })
    : undefined;
  const earlier = await idempotency?.earlierAnswer();
  if (earlier) return { ...earlier, replayed: true };
  const files = await checkAttachments(dependencies, current.storeId, attachments);
  try {
    const answer = await claimingAttachments(attachments, () =>
      postChecked(dependencies, message, current, files, idempotency?.record),
    );
    return { ...answer, replayed: false };
  } catch (error) {
    if (!(error instanceof IdempotencyKeyTakenError) || !idempotency) throw error;
    // A concurrent request with the same key won the write: its answer is this one's.
    const winner = await idempotency.earlierAnswer();
    if (!winner) throw new TransientError('Idempotency record not readable yet');
    return { ...winner, replayed: true };
  }
};

/** With an Idempotency-Key: the record of the answer, written with the message's own write. */
type Recorder = (answer: MessageAnswer) => NonNullable<PlannedChange['idempotency']>;

const postChecked = async (
  dependencies: Pick<Dependencies, 'cases' | 'stores' | 'agents' | 'workflow' | 'uploads' | 'workQueue' | 'clock'>,
  message: CustomerMessage,
  current: Case,
  files: readonly AttachmentFile[],
  record: Recorder | undefined,
): Promise<MessageAnswer> => {
  const attachments = files.map((file) => file.attachmentId);
  const recorded = (planned: PlannedChange, reopened: boolean): PlannedChange =>
    record
      ? { ...planned, idempotency: record({ eventId: planned.event.eventId, at: planned.event.at, reopened }) }
      : planned;
  const now = dependencies.clock.now();
  const customer: Actor = { kind: 'customer', id: current.customer.id };
  const messageEvent = (on: Case) =>
    timelineEvent(on.caseId, dependencies.clock.now(), 'customer_message', customer, {
      details: { body: message.body, ...(attachments.length > 0 ? { attachments } : {}) },
    });
  if (current.status === 'resolved' && withinReopenWindow(current, message.store, now)) {
    const { event, before, after } = await applyReopeningAction(dependencies, message.caseId, (latest, toAgent) => {
      if (latest.status !== 'resolved') {
        return recorded(
          withCustomerMessage(latest, plainMessage(latest, messageEvent(latest), customer), files),
          false,
        );
      }
      return recorded(
        withCustomerMessage(
          latest,
          reopenPlan(
            latest,
            { reason: 'customer_message', actor: customer, event: messageEvent(latest), now: dependencies.clock.now() },
            { toAgent },
          ),
          files,
        ),
        true,
      );
    });
    return { eventId: event.eventId, at: event.at, reopened: after.round !== before.round };
  }
  if (current.status === 'resolved' || current.status === 'closed') {
    return fileFollowUp(dependencies, message, current, customer, attachments, record);
  }
  const { after, event } = await applyTimedCaseAction(dependencies, message.caseId, (latest) =>
    recorded(withCustomerMessage(latest, plainMessage(latest, messageEvent(latest), customer), files), false),
  );
  await signalWorkflow(dependencies, after.caseId);
  return { eventId: event.eventId, at: event.at, reopened: false };
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

/**
 * A new case for a message on a finished one: the old case's order, customer and type, the message as description.
 * With an Idempotency-Key, the record goes into the new case's transaction, so a retry never files a second one.
 */
const fileFollowUp = async (
  dependencies: Pick<Dependencies, 'cases' | 'workflow' | 'uploads' | 'clock'>,
  message: CustomerMessage,
  current: Case,
  customer: Actor,
  attachments: readonly string[],
  record: Recorder | undefined,
): Promise<MessageAnswer> => {
  let followUpEvent: TimelineEvent | undefined;
  // One event, made once the new case is known: the record answers with it, the old case's write stores it.
  const followUpEventOf = (filed: Case): TimelineEvent =>
    (followUpEvent ??= timelineEvent(current.caseId, dependencies.clock.now(), 'follow_up_filed', customer, {
      details: { caseId: filed.caseId, caseNumber: filed.caseNumber },
    }));
  const summaryOf = ({ caseId, caseNumber, status, createdAt }: Case) => ({ caseId, caseNumber, status, createdAt });
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
    ...(record
      ? {
          messageRecord: (created: Case) => {
            const event = followUpEventOf(created);
            return record({ eventId: event.eventId, at: event.at, reopened: false, followUpCase: summaryOf(created) });
          },
        }
      : {}),
  });
  const { event } = await applyCaseAction(dependencies, current.caseId, (latest) => {
    if (isOpenCase(latest.status)) throw new StateConflictError('The case was reopened meanwhile');
    return { event: followUpEventOf(filed) };
  });
  return { eventId: event.eventId, at: event.at, reopened: false, followUpCase: summaryOf(filed) };
};
