export interface UploadRequest {
  storeId: string;
  attachmentId: string;
  contentType: string;
  size: number;
  /** The uploader's name for the file (already `keptFileName`), stored with it and read back by `describe`. */
  fileName: string;
}

export interface UploadTicket {
  uploadUrl: string;
  /** Headers the client must send with the upload (the signature covers them). */
  uploadHeaders: Record<string, string>;
  expiresAt: string;
}

/** What storage knows of an uploaded file. */
export interface StoredFile {
  contentType: string;
  size: number;
  /** The name given at upload; absent for a file uploaded before names were kept. */
  fileName?: string;
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
  /** The uploaded file's type and size; undefined when it was never uploaded under this store. */
  describe(storeId: string, attachmentId: string): Promise<StoredFile | undefined>;
  /**
   * A short-lived URL to read the file (minutes, for staff of the store). The key is `<storeId>/<attachmentId>`, so
   * the URL can only ever reach this store's file; whether the caller may see it is decided before (case access).
   */
  createDownload(storeId: string, attachmentId: string): Promise<DownloadTicket>;
}
