import { describe, expect, it } from 'vitest';
import { attachmentObjectKey, attachmentOfObjectKey } from '../../../functions/adapters/attachments/attachment-key.js';
import { newAttachmentId } from '../../../functions/domain/attachment-rules.js';

describe('Function: attachmentOfObjectKey', () => {
  it('reads back the store and attachment of a key, URL-encoded as S3 notifies it', () => {
    // Prepare
    const attachmentId = newAttachmentId();

    // Act
    const plain = attachmentOfObjectKey(attachmentObjectKey('store-a', attachmentId));
    const encoded = attachmentOfObjectKey(`attachments/store%2Da/${attachmentId}`);

    // Assess
    expect(plain).toEqual({ storeId: 'store-a', attachmentId });
    expect(encoded).toEqual({ storeId: 'store-a', attachmentId });
  });

  it.each([
    ['another prefix', `exports/store-a/${newAttachmentId()}`],
    ['a nested key', `attachments/store-a/${newAttachmentId()}/x`],
    ['a key with a dot segment', `attachments/../${newAttachmentId()}`],
    ['an id that is not an attachment id', 'attachments/store-a/photo.png'],
    ['a space in the store (S3 sends +)', `attachments/store+a/${newAttachmentId()}`],
    ['bad percent-encoding', `attachments/store%E0a/${newAttachmentId()}`],
  ])('names no attachment for %s', (_name, key) => {
    // Assess
    expect(attachmentOfObjectKey(key)).toBeUndefined();
  });
});
