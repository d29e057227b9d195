import { S3Client } from '@aws-sdk/client-s3';
import { S3AttachmentStorage } from '../../adapters/attachments/s3-attachment-storage.js';
import { requiredVariable } from '../../commons/config.js';
import { ATTACHMENTS_ENV, type AttachmentStorage } from './capability.js';

/** The process's one client of the service, made on the first call. */
let client: S3Client | undefined;

export const awsAttachments = (): AttachmentStorage =>
  new S3AttachmentStorage({ client: (client ??= new S3Client({})), bucket: requiredVariable(ATTACHMENTS_ENV.bucket) });
