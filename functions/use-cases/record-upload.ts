import type { Dependencies } from '../commons/dependencies.js';

export type RecordedUpload = 'recorded' | 'gone';

/**
 * What the bucket's notification of a new object does (`recordUpload`):
 * 1. reads the object's type, size and name from storage (the notification carries the size only);
 * 2. keeps them as the upload's record, under the store the key names (`UploadRecords.record`), which requests read
 *    instead of the bucket. An object deleted since is not recorded (`gone`). A repeated notification writes the same
 *    record again.
 */
export const recordUpload = async (
  { attachments, uploads, clock }: Pick<Dependencies, 'attachments' | 'uploads' | 'clock'>,
  { storeId, attachmentId }: { storeId: string; attachmentId: string },
): Promise<RecordedUpload> => {
  const file = await attachments.describe(storeId, attachmentId);
  if (!file) return 'gone';
  await uploads.record({ ...file, storeId, attachmentId, reportedAt: clock.now().toISOString() });
  return 'recorded';
};
