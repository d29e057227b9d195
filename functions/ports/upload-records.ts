import type { StoredFile } from './attachment-storage.js';

/**
 * What is known of an attachment id's upload: `uploaded` under this store (with the file S3 reported), `elsewhere`
 * (uploaded under another store: as unknown to this one as a made-up id), or `unreported` (S3 has reported no upload
 * of it: never uploaded, or its notification has not arrived yet).
 */
export type UploadState = { state: 'uploaded'; file: StoredFile } | { state: 'elsewhere' } | { state: 'unreported' };

/** A file S3 reported under `attachments/<storeId>/<attachmentId>`. */
export interface ReportedUpload extends StoredFile {
  storeId: string;
  attachmentId: string;
  /** When the notification was recorded. */
  reportedAt: string;
}

/**
 * The uploads S3 has reported (its `ObjectCreated` notifications), kept in DynamoDB so a request that attaches a file
 * reads one item instead of asking S3 (whose client is a sixth of a bundle).
 */
export interface UploadRecords {
  /** The upload of this id as this store sees it. */
  find(storeId: string, attachmentId: string): Promise<UploadState>;
  /** Keeps a reported upload; a repeated notification (S3 delivers at least once) writes the same facts again. */
  record(upload: ReportedUpload): Promise<void>;
}

/** The partition keys of upload records (items of the cases table) begin with it; IAM holds `uploads` to them. */
export const UPLOAD_KEY_PREFIX = 'UPLOAD#';
