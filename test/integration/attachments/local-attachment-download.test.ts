import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newAttachmentId } from '../../../functions/domain/attachment-rules.js';
import { ForbiddenError, GoneError, NotFoundError, ValidationError } from '../../../functions/domain/errors.js';
import { LocalAttachmentStorage } from '../../../local/local-attachment-storage.js';
import { downloadFrom, uploadFrom } from '../../support/local-attachments.js';

const START = new Date('2026-11-22T08:00:00.000Z');
const BODY = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

describe('Class: LocalAttachmentStorage (downloads)', () => {
  let directory: string;
  let now: Date;
  let storage: LocalAttachmentStorage;
  let attachmentId: string;

  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'local-downloads-'));
    now = START;
    storage = new LocalAttachmentStorage({
      directory,
      baseUrl: 'http://127.0.0.1:3000',
      secret: 's',
      clock: () => now,
    });
    attachmentId = newAttachmentId(now);
  });

  afterEach(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  const uploaded = async (storeId = 'store-1'): Promise<void> => {
    const ticket = await storage.createUpload({
      storeId,
      attachmentId,
      contentType: 'image/png',
      size: BODY.length,
      fileName: 'evidence.pdf',
    });
    await storage.acceptUpload(uploadFrom(ticket.uploadUrl, 'image/png', BODY));
  };

  it('returns a signed URL valid 5 minutes that reads back the uploaded bytes and type', async () => {
    // Prepare
    await uploaded();

    // Act
    const ticket = await storage.createDownload('store-1', attachmentId);
    const file = await storage.readDownload(downloadFrom(ticket.downloadUrl));

    // Assess
    expect(new URL(ticket.downloadUrl).pathname).toBe(`/_local/downloads/store-1/${attachmentId}`);
    expect(ticket.expiresAt).toBe('2026-11-22T08:05:00.000Z');
    expect(file).toEqual({ contentType: 'image/png', body: BODY });
    expect(await storage.describe('store-1', attachmentId)).toEqual({
      contentType: 'image/png',
      size: BODY.length,
      fileName: 'evidence.pdf',
    });
    expect(await storage.describe('store-2', attachmentId)).toBeUndefined();
  });

  it('refuses a URL moved to another store, a tampered signature, and an expired URL', async () => {
    // Prepare
    await uploaded('store-1');
    await uploaded('store-2');
    const download = downloadFrom((await storage.createDownload('store-1', attachmentId)).downloadUrl);

    // Act & Assess
    await expect(storage.readDownload({ ...download, storeId: 'store-2' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(storage.readDownload({ ...download, signature: '0'.repeat(64) })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(storage.readDownload({ ...download, expires: Number(download.expires) + 60 })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    now = new Date(START.getTime() + 300_000);
    await expect(storage.readDownload(download)).rejects.toBeInstanceOf(GoneError);
  });

  it('answers not found for a file that was never uploaded, and refuses to sign an invalid key', async () => {
    // Prepare
    await storage.createUpload({
      storeId: 'store-1',
      attachmentId,
      contentType: 'image/png',
      size: BODY.length,
      fileName: 'evidence.pdf',
    });

    // Act
    const download = downloadFrom((await storage.createDownload('store-1', attachmentId)).downloadUrl);

    // Assess
    await expect(storage.readDownload(download)).rejects.toBeInstanceOf(NotFoundError);
    await expect(storage.createDownload('store-1', '../x')).rejects.toBeInstanceOf(ValidationError);
  });
});
