import type { Dependencies } from '../commons/dependencies.js';
import { keptFileName, type AttachmentFile } from '../domain/attachment-file.js';
import { UndeclaredCapabilityError, ValidationError, type ErrorDetail } from '../domain/errors.js';
import { AttachmentInUseError } from '../ports/case-store.js';

/**
 * The rule for files sent with a case (intake) or a customer's message: each uploaded through `POST /v1/attachments`
 * under the same store (another store's id is as unknown as a made-up one), each listed once. Every offending one is
 * named (`attachments.<i>`) in one 400, before anything is written. That a file is not already another case's is
 * enforced by the write itself (a claim in its transaction, see `attachmentsInUse`). Returns what each file is (the
 * name given at upload, type, size), in the request's order, for the write to keep beside the ids.
 */
export const checkAttachments = async (
  { attachments }: Partial<Pick<Dependencies, 'attachments'>>,
  storeId: string,
  attachmentIds: readonly string[],
): Promise<AttachmentFile[]> => {
  if (attachmentIds.length === 0) return [];
  if (!attachments) throw new UndeclaredCapabilityError('attachments');
  const firsts = attachmentIds.map((attachmentId, index) => attachmentIds.indexOf(attachmentId) === index);
  const uploaded = await Promise.all(
    attachmentIds.map((attachmentId, index) =>
      firsts[index] ? attachments.describe(storeId, attachmentId) : Promise.resolve(undefined),
    ),
  );
  const details: ErrorDetail[] = attachmentIds.flatMap((_, index) => {
    if (!firsts[index]) return [{ path: `attachments.${index}`, message: 'Listed more than once' }];
    if (!uploaded[index]) {
      return [{ path: `attachments.${index}`, message: 'No uploaded attachment with this id in this store' }];
    }
    return [];
  });
  if (details.length > 0) throw new ValidationError('Unknown attachments', { details });
  return attachmentIds.flatMap((attachmentId, index) => {
    const file = uploaded[index];
    return file
      ? [
          {
            attachmentId,
            // A file uploaded before names were kept is named by its id.
            fileName: keptFileName(file.fileName ?? attachmentId),
            contentType: file.contentType,
            size: file.size,
          },
        ]
      : [];
  });
};

/** A write refused because files are already another case's: the 400 naming each where the request listed it. */
export const attachmentsInUse = (error: AttachmentInUseError, attachmentIds: readonly string[]): ValidationError =>
  new ValidationError('Attachments already on another case', {
    cause: error,
    details: attachmentIds.flatMap((attachmentId, index) =>
      error.attachmentIds.includes(attachmentId)
        ? [{ path: `attachments.${index}`, message: 'Already attached to another case' }]
        : [],
    ),
  });

/** Runs a write, turning `AttachmentInUseError` into the 400 naming the request's files. */
export const claimingAttachments = async <T>(attachmentIds: readonly string[], write: () => Promise<T>): Promise<T> => {
  try {
    return await write();
  } catch (error) {
    if (error instanceof AttachmentInUseError) throw attachmentsInUse(error, attachmentIds);
    throw error;
  }
};
