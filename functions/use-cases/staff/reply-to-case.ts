import type { Dependencies } from '../../commons/dependencies.js';
import { HANDLED_STATUSES } from '../../domain/case.js';
import { assertCaseAccess } from '../../domain/case-access.js';
import { StateConflictError } from '../../domain/errors.js';
import type { StaffUser } from '../../domain/staff.js';
import type { TimelineEvent } from '../../domain/timeline.js';
import { timelineEvent } from '../../domain/timeline-events.js';
import { outboxItem } from '../../domain/outbox.js';
import { assertRoomForFiles } from '../../domain/case-limits.js';
import { applyTimedCaseAction } from '../apply-case-action.js';
import { checkAttachments, claimingAttachments } from '../check-attachments.js';
import { filesNotOnCase, withFiles } from '../customer/message-attachments.js';
import { findCase } from '../find-case.js';
import { queueOutbox } from '../notifications/outbox.js';
import { signalWorkflow } from '../workflow/signal-workflow.js';
import { staffActor } from './staff-actor.js';

export interface StaffMessage {
  user: StaffUser;
  caseId: string;
  body: string;
  /** Uploaded files sent with the reply (ids from `POST /v1/attachments`); none when absent. */
  attachments?: readonly string[];
}

/**
 * A public reply by staff (`POST /v1/staff/cases/{caseId}/replies`):
 * - only on an assigned case (`assigned`, `in_progress`, `awaiting_customer`); an unassigned `open` case is a 409
 *   (assign it first), a finished one too;
 * - a public `reply_sent` event with the text and the author's display name; the first reply is the first response
 *   (`firstRespondedAt`) and moves `assigned` to `in_progress`; a reply while awaiting the customer keeps that status;
 * - files sent with it (`attachments`) follow the customer message's rules: uploaded under the store, once each, on
 *   no other case (400 naming each, nothing written; `checkAttachments`), 20 files a case at most (409); they are kept
 *   on the event and the case (with their names), and the customer's email lists them by name;
 * - the customer's email of the reply is written with it (an outbox item), then queued, and the workflow's
 *   first-response wait is signalled.
 * Returns the reply's event.
 */
export const replyToCase = async (
  dependencies: Pick<Dependencies, 'cases' | 'stores' | 'workflow' | 'workQueue' | 'clock' | 'uploads'>,
  reply: StaffMessage,
): Promise<TimelineEvent> => {
  const actor = staffActor(reply.user);
  const attachments = reply.attachments ?? [];
  const readable = await findCase(dependencies, reply.caseId);
  // Access first: the files of a case one may not reply on are not looked at.
  assertCaseAccess(reply.user, readable);
  const files = await checkAttachments(dependencies, readable.storeId, attachments);
  const { after, event, outbox } = await claimingAttachments(attachments, () =>
    applyTimedCaseAction(dependencies, reply.caseId, (current) => {
      assertCaseAccess(reply.user, current);
      if (current.status === 'open' && !current.assignee) {
        throw new StateConflictError('The case is not assigned yet: assign it first');
      }
      if (!HANDLED_STATUSES.includes(current.status)) {
        throw new StateConflictError(`A ${current.status} case takes no replies`);
      }
      const now = dependencies.clock.now();
      const starts = current.status === 'assigned';
      const added = filesNotOnCase(current, files);
      assertRoomForFiles(current, added.length);
      const event = timelineEvent(current.caseId, now, 'reply_sent', actor, {
        details: { body: reply.body, authorName: reply.user.name, ...(attachments.length > 0 ? { attachments } : {}) },
      });
      return {
        ...withFiles(added),
        event,
        followUps: starts
          ? [timelineEvent(current.caseId, now, 'status_changed', actor, { from: 'assigned', to: 'in_progress' })]
          : [],
        set: {
          updatedAt: now.toISOString(),
          ...(current.firstRespondedAt ? {} : { firstRespondedAt: now.toISOString() }),
          ...(starts ? { status: 'in_progress' as const } : {}),
        },
        outbox: [
          outboxItem(
            {
              kind: 'reply',
              replyEventId: event.eventId,
              body: reply.body,
              authorName: reply.user.name,
              ...(files.length > 0 ? { fileNames: files.map((file) => file.fileName) } : {}),
            },
            now.toISOString(),
          ),
        ],
      };
    }),
  );
  await queueOutbox(dependencies, after.caseId, outbox);
  await signalWorkflow(dependencies, after.caseId);
  return event;
};
