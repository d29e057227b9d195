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

/** Where customers' evidence files go: S3 with presigned uploads in AWS, a folder locally. */
export interface AttachmentStorage {
  createUpload(request: UploadRequest): Promise<UploadTicket>;
  /** Whether the file was uploaded under this store. Another store's attachment never counts. */
  exists(storeId: string, attachmentId: string): Promise<boolean>;
}
