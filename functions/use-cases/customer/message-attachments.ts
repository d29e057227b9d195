import type { AttachmentFile } from '../../domain/attachment-file.js';
import type { Case } from '../../domain/case.js';
import { assertRoomForMessage } from '../../domain/case-limits.js';
import type { PlannedChange } from '../apply-case-action.js';

/**
 * A customer message's change, counted against the case's limits (409 `case_limit_reached` past 100 messages or 20
 * files; the write re-checks both). The case keeps every file it was sent (intake first, then messages in order), so
 * staff can download each: the new ids are appended by the write itself (`addAttachments`), so concurrent messages
 * never drop each other's files.
 */
export const withCustomerMessage = (
  current: Case,
  plan: PlannedChange,
  files: readonly AttachmentFile[],
): PlannedChange => {
  const added = filesNotOnCase(current, files);
  assertRoomForMessage(current, added.length);
  // The message is the customer's latest activity: kept in the message's own write (the console's queue shows it).
  return {
    ...plan,
    set: { ...plan.set, lastCustomerActivityAt: plan.event.at },
    countCustomerMessage: true,
    ...withFiles(added),
  };
};

/** Of the files sent, those the case does not hold yet (a retry read after its own write leaves them out). */
export const filesNotOnCase = (current: Case, files: readonly AttachmentFile[]): AttachmentFile[] =>
  files.filter((file) => !current.attachments.includes(file.attachmentId));

/** The change's part that appends files: their ids, and what each is. */
export const withFiles = (
  added: readonly AttachmentFile[],
): Pick<PlannedChange, 'addAttachments' | 'addAttachmentFiles'> =>
  added.length > 0 ? { addAttachments: added.map((file) => file.attachmentId), addAttachmentFiles: [...added] } : {};
