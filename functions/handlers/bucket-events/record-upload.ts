import { parse } from 'zod/mini';
import { attachmentOfObjectKey } from '../../adapters/attachments/attachment-key.js';
import { awsAttachments } from '../../capabilities/attachments/aws.js';
import { bucketEventPorts } from '../../capabilities/declared-ports.js';
import { awsUploads } from '../../capabilities/uploads/aws.js';
import { errorName, logger } from '../../commons/logger.js';
import { bucketEventSchema } from '../../schemas/bucket-events.js';
import { recordUpload } from '../../use-cases/record-upload.js';

const ports = bucketEventPorts('recordUpload', { attachments: awsAttachments, uploads: awsUploads });

/**
 * The attachments bucket's `ObjectCreated` notification (`UPLOAD_REPORTS`): records each uploaded file. A key that
 * names no attachment is logged and skipped; a failure throws, so Lambda's asynchronous retries deliver it again.
 */
export const handler = async (event: unknown): Promise<void> => {
  const { Records } = parse(bucketEventSchema, event);
  const dependencies = await ports.get();
  for (const record of Records) {
    logger.resetKeys();
    const attachment = attachmentOfObjectKey(record.s3.object.key);
    if (!attachment) {
      logger.warn('Not an attachment key; nothing recorded', { eventName: record.eventName });
      continue;
    }
    logger.appendKeys({ bucketEvent: 'recordUpload', attachmentId: attachment.attachmentId });
    try {
      logger.info('Upload reported', { outcome: await recordUpload(dependencies, attachment) });
    } catch (error) {
      logger.warn('Recording the upload failed', { errorName: errorName(error) });
      throw error;
    }
  }
};
