import type { Case } from '../../domain/case.js';
import type { PlannedChange } from '../apply-case-action.js';

/**
 * The case keeps every file it was sent (intake first, then messages in order), so staff can download each. The new
 * ids are appended by the write itself (`addAttachments`), so concurrent messages never drop each other's files.
 */
export const withMessageAttachments = (
  current: Case,
  plan: PlannedChange,
  attachmentIds: readonly string[],
): PlannedChange => {
  const added = [...new Set(attachmentIds)].filter((attachmentId) => !current.attachments.includes(attachmentId));
  if (added.length === 0) return plan;
  return { ...plan, addAttachments: added };
};
