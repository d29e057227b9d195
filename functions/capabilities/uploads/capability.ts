import type { ReportedUpload, UploadRecords, UploadState } from '../../ports/upload-records.js';

export type { ReportedUpload, UploadRecords, UploadState };
export { UPLOAD_KEY_PREFIX } from '../../ports/upload-records.js';

/**
 * In a declaration: `read` checks that files were uploaded (the records S3's notifications left); `record` writes those
 * records (the notification's function only). The records are items of the cases table under `UPLOAD#` keys only.
 */
export interface UploadsCapability {
  uploads?: 'read' | 'record';
}

export interface UploadsPort {
  uploads: UploadRecords;
}

/** `uploads: 'read' | 'record'`. Its variable is the cases table's (`CASES_TABLE`). */
export const uploadsGranted = (capabilities: UploadsCapability): boolean => capabilities.uploads !== undefined;
export type GrantedUploads<C> = C extends { uploads: 'read' | 'record' } ? 'uploads' : never;
