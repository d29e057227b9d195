import { createHmac, timingSafeEqual } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { assertValidAttachmentKey } from '../functions/adapters/attachments/attachment-key.js';
import { isValidAttachmentKey, UPLOAD_URL_SECONDS } from '../functions/domain/attachment-rules.js';
import {
  ForbiddenError,
  GoneError,
  NotFoundError,
  PayloadTooLargeError,
  ValidationError,
} from '../functions/domain/errors.js';
import type {
  AttachmentStorage,
  DownloadTicket,
  StoredFile,
  UploadRequest,
  UploadTicket,
} from '../functions/ports/attachment-storage.js';

export interface LocalAttachmentStorageOptions {
  directory: string;
  /** Where the local HTTP server listens, e.g. `http://127.0.0.1:3000`. */
  baseUrl: string;
  /** Key of the upload URLs' HMAC signatures. */
  secret: string;
  /** How long an upload URL stays valid; 15 minutes by default. */
  expiresInSeconds?: number;
  /** How long a staff download URL stays valid; 5 minutes by default. */
  downloadExpiresInSeconds?: number;
  clock?: () => Date;
}

/** What the local HTTP server hands over on `GET /_local/downloads/<storeId>/<attachmentId>?expires=&signature=`. */
export interface LocalDownload {
  storeId: string;
  attachmentId: string;
  expires: number | string;
  signature: string;
}

/** The file a valid download URL reads, with the content type it was uploaded as. */
export interface LocalFile {
  contentType: string;
  body: Buffer;
}

/** What the local HTTP server hands over on `PUT /_local/uploads/<storeId>/<attachmentId>?expires=&signature=`. */
export interface LocalUpload {
  storeId: string;
  attachmentId: string;
  /** Epoch seconds, as in the URL's query. */
  expires: number | string;
  signature: string;
  /** The request's Content-Type header. */
  contentType: string;
  body: Buffer;
}

/** The upload as it was signed, kept next to the file (`<attachmentId>.upload.json`). */
interface UploadRecord {
  storeId: string;
  attachmentId: string;
  contentType: string;
  size: number;
  /** The uploader's name for the file (absent in records written before names were kept). */
  fileName?: string;
  expires: number;
  status: 'pending' | 'uploaded';
  createdAt: string;
  uploadedAt?: string;
}

const SIGNATURE_PATTERN = /^[0-9a-f]{64}$/;
const EPOCH_SECONDS_PATTERN = /^\d{1,12}$/;

const isUploadRecord = (value: unknown): value is UploadRecord => {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    typeof record.storeId === 'string' &&
    typeof record.attachmentId === 'string' &&
    typeof record.contentType === 'string' &&
    typeof record.size === 'number' &&
    typeof record.expires === 'number'
  );
};

/** What an upload URL's signature covers: the file's key, type and size, and the expiry. */
const uploadFields = (record: UploadRecord, expires: number) =>
  ['upload', record.storeId, record.attachmentId, record.contentType, record.size, expires] as const;

/** What a download URL's signature covers: the file's key and the expiry. */
const downloadFields = (storeId: string, attachmentId: string, expires: number) =>
  ['download', storeId, attachmentId, expires] as const;

const normalizeContentType = (value: string): string => value.trim().toLowerCase();

/** The notification S3 sends of a new object (`s3:ObjectCreated:Put`), with what the handler reads of it. */
export interface LocalObjectCreated {
  Records: Array<{
    eventSource: 'aws:s3';
    eventName: 'ObjectCreated:Put';
    eventTime: string;
    s3: { bucket: { name: string }; object: { key: string; size: number } };
  }>;
}

/** Receives the bucket's notifications: the local stack passes the declared function (`UPLOAD_REPORTS`). */
export type ObjectCreatedListener = (event: LocalObjectCreated) => Promise<unknown>;

/**
 * The local stand-in for S3 presigned uploads: files in a folder (`<directory>/<storeId>/<attachmentId>`), uploaded
 * through the local server with a URL signed by HMAC-SHA256 over the store, the attachment, the content type, the size
 * and the expiry. Like S3, the upload is refused when the signature does not match, when the URL has expired, or when
 * the file's type or size differs from the signed ones.
 */
export class LocalAttachmentStorage implements AttachmentStorage {
  private readonly directory: string;
  private readonly baseUrl: string;
  private readonly secret: string;
  private readonly expiresInSeconds: number;
  private readonly downloadExpiresInSeconds: number;
  private readonly clock: () => Date;
  private listener: ObjectCreatedListener | undefined;

  constructor(options: LocalAttachmentStorageOptions) {
    if (options.secret === '') throw new Error('LocalAttachmentStorage needs a non-empty secret');
    this.directory = options.directory;
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.secret = options.secret;
    this.expiresInSeconds = options.expiresInSeconds ?? UPLOAD_URL_SECONDS;
    this.downloadExpiresInSeconds = options.downloadExpiresInSeconds ?? 300;
    this.clock = options.clock ?? (() => new Date());
  }

  async createUpload(request: UploadRequest): Promise<UploadTicket> {
    const { storeId, attachmentId, size } = request;
    assertValidAttachmentKey(storeId, attachmentId);
    if (!Number.isSafeInteger(size) || size < 0) {
      throw new ValidationError('Invalid size', {
        details: [{ path: 'size', message: 'Must be a whole number of bytes' }],
      });
    }
    const now = this.clock();
    const expires = Math.floor(now.getTime() / 1000) + this.expiresInSeconds;
    const contentType = normalizeContentType(request.contentType);
    const record: UploadRecord = {
      storeId,
      attachmentId,
      contentType,
      size,
      fileName: request.fileName,
      expires,
      status: 'pending',
      createdAt: now.toISOString(),
    };
    await mkdir(join(this.directory, storeId), { recursive: true });
    await this.writeRecord(record);

    const signature = this.sign(uploadFields(record, expires));
    const query = new URLSearchParams({ expires: String(expires), signature });
    return {
      uploadUrl: `${this.baseUrl}/_local/uploads/${storeId}/${attachmentId}?${query.toString()}`,
      uploadHeaders: { 'content-type': contentType },
      expiresAt: new Date(expires * 1000).toISOString(),
    };
  }

  /**
   * Checks an upload against its signed URL and stores the file. In order: an unknown upload or a wrong signature is
   * `ForbiddenError`, an expired URL `GoneError`, another content type `ValidationError`, a larger body
   * `PayloadTooLargeError`, a smaller one `ValidationError`.
   */
  async acceptUpload(upload: LocalUpload): Promise<void> {
    const { storeId, attachmentId, body } = upload;
    const forbidden = new ForbiddenError('The upload URL is not valid');
    const expiresText = String(upload.expires);
    if (!isValidAttachmentKey(storeId, attachmentId) || !EPOCH_SECONDS_PATTERN.test(expiresText)) throw forbidden;
    const expires = Number(expiresText);

    const record = await this.readRecord(storeId, attachmentId);
    if (!record || !this.verify(uploadFields(record, expires), upload.signature)) throw forbidden;

    if (this.clock().getTime() >= expires * 1000) throw new GoneError('The upload URL has expired');

    if (normalizeContentType(upload.contentType) !== record.contentType) {
      throw new ValidationError('The file does not have the content type it was announced with', {
        details: [{ path: 'content-type', message: `Expected ${record.contentType}` }],
      });
    }
    if (body.length > record.size) {
      throw new PayloadTooLargeError(`The file is larger than the announced ${record.size} bytes`);
    }
    if (body.length < record.size) {
      throw new ValidationError('The file is smaller than announced', {
        details: [{ path: 'content-length', message: `Expected ${record.size} bytes, got ${body.length}` }],
      });
    }

    const file = this.filePath(storeId, attachmentId);
    await writeFile(`${file}.partial`, body);
    await rename(`${file}.partial`, file);
    await this.writeRecord({ ...record, status: 'uploaded', uploadedAt: this.clock().toISOString() });
    await this.notifyCreated(storeId, attachmentId, body.length);
  }

  /** Where the notification of each stored file goes, as S3 sends it to the function subscribed to the bucket. */
  onObjectCreated(listener: ObjectCreatedListener): void {
    this.listener = listener;
  }

  /**
   * S3 notifies asynchronously, after the PUT's answer; here the notification is delivered before the upload answers,
   * so a client (or test) that attaches the file next finds it reported. A failed delivery is the listener's to log:
   * the upload itself stands, as in S3 (which retries the function twice).
   */
  private async notifyCreated(storeId: string, attachmentId: string, size: number): Promise<void> {
    if (!this.listener) return;
    const key = ['attachments', storeId, attachmentId].map(encodeURIComponent).join('/');
    await this.listener({
      Records: [
        {
          eventSource: 'aws:s3',
          eventName: 'ObjectCreated:Put',
          eventTime: this.clock().toISOString(),
          s3: { bucket: { name: 'local-attachments' }, object: { key, size } },
        },
      ],
    }).catch(() => undefined);
  }

  /**
   * The size the upload of this attachment was signed for; undefined when there is none. The local server reads at most
   * one byte more than this, so a larger body is refused (413) without being held in memory.
   */
  async signedSize(storeId: string, attachmentId: string): Promise<number | undefined> {
    if (!isValidAttachmentKey(storeId, attachmentId)) return undefined;
    return (await this.readRecord(storeId, attachmentId))?.size;
  }

  async exists(storeId: string, attachmentId: string): Promise<boolean> {
    if (!isValidAttachmentKey(storeId, attachmentId)) return false;
    try {
      return (await stat(this.filePath(storeId, attachmentId))).isFile();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw error;
    }
  }

  async describe(storeId: string, attachmentId: string): Promise<StoredFile | undefined> {
    if (!(await this.exists(storeId, attachmentId))) return undefined;
    const record = await this.readRecord(storeId, attachmentId);
    if (record?.status !== 'uploaded') return undefined;
    return {
      contentType: record.contentType,
      size: record.size,
      ...(typeof record.fileName === 'string' ? { fileName: record.fileName } : {}),
    };
  }

  /** A URL of the local server, signed like an upload URL but for reading (`download`), valid a few minutes. */
  async createDownload(storeId: string, attachmentId: string): Promise<DownloadTicket> {
    assertValidAttachmentKey(storeId, attachmentId);
    const expires = Math.floor(this.clock().getTime() / 1000) + this.downloadExpiresInSeconds;
    const query = new URLSearchParams({
      expires: String(expires),
      signature: this.sign(downloadFields(storeId, attachmentId, expires)),
    });
    return {
      downloadUrl: `${this.baseUrl}/_local/downloads/${storeId}/${attachmentId}?${query.toString()}`,
      expiresAt: new Date(expires * 1000).toISOString(),
    };
  }

  /**
   * The file a download URL names, checked like a presigned S3 GET: a wrong signature (or another store's path) is
   * `ForbiddenError`, an expired URL `GoneError`, a file never uploaded `NotFoundError`.
   */
  async readDownload(download: LocalDownload): Promise<LocalFile> {
    const { storeId, attachmentId } = download;
    const forbidden = new ForbiddenError('The download URL is not valid');
    const expiresText = String(download.expires);
    if (!isValidAttachmentKey(storeId, attachmentId) || !EPOCH_SECONDS_PATTERN.test(expiresText)) throw forbidden;
    const expires = Number(expiresText);
    if (!this.verify(downloadFields(storeId, attachmentId, expires), download.signature)) throw forbidden;
    if (this.clock().getTime() >= expires * 1000) throw new GoneError('The download URL has expired');
    const record = await this.readRecord(storeId, attachmentId);
    if (record?.status !== 'uploaded' || !(await this.exists(storeId, attachmentId))) {
      throw new NotFoundError('No such file');
    }
    return { contentType: record.contentType, body: await readFile(this.filePath(storeId, attachmentId)) };
  }

  /** HMAC-SHA256 over the fields as a JSON array, which keeps them apart: no value can shift into its neighbour. */
  private sign(fields: ReadonlyArray<string | number>): string {
    return createHmac('sha256', this.secret).update(JSON.stringify(fields), 'utf8').digest('hex');
  }

  private verify(fields: ReadonlyArray<string | number>, signature: string): boolean {
    if (!SIGNATURE_PATTERN.test(signature)) return false;
    return timingSafeEqual(Buffer.from(this.sign(fields), 'hex'), Buffer.from(signature, 'hex'));
  }

  private filePath(storeId: string, attachmentId: string): string {
    return join(this.directory, storeId, attachmentId);
  }

  private recordPath(storeId: string, attachmentId: string): string {
    return join(this.directory, storeId, `${attachmentId}.upload.json`);
  }

  private async writeRecord(record: UploadRecord): Promise<void> {
    const path = this.recordPath(record.storeId, record.attachmentId);
    await writeFile(`${path}.partial`, `${JSON.stringify(record, null, 2)}\n`, 'utf8');
    await rename(`${path}.partial`, path);
  }

  private async readRecord(storeId: string, attachmentId: string): Promise<UploadRecord | undefined> {
    try {
      const parsed: unknown = JSON.parse(await readFile(this.recordPath(storeId, attachmentId), 'utf8'));
      return isUploadRecord(parsed) ? parsed : undefined;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }
}
