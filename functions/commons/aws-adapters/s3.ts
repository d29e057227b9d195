import { S3Client } from '@aws-sdk/client-s3';
import { S3AttachmentStorage } from '../../adapters/attachments/s3-attachment-storage.js';
import type { AttachmentStorage } from '../../ports/attachment-storage.js';
import { attachmentsBucketFromEnv } from '../config.js';

/** The process's one client of the service (this module is loaded once, on the first call). */
const client = new S3Client({});

export const createAttachmentStorage = (): AttachmentStorage =>
  new S3AttachmentStorage({ client, bucket: attachmentsBucketFromEnv() });
