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
  attachmentIds: readonly string[],
): PlannedChange => {
  const added = attachmentIds.filter((attachmentId) => !current.attachments.includes(attachmentId));
  assertRoomForMessage(current, added.length);
  return { ...plan, countCustomerMessage: true, ...(added.length > 0 ? { addAttachments: added } : {}) };
};
