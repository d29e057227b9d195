import { isValidAttachmentKey } from '../../domain/attachment-rules.js';
import { ValidationError } from '../../domain/errors.js';

/** Before signing a URL for it (S3 or local): the attachment id must be one of this store's. */
export const assertValidAttachmentKey = (storeId: string, attachmentId: string): void => {
  if (!isValidAttachmentKey(storeId, attachmentId)) {
    throw new ValidationError('Invalid attachment key', {
      details: [{ path: 'attachmentId', message: 'Not a valid attachment id for this store' }],
    });
  }
};
