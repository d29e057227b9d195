import type { Capabilities } from './capabilities.js';

/**
 * Functions run by the attachments bucket's notifications, declared once. The CDK stack subscribes each to the
 * bucket's events under its prefix (S3 invokes it asynchronously, retrying a failed invocation twice); the local
 * attachment storage sends the same event to the same handler module once it has stored a file.
 */
export interface BucketEventDeclaration {
  /** Stable name: the Lambda function's id. */
  name: string;
  /** Handler module under `functions/handlers/bucket-events/`, without extension; it exports `handler`. */
  handler: string;
  /** The S3 events it receives (`s3:ObjectCreated:*`: a PUT of a presigned URL, or a copy). */
  events: 'objectCreated';
  /** Object keys it receives, by prefix. */
  prefix: string;
  summary: string;
  capabilities: Capabilities;
}

export const UPLOAD_REPORTS = {
  name: 'recordUpload',
  handler: 'record-upload',
  events: 'objectCreated',
  prefix: 'attachments/',
  summary: "Records each uploaded evidence file (store, type, size, name) from the bucket's notification.",
  // Reads the object's type and name (HeadObject: not in the notification), writes only `UPLOAD#` records.
  capabilities: { attachments: 'read', uploads: 'record' },
} as const satisfies BucketEventDeclaration;

/** Each bucket event function as written, its capabilities as literal types (`GrantedPorts` reads them). */
export type DeclaredBucketEvent = typeof UPLOAD_REPORTS;

export const BUCKET_EVENTS: readonly BucketEventDeclaration[] = [UPLOAD_REPORTS];
