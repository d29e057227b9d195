import { describe, expect, it } from 'vitest';
import { newAttachmentId, UPLOAD_REPORT_WINDOW_MS } from '../../../functions/domain/attachment-rules.js';
import { UploadPendingError, ValidationError } from '../../../functions/domain/errors.js';
import type { StoredFile } from '../../../functions/ports/attachment-storage.js';
import type { ReportedUpload, UploadRecords, UploadState } from '../../../functions/ports/upload-records.js';
import {
  checkAttachments,
  UPLOAD_PENDING_RETRY_SECONDS,
  UPLOAD_REPORT_PAUSES_MS,
} from '../../../functions/use-cases/check-attachments.js';

const NOW = new Date('2026-12-07T10:00:00.000Z');
const clock = { now: () => NOW };
const PHOTO: StoredFile = { contentType: 'image/png', size: 16, fileName: 'photo.png' };

/** Upload records in memory; `reportAfter` makes a file's notification arrive at its n-th lookup. */
class MemoryUploads implements UploadRecords {
  readonly lookups = new Map<string, number>();
  private readonly records = new Map<string, ReportedUpload>();

  constructor(private readonly reportAfter = new Map<string, { lookups: number; upload: ReportedUpload }>()) {}

  async find(storeId: string, attachmentId: string): Promise<UploadState> {
    const count = (this.lookups.get(attachmentId) ?? 0) + 1;
    this.lookups.set(attachmentId, count);
    const late = this.reportAfter.get(attachmentId);
    if (late && count >= late.lookups) this.records.set(attachmentId, late.upload);
    const record = this.records.get(attachmentId);
    if (!record) return { state: 'unreported' };
    if (record.storeId !== storeId) return { state: 'elsewhere' };
    return {
      state: 'uploaded',
      file: { contentType: record.contentType, size: record.size, fileName: record.fileName },
    };
  }

  async record(upload: ReportedUpload): Promise<void> {
    this.records.set(upload.attachmentId, upload);
  }
}

const reported = (storeId: string, attachmentId: string): ReportedUpload => ({
  ...PHOTO,
  storeId,
  attachmentId,
  reportedAt: NOW.toISOString(),
});

/** An id issued `agoMs` before now, as `POST /v1/attachments` would have. */
const issued = (agoMs: number): string => newAttachmentId(new Date(NOW.getTime() - agoMs));

describe('Function: checkAttachments', () => {
  it('returns the reported files in the request order, reading each once', async () => {
    // Prepare
    const uploads = new MemoryUploads();
    const [first, second] = [issued(1_000), issued(2_000)];
    await uploads.record(reported('store-a', first));
    await uploads.record({ ...reported('store-a', second), fileName: undefined, contentType: 'application/pdf' });

    // Act
    const files = await checkAttachments({ uploads, clock }, 'store-a', [first, second]);

    // Assess
    expect(files).toEqual([
      { attachmentId: first, fileName: 'photo.png', contentType: 'image/png', size: 16 },
      { attachmentId: second, fileName: second, contentType: 'application/pdf', size: 16 },
    ]);
    expect([...uploads.lookups.values()]).toEqual([1, 1]);
  });

  it('waits for a recent upload whose notification arrives during the pauses, and takes it', async () => {
    // Prepare: reported at the third lookup, after two pauses
    const late = issued(500);
    const uploads = new MemoryUploads(new Map([[late, { lookups: 3, upload: reported('store-a', late) }]]));

    // Act
    const files = await checkAttachments({ uploads, clock }, 'store-a', [late]);

    // Assess
    expect(files.map((file) => file.attachmentId)).toEqual([late]);
    expect(uploads.lookups.get(late)).toBe(3);
  });

  it('answers 409 upload_pending with Retry-After, naming the file, when a recent upload is still unreported', async () => {
    // Prepare
    const pending = issued(UPLOAD_REPORT_WINDOW_MS - 60_000);
    const uploads = new MemoryUploads();
    await uploads.record(reported('store-a', issued(1_000)));

    // Act
    const refused = checkAttachments({ uploads, clock }, 'store-a', [pending]);

    // Assess
    const error = await refused.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UploadPendingError);
    expect(error).toMatchObject({
      statusCode: 409,
      code: 'upload_pending',
      retryAfterSeconds: UPLOAD_PENDING_RETRY_SECONDS,
      details: [{ path: 'attachments.0', message: expect.any(String) }],
    });
    // Read once, then once after each pause.
    expect(uploads.lookups.get(pending)).toBe(1 + UPLOAD_REPORT_PAUSES_MS.length);
  });

  it.each([
    ['an id older than the upload window', () => issued(UPLOAD_REPORT_WINDOW_MS + 1_000)],
    ['a well-formed id from long ago', () => 'att_01KAAAAAAAAAAAAAAAAAAAAAAA'],
    ['a malformed id', () => '../../etc/passwd'],
  ])('answers 400 at once, without waiting, for %s never reported', async (_name, attachmentId) => {
    // Prepare
    const uploads = new MemoryUploads();
    const id = attachmentId();

    // Act
    const refused = checkAttachments({ uploads, clock }, 'store-a', [id]);

    // Assess
    await expect(refused).rejects.toBeInstanceOf(ValidationError);
    await expect(refused).rejects.toMatchObject({ details: [{ path: 'attachments.0' }] });
    expect(uploads.lookups.get(id)).toBe(1);
  });

  it("answers 400 at once for another store's recent upload, without waiting", async () => {
    // Prepare
    const theirs = issued(1_000);
    const uploads = new MemoryUploads();
    await uploads.record(reported('store-b', theirs));

    // Act
    const refused = checkAttachments({ uploads, clock }, 'store-a', [theirs]);

    // Assess
    await expect(refused).rejects.toMatchObject({
      statusCode: 400,
      details: [{ path: 'attachments.0', message: 'No uploaded attachment with this id in this store' }],
    });
    expect(uploads.lookups.get(theirs)).toBe(1);
  });

  it('names a still-unreported file in the 400 of a request refused for another file', async () => {
    // Prepare
    const [mine, theirs, pending] = [issued(3_000), issued(2_000), issued(1_000)];
    const uploads = new MemoryUploads();
    await uploads.record(reported('store-a', mine));
    await uploads.record(reported('store-b', theirs));

    // Act
    const refused = checkAttachments({ uploads, clock }, 'store-a', [mine, theirs, pending, mine]);

    // Assess
    await expect(refused).rejects.toMatchObject({
      statusCode: 400,
      details: [
        { path: 'attachments.1', message: 'No uploaded attachment with this id in this store' },
        { path: 'attachments.2', message: 'No uploaded attachment with this id in this store' },
        { path: 'attachments.3', message: 'Listed more than once' },
      ],
    });
  });
});
