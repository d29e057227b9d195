export interface UploadRequest {
  storeId: string;
  attachmentId: string;
  contentType: string;
  size: number;
}

export interface UploadTicket {
  uploadUrl: string;
  /** Headers the client must send with the upload (the signature covers them). */
  uploadHeaders: Record<string, string>;
  expiresAt: string;
}

export interface DownloadTicket {
  downloadUrl: string;
  expiresAt: string;
}

/** Where customers' evidence files go: S3 with presigned uploads in AWS, a folder locally. */
export interface AttachmentStorage {
  createUpload(request: UploadRequest): Promise<UploadTicket>;
  /** Whether the file was uploaded under this store. Another store's attachment never counts. */
  exists(storeId: string, attachmentId: string): Promise<boolean>;
  /**
   * A short-lived URL to read the file (minutes, for staff of the store). The key is `<storeId>/<attachmentId>`, so
   * the URL can only ever reach this store's file; whether the caller may see it is decided before (case access).
   */
  createDownload(storeId: string, attachmentId: string): Promise<DownloadTicket>;
}
