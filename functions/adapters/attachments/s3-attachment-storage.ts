import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { isValidAttachmentKey, UPLOAD_URL_SECONDS } from '../../domain/attachment-rules.js';
import { assertValidAttachmentKey, attachmentObjectKey } from './attachment-key.js';
import type {
  AttachmentStorage,
  DownloadTicket,
  StoredFile,
  UploadRequest,
  UploadTicket,
} from '../../ports/attachment-storage.js';

export interface S3AttachmentStorageOptions {
  client: S3Client;
  bucket: string;
  /** How long an upload URL stays valid; 15 minutes by default. */
  expiresInSeconds?: number;
  /** How long a staff download URL stays valid; 5 minutes by default. */
  downloadExpiresInSeconds?: number;
}

const DEFAULT_DOWNLOAD_SECONDS = 300;

/** The uploader's file name, kept as the object's user metadata (`x-amz-meta-file-name`), percent-encoded. */
const FILE_NAME_METADATA = 'file-name';

/** The name as stored; a value that is not valid percent-encoding (not written by this adapter) is left out. */
const decodedFileName = (value: string | undefined): string | undefined => {
  if (value === undefined) return undefined;
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
};

/**
 * The SDK adds a CRC32 of the (still empty) body to every PutObject by default; baked into a presigned URL it would
 * make S3 refuse the real file. A presigned upload carries no checksum, so these headers are dropped before signing
 * (after the checksum middleware of the build step, whatever the client's `requestChecksumCalculation`).
 */
const withoutChecksumHeaders = (command: PutObjectCommand): PutObjectCommand => {
  command.middlewareStack.add(
    (next) => async (args) => {
      const headers = (args.request as { headers?: Record<string, string> }).headers ?? {};
      for (const header of Object.keys(headers)) {
        const name = header.toLowerCase();
        if (name.startsWith('x-amz-checksum-') || name === 'x-amz-sdk-checksum-algorithm') delete headers[header];
      }
      return next(args);
    },
    { step: 'build', priority: 'low', name: 'dropPresignedChecksumHeaders' },
  );
  return command;
};

const isNotFound = (error: unknown): boolean => {
  if (typeof error !== 'object' || error === null) return false;
  const { name, $metadata } = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return name === 'NotFound' || name === 'NoSuchKey' || $metadata?.httpStatusCode === 404;
};

/**
 * The functions may read objects under the prefix but not list the bucket, so S3 answers HeadObject of a missing
 * object with 403, not 404 (it does not tell a caller who may not list whether a key exists).
 */
const isMissingOrUnlisted = (error: unknown): boolean =>
  isNotFound(error) ||
  (typeof error === 'object' &&
    error !== null &&
    (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 403);

/**
 * Evidence files in S3 under `attachments/<storeId>/<attachmentId>`, uploaded by the customer's browser straight to S3
 * with a presigned PUT. The signature covers `content-type` and `content-length`, so S3 itself refuses a file of
 * another type or size than the one declared. The functions have no `s3:ListBucket`, so a missing object is a 403
 * to `exists` / `describe`, read as absent.
 */
export class S3AttachmentStorage implements AttachmentStorage {
  private readonly client: S3Client;
  private readonly bucket: string;
  private readonly expiresInSeconds: number;
  private readonly downloadExpiresInSeconds: number;

  constructor(options: S3AttachmentStorageOptions) {
    this.client = options.client;
    this.bucket = options.bucket;
    this.expiresInSeconds = options.expiresInSeconds ?? UPLOAD_URL_SECONDS;
    this.downloadExpiresInSeconds = options.downloadExpiresInSeconds ?? DEFAULT_DOWNLOAD_SECONDS;
  }

  async createUpload(request: UploadRequest): Promise<UploadTicket> {
    assertValidAttachmentKey(request.storeId, request.attachmentId);
    const signedAt = new Date();
    const command = withoutChecksumHeaders(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: attachmentObjectKey(request.storeId, request.attachmentId),
        ContentType: request.contentType,
        ContentLength: request.size,
        // User metadata must be ASCII: the name is percent-encoded (`describe` decodes it). The presigner puts it in the
        // URL's signed query (S3 reads `x-amz-meta-*` there), so the client sends no header for it and cannot change it.
        Metadata: { [FILE_NAME_METADATA]: encodeURIComponent(request.fileName) },
      }),
    );
    const uploadUrl = await getSignedUrl(this.client, command, {
      expiresIn: this.expiresInSeconds,
      signingDate: signedAt,
      // The presigner leaves content-type unsigned unless asked; content-length is signed once it is set.
      signableHeaders: new Set(['content-type', 'content-length']),
    });
    return {
      uploadUrl,
      // Content-Length is sent by every HTTP client from the body (browsers forbid setting it); only the type must be set.
      uploadHeaders: { 'content-type': request.contentType },
      expiresAt: new Date(signedAt.getTime() + this.expiresInSeconds * 1000).toISOString(),
    };
  }

  async exists(storeId: string, attachmentId: string): Promise<boolean> {
    return (await this.describe(storeId, attachmentId)) !== undefined;
  }

  async describe(storeId: string, attachmentId: string): Promise<StoredFile | undefined> {
    if (!isValidAttachmentKey(storeId, attachmentId)) return undefined;
    try {
      const head = await this.client.send(
        new HeadObjectCommand({ Bucket: this.bucket, Key: attachmentObjectKey(storeId, attachmentId) }),
      );
      const fileName = decodedFileName(head.Metadata?.[FILE_NAME_METADATA]);
      return {
        contentType: head.ContentType ?? 'application/octet-stream',
        size: head.ContentLength ?? 0,
        ...(fileName !== undefined ? { fileName } : {}),
      };
    } catch (error) {
      if (isMissingOrUnlisted(error)) return undefined;
      throw error;
    }
  }

  /**
   * A presigned GET of `attachments/<storeId>/<attachmentId>`, signed with the function's role (which may read that
   * prefix only). Served as a download (`attachment` disposition), so a browser never renders a file inline from the
   * bucket's origin.
   */
  async createDownload(storeId: string, attachmentId: string): Promise<DownloadTicket> {
    assertValidAttachmentKey(storeId, attachmentId);
    const signedAt = new Date();
    const downloadUrl = await getSignedUrl(
      this.client,
      new GetObjectCommand({
        Bucket: this.bucket,
        Key: attachmentObjectKey(storeId, attachmentId),
        ResponseContentDisposition: `attachment; filename="${attachmentId}"`,
      }),
      { expiresIn: this.downloadExpiresInSeconds, signingDate: signedAt },
    );
    return {
      downloadUrl,
      expiresAt: new Date(signedAt.getTime() + this.downloadExpiresInSeconds * 1000).toISOString(),
    };
  }
}
