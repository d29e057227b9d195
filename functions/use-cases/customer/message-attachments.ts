import type { Dependencies } from '../../commons/dependencies.js';
import type { Case } from '../../domain/case.js';
import { ValidationError } from '../../domain/errors.js';
import type { PlannedChange } from '../apply-case-action.js';

/**
 * Files sent with a customer's message follow the intake's rules: uploaded through `POST /v1/attachments` under the
 * same store (another store's id is as unknown as a made-up one). Every missing one is named (`attachments.<i>`), and
 * nothing is written when one is.
 */
export const checkMessageAttachments = async (
  { attachments }: Pick<Dependencies, 'attachments'>,
  storeId: string,
  attachmentIds: readonly string[],
): Promise<void> => {
  const uploaded = await Promise.all(attachmentIds.map((attachmentId) => attachments.exists(storeId, attachmentId)));
  const details = uploaded.flatMap((found, index) =>
    found ? [] : [{ path: `attachments.${index}`, message: 'No uploaded attachment with this id in this store' }],
  );
  if (details.length > 0) throw new ValidationError('Unknown attachments', { details });
};

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
