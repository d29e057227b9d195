import type { Dependencies } from '../../commons/dependencies.js';
import { assertCaseAccess } from '../../domain/case-access.js';
import { NotFoundError } from '../../domain/errors.js';
import type { StaffUser } from '../../domain/staff.js';
import { findCase } from '../find-case.js';

export interface CaseAttachmentDownload {
  attachmentId: string;
  contentType: string;
  size: number;
  downloadUrl: string;
  expiresAt: string;
}

/**
 * A short-lived download URL for one evidence file of a case (`GET /v1/staff/cases/{caseId}/attachments/{attachmentId}`):
 * - the case access rule of every staff action: another store's case is 404, an agent's case not assigned to them 403;
 * - only a file on the case (filed with it or sent with a customer's message), and only once uploaded: else 404;
 *   the answer names its type and size, so staff know what they download;
 * - the URL reads the file under the case's store only (the storage binds the key to the store).
 */
export const getCaseAttachment = async (
  dependencies: Pick<Dependencies, 'cases' | 'attachments'>,
  user: StaffUser,
  request: { caseId: string; attachmentId: string },
): Promise<CaseAttachmentDownload> => {
  const current = await findCase(dependencies, request.caseId);
  assertCaseAccess(user, current);
  const { attachmentId } = request;
  if (!current.attachments.includes(attachmentId)) throw new NotFoundError('No such attachment on this case');
  const file = await dependencies.attachments.describe(current.storeId, attachmentId);
  if (!file) throw new NotFoundError('The attachment was never uploaded');
  const ticket = await dependencies.attachments.createDownload(current.storeId, attachmentId);
  return { attachmentId, ...file, ...ticket };
};
