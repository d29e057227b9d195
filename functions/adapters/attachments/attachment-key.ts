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

/** Where an attachment lives in the bucket (the IAM grants and the bucket's notification cover this prefix). */
export const attachmentObjectKey = (storeId: string, attachmentId: string): string =>
  `attachments/${storeId}/${attachmentId}`;

/** The store and attachment an object key names, as S3's notification sends it (URL-encoded); undefined for any other. */
export const attachmentOfObjectKey = (encodedKey: string): { storeId: string; attachmentId: string } | undefined => {
  let key: string;
  try {
    key = decodeURIComponent(encodedKey.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
  const [prefix, storeId = '', attachmentId = '', ...rest] = key.split('/');
  if (prefix !== 'attachments' || rest.length > 0 || !isValidAttachmentKey(storeId, attachmentId)) return undefined;
  return { storeId, attachmentId };
};
